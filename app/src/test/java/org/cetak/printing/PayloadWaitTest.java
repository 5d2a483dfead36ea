package org.cetak.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.cetak.allocation.RunTrigger;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.demo.DemoBacklog;
import org.cetak.intake.IntakeFixture;
import org.cetak.intake.UpstreamRegistry;
import org.cetak.intake.siak.SiakHttpRegistry;
import org.cetak.office.Office;
import org.cetak.office.OfficeKind;
import org.cetak.printing.face.CardFaceRenderer;
import org.cetak.printing.jooq.JooqPayloadWaits;
import org.cetak.printing.jooq.JooqReprintStore;
import org.cetak.sim.registry.RegistryBehaviour;
import org.cetak.sim.registry.RegistryServer;
import org.cetak.sim.registry.SyntheticResidents;
import org.cetak.sim.time.Timeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A card is never printed with a placeholder face: a request whose photo and signature were deleted
 * after an earlier print is fetched again from the upstream registry (a simulated SIAK over HTTP)
 * before it takes a blank, and waits, with its reason, while the registry cannot give it. Each test
 * uses its own office and residents.
 */
@DatabaseTest
class PayloadWaitTest {

  private static final long SEED = 9090;
  private static int offices;

  private final IntakeFixture f;
  private final SyntheticResidents people = new SyntheticResidents(SEED);
  private final JooqPayloadWaits waits;
  private final JooqReprintStore grants;
  private final ExecutorService preparation = Executors.newSingleThreadExecutor();

  /** The registry as the station reaches it: the live simulated SIAK, or one that is down. */
  private final AtomicReference<UpstreamRegistry> registry = new AtomicReference<>();

  private RegistryServer centre;
  private UpstreamRegistry up;
  private UpstreamRegistry down;
  private Office office;
  private PrinterRef printer;
  private CardSupply supply;

  PayloadWaitTest(DataSource dataSource) {
    f = new IntakeFixture(dataSource);
    waits = new JooqPayloadWaits(f.db);
    grants = new JooqReprintStore(f.db, f.clock);
  }

  @BeforeEach
  void anOfficeAndTheCentre() throws Exception {
    offices++;
    office =
        f.offices.addOffice(
            "35.9" + offices,
            "Test office " + offices,
            OfficeKind.KABUPATEN_KOTA,
            Optional.empty(),
            "");
    printer = new PrinterRef(offices, office.id(), "PRN-1");
    centre =
        new RegistryServer(
                people,
                RegistryBehaviour.healthy(100, SEED),
                Timeline.of(1.0, Instant.parse("2026-01-05T01:00:00Z")))
            .start("127.0.0.1", 0);
    up = new SiakHttpRegistry(URI.create(centre.url()), Duration.ofSeconds(5));
    RegistryServer gone =
        new RegistryServer(
                people,
                RegistryBehaviour.healthy(100, SEED),
                Timeline.of(1.0, Instant.parse("2026-01-05T01:00:00Z")))
            .start("127.0.0.1", 0);
    down = new SiakHttpRegistry(URI.create(gone.url()), Duration.ofSeconds(5));
    gone.close(); // nothing answers on its port any more
    UpstreamRegistry current =
        new UpstreamRegistry() {
          @Override
          public Pull pull(Optional<String> cursor, int limit) {
            return registry.get().pull(cursor, limit);
          }

          @Override
          public Fetch fetch(String nik) {
            return registry.get().fetch(nik);
          }

          @Override
          public Push pushPrinted(PrintedStatus status) {
            return registry.get().pushPrinted(status);
          }
        };
    supply =
        new PreparingCardSupply(
            new PayloadFetchingQueue(f.queue, Optional.of(current), f.requests, waits, f.clock),
            new CardPreparer(new CardFaceRenderer(), IntakeFixture.REGIONS, f.clock),
            f.transactions,
            preparation,
            grants);
  }

  @AfterEach
  void stop() {
    preparation.shutdownNow();
    centre.close();
  }

