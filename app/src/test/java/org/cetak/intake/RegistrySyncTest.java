package org.cetak.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.intake.jooq.JooqUpstreamCursor;
import org.cetak.intake.siak.SiakHttpRegistry;
import org.cetak.sim.registry.RegistryBehaviour;
import org.cetak.sim.registry.RegistryServer;
import org.cetak.sim.registry.SyntheticResidents;
import org.cetak.sim.time.VirtualTimeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP adapter of the upstream port against hardware-sim's simulated SIAK. */
@DatabaseTest
class RegistrySyncTest {

  private final IntakeFixture f;
  private final VirtualTimeline timeline =
      new VirtualTimeline(Instant.parse("2026-01-05T01:00:00Z"));
  private RegistryServer server;

  RegistrySyncTest(DataSource dataSource) {
    f = new IntakeFixture(dataSource);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private SiakHttpRegistry start(RegistryBehaviour behaviour) throws Exception {
    server =
        new RegistryServer(new SyntheticResidents(behaviour.seed()), behaviour, timeline)
            .start("127.0.0.1", 0);
    return new SiakHttpRegistry(URI.create(server.url()), Duration.ofSeconds(5));
  }

  @Test
  void pulls_every_page_once_and_a_second_pull_finds_nothing_new() throws Exception {
    SiakHttpRegistry registry = start(RegistryBehaviour.healthy(120, 7));
    RegistrySync sync =
        new RegistrySync(
            registry, new JooqUpstreamCursor(f.db, f.clock), f.imports, f.transactions);

    RegistrySync.SyncResult first = sync.pull(f.office, "sync", 50, 10);
    RegistrySync.SyncResult second = sync.pull(f.office, "sync", 50, 10);

    assertThat(first.stoppedBy()).isEmpty();
    assertThat(first.pages()).hasSize(3).allMatch(ImportReport::applied);
    long created = first.pages().stream().mapToLong(p -> p.counts().created()).sum();
    long notReady = first.pages().stream().mapToLong(p -> p.counts().notReady()).sum();
    assertThat(created + notReady).isEqualTo(120);
    assertThat(second.pages()).isEmpty();
    String nik = server.residents().resident(0).nik();
    long id =
        ((Number) f.db.fetchValue("select max(id) from print_request where nik = ?", nik))
            .longValue();
    assertThat(f.queue.card(id).orElseThrow().payloads().photo()).isPresent();
  }

  @Test
  void an_outage_stops_the_pull_without_moving_the_cursor_and_pushes_wait() throws Exception {
    SiakHttpRegistry registry =
        start(
            new RegistryBehaviour(
                10,
                8,
                Duration.ZERO,
                0,
                List.of(
                    new RegistryBehaviour.Outage(
                        Instant.parse("2026-01-05T00:00:00Z"), Duration.ofDays(3)))));
    JooqUpstreamCursor cursors = new JooqUpstreamCursor(f.db, f.clock);
    RegistrySync sync = new RegistrySync(registry, cursors, f.imports, f.transactions);

    var cursorBefore = cursors.position(f.office.id());
    RegistrySync.SyncResult result = sync.pull(f.office, "sync", 50, 10);
    UpstreamRegistry.Push push =
        registry.pushPrinted(
            new UpstreamRegistry.PrintedStatus(
                "3271044403080001",
                OffsetDateTime.parse("2026-01-05T09:00:00+07:00"),
                "04A1B2C3",
                "32.71"));

    assertThat(result.stoppedBy()).hasValueSatisfying(s -> assertThat(s).contains("unavailable"));
    assertThat(cursors.position(f.office.id())).isEqualTo(cursorBefore);
    assertThat(push).isInstanceOf(UpstreamRegistry.Unavailable.class);
    timeline.advance(Duration.ofDays(4));
    assertThat(
            registry.pushPrinted(
                new UpstreamRegistry.PrintedStatus(
                    "3271044403080001",
                    OffsetDateTime.parse("2026-01-05T09:00:00+07:00"),
                    "04A1B2C3",
                    "32.71")))
        .isInstanceOf(UpstreamRegistry.Accepted.class);
    assertThat(server.printedReports()).hasSize(1);
  }
}
