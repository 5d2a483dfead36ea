package org.cetak.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.cetak.common.Backoff;
import org.cetak.consolidation.jooq.JooqConsolidationQueue;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.intake.IntakeFixture;
import org.cetak.intake.UpstreamRegistry;
import org.cetak.intake.siak.SiakHttpRegistry;
import org.cetak.notify.Outbox;
import org.cetak.notify.jooq.JooqOutbox;
import org.cetak.office.Access;
import org.cetak.office.jooq.JooqAudit;
import org.cetak.sim.registry.PrintedReport;
import org.cetak.sim.registry.RegistryBehaviour;
import org.cetak.sim.registry.RegistryServer;
import org.cetak.sim.registry.SyntheticResidents;
import org.cetak.sim.time.VirtualTimeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The printed status of every card reaches the simulated SIAK exactly once, in order per request,
 * across a three-day central outage (seed 002), while printing goes on; a node that dies between
 * the centre's answer and its commit does not make the centre record a card twice.
 */
@DatabaseTest
class CentreOutageTest {

  private static final Instant OUTAGE_FROM = Instant.parse("2026-01-05T03:00:00Z");
  private static final Duration OUTAGE = Duration.ofDays(3);

  private final IntakeFixture f;
  private final VirtualTimeline timeline;
  private final JooqConsolidationQueue queue;
  private final Outbox outbox;
  private RegistryServer server;
  private ConsolidationService consolidation;

  CentreOutageTest(DataSource dataSource) {
    f = new IntakeFixture(dataSource);
    timeline = new VirtualTimeline(f.clock.instant());
    queue = new JooqConsolidationQueue(f.db);
    outbox =
        new JooqOutbox(
            f.db,
            f.clock,
            new org.cetak.notify.Notices(
                new org.cetak.notify.jooq.JooqNoticeStore(f.db, f.clock),
                f.transactions,
                new org.cetak.office.jooq.JooqAudit(f.db, f.clock),
                f.clock));
  }

  @BeforeEach
  void centre() throws Exception {
    server =
        new RegistryServer(
                new SyntheticResidents(1),
                new RegistryBehaviour(
                    0,
                    1,
                    Duration.ZERO,
                    0,
                    List.of(new RegistryBehaviour.Outage(OUTAGE_FROM, OUTAGE))),
                timeline)
            .start("127.0.0.1", 0);
    consolidation = service(new SiakHttpRegistry(URI.create(server.url()), Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ConsolidationService service(UpstreamRegistry registry) {
    return new ConsolidationService(
        queue,
        Optional.of(registry),
        new Access(f.offices),
        new JooqAudit(f.db, f.clock),
        f.transactions,
        f.clock,
        new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(30)),
        Duration.ofMinutes(5));
  }

  @Test
  void a_three_day_outage_ends_with_every_printed_status_pushed_exactly_once_in_order() {
    int cards = 0;
    List<Long> handOverAt = new ArrayList<>();
    Map<Long, Instant> handOverDue = new HashMap<>();
    boolean crashed = false;
    Instant end = OUTAGE_FROM.plus(OUTAGE).plus(Duration.ofHours(12));
    while (f.clock.instant().isBefore(end)) {
      Instant now = f.clock.instant();
      // a card comes out every half hour, outage or not: printing never waits for the centre
      if (now.getEpochSecond() % 1800 == 0) {
        cards++;
        long request = cards;
        f.transactions.run(
            () ->
                outbox.cardPrinted(
                    card(request, now),
                    org.cetak.support.PrintedJobs.checksCards(f.db, f.office.id())));
        if (request % 3 == 0) {
          handOverDue.put(request, now.plus(Duration.ofHours(5)));
        }
      }
      for (Map.Entry<Long, Instant> due : new ArrayList<>(handOverDue.entrySet())) {
        if (!due.getValue().isAfter(now)) {
          f.transactions.run(() -> queue.queueHandover(due.getKey(), now));
          handOverAt.add(due.getKey());
          handOverDue.remove(due.getKey());
        }
      }
      // the first push after the outage: the node dies after the centre accepted it, before its
      // commit
      if (!crashed && !timeline.now().isBefore(OUTAGE_FROM.plus(OUTAGE))) {
        Optional<PendingPush> claimed =
            f.transactions.inTransaction(
                () ->
                    queue.claimNext(
                        now, now.plus(Duration.ofMinutes(5)), Optional.empty(), "node-a"));
        assertThat(claimed).isPresent();
        assertThat(
                new SiakHttpRegistry(URI.create(server.url()), Duration.ofSeconds(5))
                    .pushPrinted(
                        new UpstreamRegistry.PrintedStatus(
                            claimed.get().nik(),
                            claimed.get().printedAt().atOffset(java.time.ZoneOffset.UTC),
                            claimed.get().cardUid(),
                            claimed.get().officeCode(),
                            claimed.get().key())))
            .isInstanceOf(UpstreamRegistry.Accepted.class);
        crashed = true;
      }
      consolidation.pushDue("scheduler");
      f.clock.advance(Duration.ofMinutes(15));
      timeline.advance(Duration.ofMinutes(15));
    }

    List<PrintedReport> printed = server.printedReports();
    List<PrintedReport> handed = server.handoverReports();
    assertThat(crashed).isTrue();
    assertThat(cards).isGreaterThan(150);
    assertThat(printed).hasSize(cards);
    assertThat(printed).extracting(PrintedReport::key).doesNotHaveDuplicates();
    assertThat(handed)
        .hasSize(handOverAt.size())
        .extracting(PrintedReport::key)
        .doesNotHaveDuplicates();
    assertThat(server.duplicatePushes()).isPositive();
    assertThat(printed)
        .noneMatch(
            p ->
                !p.receivedAt().isBefore(OUTAGE_FROM)
                    && p.receivedAt().isBefore(OUTAGE_FROM.plus(OUTAGE)));
    Map<String, PrintedReport> printedByNik =
        printed.stream().collect(Collectors.toMap(PrintedReport::nik, Function.identity()));
    for (PrintedReport handover : handed) {
      assertThat(printedByNik.get(handover.nik()).reference())
          .as("printed status of %s before its handover", handover.nik())
          .isLessThan(handover.reference());
    }
    assertThat(f.db.fetchCount(f.db.selectFrom("status_outbox").where("status <> 'SENT'")))
        .isZero();
    long retried =
        f.db.fetchCount(f.db.selectFrom("status_push_attempt").where("outcome = 'UNAVAILABLE'"));
    assertThat(retried).isPositive();
  }

  private Outbox.PrintedCard card(long request, Instant printedAt) {
    org.cetak.support.PrintedJobs.requestWithId(
        f.db, f.office.id(), request, String.format("3271014101%06d", request));
    return new Outbox.PrintedCard(
        f.office.id(),
        request,
        org.cetak.support.PrintedJobs.insert(f.db, f.office.id(), request),
        String.format("3271014101%06d", request),
        "Warga " + request,
        Optional.empty(),
        String.format("04%012X", request),
        printedAt);
  }
}
