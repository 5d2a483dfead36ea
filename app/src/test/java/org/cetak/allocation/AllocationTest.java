package org.cetak.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.cetak.common.DomainException;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportProgress;
import org.cetak.intake.ImportReport;
import org.cetak.intake.IntakeFixture;
import org.cetak.intake.RequestReason;
import org.cetak.intake.Residents;
import org.cetak.printing.QueuedCard;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each test uses its own office, so the class shares one database without tests seeing each other.
 */
@DatabaseTest
class AllocationTest {

  private final IntakeFixture f;
  @TempDir Path tmp;
  private String officeCode;
  private long officeId;
  private int seq;
  private static int offices;

  AllocationTest(DataSource dataSource) {
    f = new IntakeFixture(dataSource);
  }

  @BeforeEach
  void freshOffice() {
    offices++;
    officeCode = "32.9" + offices;
    officeId =
        f.offices
            .addOffice(
                officeCode,
                "Test office " + offices,
                org.cetak.office.OfficeKind.KABUPATEN_KOTA,
                java.util.Optional.empty(),
                "")
            .id();
    seq = offices * 100;
  }

  /** Queues one request; returns its NIK. */
  private String queue(String reason, String suketDate, String siakAt, Map<String, String> extra) {
    Map<String, String> row = Residents.row(++seq, LocalDate.of(1990, 5, 20), reason);
    row.put("suket_date", suketDate);
    row.put("suket_number", suketDate.isEmpty() ? "" : "474/" + seq);
    row.put("siak_status_at", siakAt);
    row.putAll(extra);
    try (Bundle bundle = Bundle.open(Residents.bundle(tmp.resolve("b" + seq), List.of(row)))) {
      ImportReport report =
          f.imports.importBundle(bundle, officeCode, "loket", ImportProgress.none());
      assertThat(report.errors()).isEmpty();
    }
    return row.get("nik");
  }

  private String queue(String reason, String suketDate, String siakAt) {
    return queue(reason, suketDate, siakAt, Map.of());
  }

  private long requestId(String nik) {
    return ((Number) f.db.fetchValue("select id from print_request where nik = ?", nik))
        .longValue();
  }

  private List<String> reservedInOrder() {
    List<String> niks = new ArrayList<>();
    java.util.Set<Long> skip = new java.util.HashSet<>();
    for (var next = f.queue.nextReserved(officeId, skip);
        next.isPresent();
        next = f.queue.nextReserved(officeId, skip)) {
      skip.add(next.get().requestId());
      niks.add(next.get().record().nik());
    }
    return niks;
  }

  @Test
  void the_next_request_to_print_is_found_behind_many_cards_being_printed() {
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      Map<String, String> row = Residents.row(++seq, LocalDate.of(1990, 5, 20), "FIRST_CARD");
      row.put("suket_date", "");
      row.put("suket_number", "");
      row.put("siak_status_at", String.format("2025-12-01T08:%02d:00+07:00", i % 60));
      rows.add(row);
    }
    try (Bundle bundle = Bundle.open(Residents.bundle(tmp.resolve("seventy"), rows))) {
      assertThat(
              f.imports.importBundle(bundle, officeCode, "loket", ImportProgress.none()).errors())
          .isEmpty();
    }
    f.blanks.set(70);
    f.allocation.run(officeId, RunTrigger.ON_DEMAND, "test");
    List<String> order = reservedInOrder();
    assertThat(order).hasSize(70);

    // the first 66 in print order are on printers now: the 67th is next
    for (int i = 0; i < 66; i++) {
      f.requests.markPrinting(requestId(order.get(i)), "station");
    }
    assertThat(f.queue.nextReserved(officeId).orElseThrow().record().nik())
        .isEqualTo(order.get(66));
    assertThat(
            f.queue
                .nextReserved(officeId, java.util.Set.of(requestId(order.get(66))))
                .orElseThrow()
                .record()
                .nik())
        .isEqualTo(order.get(67));