  /** Residents of this test, imported with their payloads and each holding a blank. */
  private List<Long> reserved(int count) {
    List<UpstreamRegistry.UpstreamRecord> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(DemoBacklog.upstreamRecord(people.resident(offices * 10 + i)));
    }
    assertThat(f.imports.importUpstream(office, "test", "loket", records).errors()).isEmpty();
    f.blanks.set(count);
    f.allocation.run(office.id(), RunTrigger.ON_DEMAND, "test");
    return f.db
        .fetch(
            "select id from print_request where office_id = ? and status = 'RESERVED' order by id",
            office.id())
        .getValues(0, Long.class);
  }

  /** The request's card came out: its payloads are deleted (UU 27/2022). */
  private void printed(long requestId) {
    f.transactions.run(
        () -> {
          f.requests.markPrinting(requestId, "test");
          f.requests.markPrinted(requestId, "04A1B2C3D4E5F6", f.clock.instant(), "test");
        });
  }

  /** A supervisor approved a reprint of the request. */
  private void reprintGranted(long requestId) {
    long approval =
        f.db
            .fetchSingle(
                "insert into approval (office_id, kind, subject_id, summary, status, proposed_by,"
                    + " proposed_at, decided_by, decided_at) values (?, 'REPRINT', ?, 'reprint',"
                    + " 'APPROVED', 'operator', now(), 'kabid', now()) returning id",
                office.id(),
                requestId)
            .get(0, Long.class);
    grants.grant(office.id(), requestId, approval, "kartu rusak saat diambil");
  }

  private boolean photoStored(long requestId) {
    return f.db.fetchExists(
        f.db
            .selectOne()
            .from("request_payload")
            .where("request_id = ? and photo is not null", requestId));
  }

  @Test
  void a_reprint_whose_photo_the_registry_cannot_give_waits_and_takes_no_blank() {
    List<Long> requests = reserved(2);
    long first = requests.get(0);
    printed(first);
    reprintGranted(first);
    registry.set(down);

    Optional<PreparedCard> next = supply.next(printer);

    assertThat(next).map(PreparedCard::requestId).contains(requests.get(1));
    assertThat(next).map(PreparedCard::reprint).contains(false);
    assertThat(waits.waiting(office.id()))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.requestId()).isEqualTo(first);
              assertThat(w.reason()).isEqualTo(PayloadWaits.Reason.UPSTREAM_UNAVAILABLE);
            });
    assertThat(photoStored(first)).isFalse();
  }

  @Test
  void a_reprint_prints_with_the_photo_fetched_again_from_the_registry() {
    long first = reserved(1).get(0);
    printed(first);
    reprintGranted(first);
    registry.set(up);

    Optional<PreparedCard> next = supply.next(printer);

    assertThat(next).map(PreparedCard::requestId).contains(first);
    assertThat(next).map(PreparedCard::reprint).contains(true);
    assertThat(photoStored(first)).isTrue();
    assertThat(waits.waiting(office.id())).isEmpty();
  }

  @Test
  void a_request_whose_payload_is_gone_waits_until_the_registry_gives_it_back() {
    long request = reserved(1).get(0);
    f.db.execute("delete from request_payload where request_id = ?", request);
    registry.set(down);

    assertThat(supply.next(printer)).isEmpty();
    assertThat(waits.waiting(office.id()))
        .singleElement()
        .satisfies(w -> assertThat(w.tries()).isEqualTo(1));

    // the centre answers again; the station asks once the wait is over
    registry.set(up);
    assertThat(supply.next(printer)).isEmpty();
    f.clock.advance(PayloadFetchingQueue.RETRY);
    Optional<PreparedCard> next = supply.next(printer);

    assertThat(next).map(PreparedCard::requestId).contains(request);
    assertThat(photoStored(request)).isTrue();
    assertThat(waits.waiting(office.id())).isEmpty();
  }

  @Test
  void a_card_whose_photo_cannot_be_read_is_put_aside_takes_no_blank_and_prints_once_fetched() {
    List<Long> requests = reserved(2);
    long bad = f.queue.nextReserved(office.id()).orElseThrow().requestId(); // first in print order
    long good = requests.get(0) == bad ? requests.get(1) : requests.get(0);
    String nik = (String) f.db.fetchValue("select nik from print_request where id = ?", bad);
    f.db.execute(
        "update request_payload set photo = ? where request_id = ?",
        "not a jpeg at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        bad);
    registry.set(down);

    Optional<PreparedCard> next = supply.next(printer);

    assertThat(next).map(PreparedCard::requestId).contains(good);
    assertThat(waits.waiting(office.id()))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.requestId()).isEqualTo(bad);
              assertThat(w.reason()).isEqualTo(PayloadWaits.Reason.FACE_UNREADABLE);
              assertThat(w.detail()).contains("photoJpeg").doesNotContain(nik);
            });
    assertHoldsItsBlankUnprinted(bad);

    // the card printed meanwhile leaves the queue; the registry is still down when asked again
    printed(good);
    supply.release(printer);
    f.clock.advance(PayloadFetchingQueue.RETRY);
    assertThat(supply.next(printer)).isEmpty();
    assertThat(waits.waiting(office.id()))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.reason()).isEqualTo(PayloadWaits.Reason.FACE_UNREADABLE);
              assertThat(w.detail()).contains("photoJpeg").contains("UPSTREAM_UNAVAILABLE");
              assertThat(w.tries()).isEqualTo(2);
            });
    assertHoldsItsBlankUnprinted(bad);

    // the registry answers: its photo is fetched again and the card is prepared with it
    registry.set(up);
    supply.release(printer);
    f.clock.advance(PayloadFetchingQueue.RETRY);
    Optional<PreparedCard> fetched = supply.next(printer);

    assertThat(fetched).map(PreparedCard::requestId).contains(bad);
    assertThat(waits.waiting(office.id())).isEmpty();
    assertThat(f.db.fetchValue("select count(*) from payload_wait where request_id = ?", bad))
        .isEqualTo(0L);
  }

  @Test
  void a_card_put_aside_for_its_photo_prints_once_a_later_bundle_stores_a_readable_one() {
    long request = reserved(1).get(0);
    byte[] good =
        (byte[]) f.db.fetchValue("select photo from request_payload where request_id = ?", request);
    f.db.execute(
        "update request_payload set photo = ? where request_id = ?",
        "not a jpeg at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        request);
    registry.set(down);

    assertThat(supply.next(printer)).isEmpty();
    assertThat(waits.waiting(office.id()))
        .singleElement()
        .satisfies(w -> assertThat(w.reason()).isEqualTo(PayloadWaits.Reason.FACE_UNREADABLE));

    // a later bundle stores a photo that can be read; the registry is still down
    f.db.execute("update request_payload set photo = ? where request_id = ?", good, request);
    supply.release(printer);
    f.clock.advance(PayloadFetchingQueue.RETRY);

    assertThat(supply.next(printer)).map(PreparedCard::requestId).contains(request);
    assertThat(waits.waiting(office.id())).isEmpty();
  }

  /** Still holding its blank, untouched by a printer: no job, no blank taken from a feeder. */
  private void assertHoldsItsBlankUnprinted(long requestId) {
    assertThat(f.db.fetchValue("select status from print_request where id = ?", requestId))
        .isEqualTo("RESERVED");
    assertThat(
            f.db.fetchValue(
                "select count(*) from reservation where request_id = ? and released_at is null"
                    + " and consumed_at is null",
                requestId))
        .isEqualTo(1L);
    assertThat(f.db.fetchValue("select count(*) from print_job where request_id = ?", requestId))
        .isEqualTo(0L);
  }

  @Test
  void a_card_without_its_photo_is_never_prepared() {
    long request = reserved(1).get(0);
    f.db.execute("delete from request_payload where request_id = ?", request);
    QueuedCard card = f.queue.card(request).orElseThrow();
    CardPreparer preparer =
        new CardPreparer(new CardFaceRenderer(), IntakeFixture.REGIONS, f.clock);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> preparer.prepare(card, true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no photo");
  }
}