    for (int i = 66; i < 70; i++) {
      f.requests.markPrinting(requestId(order.get(i)), "station");
    }
    assertThat(f.queue.nextReserved(officeId)).isEmpty();
  }

  @Test
  void a_record_changed_upstream_moves_its_held_blank_in_the_print_order() {
    String early = queue("MOVED_IN", "", "2025-12-01T08:00:00+07:00");
    int lateSeq = seq + 1;
    String late = queue("MOVED_IN", "", "2025-12-20T08:00:00+07:00");
    f.blanks.set(5);
    f.allocation.run(officeId, RunTrigger.ON_DEMAND, "test");
    assertThat(reservedInOrder()).containsExactly(early, late);

    // the centre sends the later record again, now with a Suket: it prints first
    Map<String, String> row = Residents.row(lateSeq, LocalDate.of(1990, 5, 20), "MOVED_IN");
    row.put("suket_date", "2025-10-01");
    row.put("suket_number", "474/" + lateSeq);
    row.put("siak_status_at", "2025-12-20T08:00:00+07:00");
    try (Bundle bundle = Bundle.open(Residents.bundle(tmp.resolve("again"), List.of(row)))) {
      ImportReport report =
          f.imports.importBundle(bundle, officeCode, "loket", ImportProgress.none());
      assertThat(report.errors()).isEmpty();
    }
    assertThat(reservedInOrder()).containsExactly(late, early);
  }

  @Test
  void
      a_drop_smaller_than_the_backlog_goes_to_the_highest_tiers_first_and_first_come_first_served() {
    String damaged = queue("DAMAGED", "", "2025-11-01T08:00:00+07:00");
    String lost = queue("LOST", "", "2025-11-01T08:00:00+07:00");
    String movedLate = queue("MOVED_IN", "", "2025-12-20T08:00:00+07:00");
    String movedEarly = queue("MOVED_IN", "", "2025-12-01T08:00:00+07:00");
    String movedWithSuket = queue("MOVED_IN", "2025-10-01", "2025-12-30T08:00:00+07:00");
    String disabled = queue("OTHER", "", "2025-12-31T08:00:00+07:00", Map.of("disabled", "1"));
    String pemula = queue("FIRST_CARD", "", "2026-01-04T08:00:00+07:00");
    f.blanks.set(5);

    RunResult run = f.allocation.run(officeId, RunTrigger.DROP_RECEIVED, "test");

    assertThat(run.granted()).isEqualTo(5);
    assertThat(reservedInOrder())
        .containsExactly(pemula, disabled, movedWithSuket, movedEarly, movedLate);
    assertThat(f.status(lost)).isEqualTo("QUEUED");
    assertThat(f.status(damaged)).isEqualTo("QUEUED");
    assertThat(
            f.db
                .fetch(
                    "select rule, queue_rank from reservation where run_id = ? order by queue_rank",
                    run.runId())
                .map(r -> r.get(0, String.class) + "#" + r.get(1, Integer.class)))
        .containsExactly("FIRST_CARD#1", "DISABLED#2", "MOVED_IN#3", "MOVED_IN#4", "MOVED_IN#5");
  }

  @Test
  void a_run_never_reserves_more_than_usable_stock_minus_the_reserve_nor_beyond_the_cap() {
    for (int i = 0; i < 6; i++) {
      queue("FIRST_CARD", "", "2025-12-0" + (i + 1) + "T08:00:00+07:00");
    }
    PriorityPolicy base = f.policies.current(officeId);
    f.policies.replace(
        new PriorityPolicy(
            officeId,
            0,
            OptionalInt.of(100),
            2,
            base.tiers(),
            "reserve 2",
            "kabid",
            java.util.Optional.empty()),
        "kabid");
    f.blanks.set(5);

    assertThat(f.allocation.run(officeId, RunTrigger.ON_DEMAND, "test").granted()).isEqualTo(3);
    assertThat(f.allocation.run(officeId, RunTrigger.ON_DEMAND, "test").granted()).isZero();

    f.policies.replace(
        new PriorityPolicy(
            officeId,
            0,
            OptionalInt.of(4),
            0,
            base.tiers(),
            "cap 4",
            "kabid",
            java.util.Optional.empty()),
        "kabid");
    f.blanks.set(50);
    RunResult capped = f.allocation.run(officeId, RunTrigger.ON_DEMAND, "test");
    assertThat(capped.granted()).isEqualTo(1);
    assertThat(capped.capLeft()).hasValue(1);
  }

  @Test
  void a_withdrawn_request_releases_its_blank_to_the_next_in_line() {
    String first = queue("FIRST_CARD", "", "2025-12-01T08:00:00+07:00");
    String second = queue("FIRST_CARD", "", "2025-12-02T08:00:00+07:00");
    f.blanks.set(1);
    f.allocation.run(officeId, RunTrigger.ON_DEMAND, "test");
    assertThat(reservedInOrder()).containsExactly(first);

    long id = f.queue.nextReserved(officeId).orElseThrow().requestId();
    f.requests.withdraw(id, "resident moved abroad", "loket");
    RunResult after = f.allocation.run(officeId, RunTrigger.ON_DEMAND, "test");

    assertThat(f.status(first)).isEqualTo("WITHDRAWN");
    assertThat(after.granted()).isEqualTo(1);
    assertThat(reservedInOrder()).containsExactly(second);
  }

  @Test
  void two_runs_started_at_once_on_two_connections_reserve_each_blank_once() throws Exception {
    for (int i = 0; i < 40; i++) {
      queue("FIRST_CARD", "", "2025-12-01T08:00:00+07:00");
    }
    f.blanks.set(25);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    Callable<Integer> run =
        () -> {
          start.await();
          return f.allocation.run(officeId, RunTrigger.ON_DEMAND, "node").granted();
        };
    Future<Integer> a = pool.submit(run);
    Future<Integer> b = pool.submit(run);
    start.countDown();
    int granted = a.get(30, TimeUnit.SECONDS) + b.get(30, TimeUnit.SECONDS);
    pool.shutdown();

    assertThat(granted).isEqualTo(25);
    assertThat(
            f.db.fetchValue(
                "select count(*) from reservation where office_id = ? and released_at is null",
                officeId))
        .isEqualTo(25L);
    assertThat(
            f.db.fetchValue(
                "select count(distinct request_id) from reservation where office_id = ?", officeId))
        .isEqualTo(25L);
  }

  @Test
  void requests_without_a_photo_or_not_print_ready_get_no_blank_and_say_why() {
    String noPhoto = queue("FIRST_CARD", "", "2025-12-01T08:00:00+07:00", Map.of("photo", ""));
    f.blanks.set(10);

    assertThat(f.allocation.run(officeId, RunTrigger.ON_DEMAND, "test").granted()).isZero();
    assertThat(f.allocation.explain(noPhoto).blockers())
        .contains(QueueExplanation.Blocker.of(QueueExplanation.Blocker.Kind.NO_PHOTO));
  }

  @Test
  void why_not_yet_gives_tier_rank_blanks_ahead_and_a_date_range_from_stock_and_drops() {
    String a = queue("FIRST_CARD", "", "2025-12-01T08:00:00+07:00");
    String b = queue("LOST", "", "2025-12-01T08:00:00+07:00");
    String c = queue("LOST", "", "2025-12-02T08:00:00+07:00");
    f.blanks.set(1);
    f.allocation.run(officeId, RunTrigger.ON_DEMAND, "test");

    QueueExplanation reserved = f.allocation.explain(a);
    QueueExplanation waiting = f.allocation.explain(c);

    assertThat(reserved.status()).isEqualTo("RESERVED");
    assertThat(reserved.estimate().orElseThrow().earliest()).isEqualTo(f.today());
    assertThat(waiting.tier()).contains(4);
    assertThat(waiting.rule()).contains("LOST");
    assertThat(waiting.rank()).isEqualTo(3);
    assertThat(waiting.blanksAhead()).isEqualTo(2);
    assertThat(waiting.usableStock()).isZero();
    assertThat(waiting.expectedDrop().source()).isEqualTo("CONFIGURED");
    assertThat(waiting.estimate().orElseThrow().earliest()).isAfter(f.today().plusDays(13));
    assertThat(waiting.estimate().orElseThrow().latest())
        .isAfterOrEqualTo(waiting.estimate().orElseThrow().earliest());
    assertThat(waiting.nikMasked()).doesNotContain(c.substring(4, 14));
    assertThat(f.allocation.explain(b).rank()).isEqualTo(2);
    assertThat(reserved.rank()).isEqualTo(1);
  }

  /**
   * Over random queues (seeded, so a failure replays): the order allocation really serves is
   * observed by giving one more blank at a time; for any two requests, the one served first has the
   * smaller rank and fewer blanks ahead.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
  void rank_and_blanks_ahead_follow_the_order_allocation_serves(long seed) {
    Random random = new Random(seed);
    RequestReason[] reasons = {
      RequestReason.FIRST_CARD,
      RequestReason.MOVED_IN,
      RequestReason.LOST,
      RequestReason.DAMAGED,
      RequestReason.OTHER
    };
    List<String> niks = new ArrayList<>();
    int size = 4 + random.nextInt(5);
    for (int i = 0; i < size; i++) {
      String suket =
          random.nextBoolean() ? "" : LocalDate.of(2025, 10, 1 + random.nextInt(28)).toString();
      String at = String.format("2025-11-%02dT%02d:00:00+07:00", 1 + random.nextInt(28), 8 + i % 8);
      niks.add(queue(reasons[random.nextInt(reasons.length)].name(), suket, at));
    }
    int blanks = random.nextInt(size);
    f.blanks.set(blanks);
    f.allocation.run(officeId, RunTrigger.ON_DEMAND, "test");

    Map<String, QueueExplanation> why = new java.util.HashMap<>();
    niks.forEach(nik -> why.put(nik, f.allocation.explain(nik)));

    List<String> served = new ArrayList<>(reservedInOrder());
    assertThat(served).hasSizeLessThanOrEqualTo(blanks);
    for (int more = 0; more < size; more++) {
      f.blanks.incrementAndGet();
      f.allocation.run(officeId, RunTrigger.ON_DEMAND, "test");
      List<String> now = reservedInOrder();
      now.removeAll(served);
      assertThat(now).as("one more blank serves at most one more request").hasSizeLessThan(2);
      served.addAll(now);
    }
    assertThat(served).as("seed %d: requests served", seed).hasSizeGreaterThan(1);

    for (int i = 0; i + 1 < served.size(); i++) {
      QueueExplanation first = why.get(served.get(i));
      QueueExplanation then = why.get(served.get(i + 1));
      assertThat(first.rank())
          .as("seed %d: rank of served #%d < rank of #%d", seed, i + 1, i + 2)
          .isLessThan(then.rank());
      assertThat(first.blanksAhead())
          .as("seed %d: blanks ahead of served #%d < of #%d", seed, i + 1, i + 2)
          .isLessThan(then.blanksAhead());
    }
  }

  @Test
  void the_print_queue_moves_a_request_through_printing_and_keeps_its_history() {
    String nik = queue("FIRST_CARD", "", "2025-12-01T08:00:00+07:00");
    f.blanks.set(1);
    f.allocation.run(officeId, RunTrigger.ON_DEMAND, "test");
    QueuedCard card = f.queue.nextReserved(officeId).orElseThrow();
    assertThat(card.payloads().photo()).isPresent();

    f.requests.markPrinting(card.requestId(), "station");
    f.requests.requeue(card.requestId(), "chip write failed", "station");
    assertThat(f.queue.nextReserved(officeId).orElseThrow().requestId())
        .isEqualTo(card.requestId());
    f.requests.markPrinting(card.requestId(), "station");
    f.requests.markPrinted(
        card.requestId(), "04A1B2C3", Instant.parse("2026-01-05T02:00:00Z"), "station");

    assertThat(f.status(nik)).isEqualTo("PRINTED");
    assertThat(f.queue.nextReserved(officeId)).isEmpty();
    assertThat(
            f.db.fetchValue(
                "select count(*) from request_payload where request_id = ?", card.requestId()))
        .isEqualTo(0L);
    assertThat(
            f.db
                .fetch(
                    "select to_status from print_request_event where request_id = ? order by id",
                    card.requestId())
                .map(r -> r.get(0, String.class)))
        .containsExactly(
            "QUEUED", "RESERVED", "PRINTING", "FAILED_REQUEUED", "PRINTING", "PRINTED");
    assertThatThrownBy(
            () -> f.requests.markOutcomeUnknown(card.requestId(), "CARD_UNKNOWN", "?", "station"))
        .isInstanceOf(DomainException.class);
    f.requests.markHandedOver(card.requestId(), "loket");
    assertThatThrownBy(() -> f.requests.requeue(card.requestId(), "late", "station"))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("REQUEST_STATUS_CONFLICT"));
  }

  @Test
  void the_sql_ranking_places_requests_in_the_tiers_the_policy_gives_in_java() {
    String elderly =
        queue(
            "LOST",
            "",
            "2025-12-01T08:00:00+07:00",
            Map.of(
                "birth_date",
                "1950-05-20",
                "nik",
                Residents.nik("327104", LocalDate.of(1950, 5, 20), false, 9001 + offices)));
    f.blanks.set(1);
    f.allocation.run(officeId, RunTrigger.ON_DEMAND, "test");

    QueuedCard card = f.queue.nextReserved(officeId).orElseThrow();
    assertThat(card.record().nik()).isEqualTo(elderly);
    PriorityPolicy.Placement inJava =
        f.policies.current(officeId).place(card.record(), f.today()).orElseThrow();
    assertThat(card.tier()).isEqualTo(inJava.tier()).isEqualTo(2);
    assertThat(card.rule()).isEqualTo(inJava.rule()).isEqualTo("ELDERLY");
  }

  @Test
  void unreachable_or_overlapping_tiers_are_refused_and_nothing_changes() {
    PriorityPolicy current = f.policies.current(officeId);
    List<PriorityTier> unreachable =
        List.of(
            new PriorityTier(1, "Semua", List.of(PriorityRule.named("ANY"))),
            new PriorityTier(
                2, "Hilang", List.of(PriorityRule.named("LOST").withReasons(RequestReason.LOST))));
    List<PriorityTier> overlapping =
        List.of(
            new PriorityTier(
                1, "A", List.of(PriorityRule.named("LOST_A").withReasons(RequestReason.LOST))),
            new PriorityTier(
                2, "B", List.of(PriorityRule.named("LOST_B").withReasons(RequestReason.LOST))));
    List<PriorityTier> emptyWindow =
        List.of(
            new PriorityTier(
                1,
                "Pemilih pemula",
                List.of(
                    PriorityRule.named("VOTER")
                        .withWindow(LocalDate.of(2029, 2, 14), LocalDate.of(2028, 8, 14)))));

    assertThatThrownBy(() -> f.policies.replace(policy(unreachable), "kabid"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.code()).isEqualTo("POLICY_UNREACHABLE_TIER");
              assertThat(e.getMessage())
                  .contains("rule 'LOST' of tier 2")
                  .contains("'ANY' of tier 1");
            });
    assertThatThrownBy(() -> f.policies.replace(policy(overlapping), "kabid"))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("POLICY_OVERLAPPING_TIERS"));
    assertThatThrownBy(() -> f.policies.replace(policy(emptyWindow), "kabid"))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("POLICY_UNREACHABLE_TIER"));
    assertThat(f.policies.current(officeId)).isEqualTo(current);
  }

  @Test
  void a_policy_change_is_a_new_audited_version() {
    PriorityPolicy base = f.policies.current(officeId);
    PriorityPolicy saved =
        f.policies.replace(
            new PriorityPolicy(
                officeId,
                0,
                OptionalInt.of(150),
                20,
                base.tiers(),
                "kuota harian",
                "kabid",
                java.util.Optional.empty()),
            "kabid");

    assertThat(saved.version()).isEqualTo(1);
    assertThat(f.policies.current(officeId).dailyCap()).hasValue(150);
    assertThat(f.policies.current(officeId).tiers()).isEqualTo(base.tiers());
    assertThat(
            f.db.fetchValue(
                "select count(*) from audit_event where office_id = ? and action = 'PRIORITY_POLICY_CHANGED' and actor = 'kabid'",
                officeId))
        .isEqualTo(1L);
  }

  private PriorityPolicy policy(List<PriorityTier> tiers) {
    return new PriorityPolicy(
        officeId, 0, OptionalInt.empty(), 0, tiers, "", "kabid", java.util.Optional.empty());
  }
}
