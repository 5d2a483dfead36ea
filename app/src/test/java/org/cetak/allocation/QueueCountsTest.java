package org.cetak.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cetak.db.jooq.Tables.HELD_BLANK_COUNT;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST;
import static org.cetak.db.jooq.Tables.QUEUE_COUNT_STATE;
import static org.cetak.db.jooq.Tables.QUEUE_COUNT_SUKET;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.cetak.db.jooq.tables.records.PrintRequestRecord;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.intake.IntakeFixture;
import org.cetak.intake.RequestReason;
import org.cetak.intake.RequestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The why-not-yet count read from the queue counts the database keeps (V192) against the queue
 * order worked out in Java from every request ({@link QueuePositionTest#exactPositions}), after
 * each step of a day's changes: imports, an allocation run, a print, a requeue, withdrawals, a
 * changed priority field, a photo that arrives, the next day (a resident turns sixty) and a new
 * policy. Between the steps that keep the policy and the day, the counts are not counted afresh:
 * only what each change kept in them answers.
 */
@DatabaseTest
class QueueCountsTest {

  private final IntakeFixture f;
  private final DataSource dataSource;
  @TempDir Path tmp;
  private final QueueResidents residents;

  QueueCountsTest(DataSource dataSource) {
    this.dataSource = dataSource;
    f = new IntakeFixture(dataSource);
    residents = new QueueResidents(f, 8000);
  }

  @Test
  void the_counts_kept_through_every_change_give_the_same_blanks_ahead_as_the_queue_itself() {
    LocalDate sixty = f.today().minusYears(60);
    List<Map<String, String>> first = new ArrayList<>();
    for (RequestReason reason : RequestReason.values()) {
      first.add(
          residents.row(
              reason, LocalDate.of(1990, 5, 20), "", "2025-11-03T10:00:00+07:00", r -> {}));
      first.add(
          residents.row(
              reason, LocalDate.of(1991, 6, 21), "", "2025-11-03T10:00:00+07:00", r -> {}));
      first.add(
          residents.row(
              reason,
              LocalDate.of(1985, 2, 2),
              "2025-10-07",
              "2025-11-01T08:00:00+07:00",
              r -> {}));
      first.add(
          residents.row(
              reason,
              LocalDate.of(1987, 4, 4),
              "2025-09-30",
              "2025-12-01T23:30:00+07:00",
              r -> {}));
    }
    Map<String, String> turnsSixty =
        residents.row(
            RequestReason.MOVED_IN, sixty.plusDays(1), "", "2025-11-03T10:00:00+07:00", r -> {});
    first.add(turnsSixty);
    Map<String, String> noPhoto =
        residents.row(
            RequestReason.LOST,
            LocalDate.of(1980, 8, 8),
            "",
            "2025-11-03T10:00:00+07:00",
            r -> r.put("photo", ""));
    first.add(noPhoto);
    residents.importRows(tmp, first);
    // the first answer counts the queue
    assertSameAsTheQueue(false);

    List<Map<String, String>> second = new ArrayList<>();
    for (RequestReason reason : RequestReason.values()) {
      second.add(
          residents.row(
              reason, LocalDate.of(1992, 1, 1), "", "2025-11-03T10:00:00+07:00", r -> {}));
      second.add(
          residents.row(
              reason,
              LocalDate.of(1993, 2, 2),
              "2025-10-07",
              "2025-11-02T07:00:00+07:00",
              r -> {}));
    }
    Map<String, String> becomesVulnerable =
        residents.row(
            RequestReason.DAMAGED,
            LocalDate.of(1995, 3, 3),
            "",
            "2025-11-04T10:00:00+07:00",
            r -> {});
    second.add(becomesVulnerable);
    residents.importRows(tmp, second);
    assertSameAsTheQueue(true);

    f.blanks.set(6);
    f.allocation.run(f.office.id(), RunTrigger.ON_DEMAND, "test");
    assertSameAsTheQueue(true);

    long printed = f.queue.nextReserved(f.office.id()).orElseThrow().requestId();
    f.requests.markPrinting(printed, "station");
    f.requests.markPrinted(printed, "04A1B2C3D4E5F6", f.clock.instant(), "station", false);
    long requeued = f.queue.nextReserved(f.office.id()).orElseThrow().requestId();
    f.requests.markPrinting(requeued, "station");
    f.requests.requeue(requeued, "chip write failed", "station");
    f.requests.withdraw(queuedRequest(RequestReason.DATA_CHANGE), "moved away", "loket");
    f.requests.withdraw(queuedRequest(RequestReason.OTHER), "moved away", "loket");
    f.db
        .update(PRINT_REQUEST)
        .set(PRINT_REQUEST.VULNERABLE, true)
        .where(PRINT_REQUEST.NIK.eq(becomesVulnerable.get("nik")))
        .execute();
    f.db
        .update(PRINT_REQUEST)
        .set(PRINT_REQUEST.HAS_PHOTO, true)
        .where(PRINT_REQUEST.NIK.eq(noPhoto.get("nik")))
        .execute();
    assertSameAsTheQueue(true);

    // a second run reserves more; a withdrawn request's blank goes back
    f.requests.withdraw(reservedRequest(), "died", "loket");
    f.blanks.set(9);
    f.allocation.run(f.office.id(), RunTrigger.ON_DEMAND, "test");
    assertSameAsTheQueue(true);

    // the next day the resident born sixty years ago tomorrow is elderly: tier 2, not 3
    f.clock.advance(Duration.ofDays(1));
    assertSameAsTheQueue(false);
    assertThat(tier(turnsSixty.get("nik"))).isEqualTo(2);

    // a new policy: lost cards first, then first cards, then everyone else
    f.policies.replace(
        new PriorityPolicy(
            f.office.id(),
            0,
            OptionalInt.empty(),
            0,
            List.of(
                new PriorityTier(
                    1,
                    "Hilang",
                    List.of(PriorityRule.named("LOST").withReasons(RequestReason.LOST))),
                new PriorityTier(
                    2,
                    "Pemula",
                    List.of(
                        PriorityRule.named("FIRST_CARD").withReasons(RequestReason.FIRST_CARD))),
                new PriorityTier(
                    3, "Lainnya", List.of(PriorityRule.named("ANY").withAge(null, 70, null)))),
            "test",
            "test",
            Optional.empty()),
        "test");
    assertSameAsTheQueue(false);

    List<Map<String, String>> third = new ArrayList<>();
    third.add(
        residents.row(
            RequestReason.LOST,
            LocalDate.of(1999, 9, 9),
            "",
            "2025-11-03T10:00:00+07:00",
            r -> {}));
    third.add(
        residents.row(
            RequestReason.OTHER,
            LocalDate.of(1940, 9, 9),
            "",
            "2025-11-03T10:00:00+07:00",
            r -> {}));
    residents.importRows(tmp, third);
    f.requests.withdraw(queuedRequest(RequestReason.LOST), "moved away", "loket");
    assertSameAsTheQueue(true);
  }

  /**
   * Every request's blanks ahead as the queue itself gives them; {@code counted}: the office's
   * counts were those of today's policy before asking, so no answer counted the queue afresh.
   */
  private void assertSameAsTheQueue(boolean counted) {
    PriorityPolicy policy = f.policies.current(f.office.id());
    boolean current =
        f.db.fetchExists(
            QUEUE_COUNT_STATE,
            QUEUE_COUNT_STATE
                .OFFICE_ID
                .eq(f.office.id())
                .and(QUEUE_COUNT_STATE.POLICY_VERSION.eq(policy.version()))
                .and(QUEUE_COUNT_STATE.TIER_DAY.eq(f.today())));
    assertThat(current).as("counts kept for today's policy before asking").isEqualTo(counted);
    Map<Long, long[]> expected = QueuePositionTest.exactPositions(f, f.today());
    Map<String, Long> latestByNik = new HashMap<>();
    f.db
        .selectFrom(PRINT_REQUEST)
        .where(PRINT_REQUEST.OFFICE_ID.eq(f.office.id()))
        .orderBy(PRINT_REQUEST.ID)
        .forEach(r -> latestByNik.put(r.getNik(), r.getId()));
    long placedEligible = 0;
    for (Map.Entry<String, Long> e : latestByNik.entrySet()) {
      QueueExplanation why = f.allocation.explain(e.getKey());
      long[] exact = expected.get(e.getValue());
      assertThat(why.blanksAhead())
          .as("blanks ahead of request %d (%s)", e.getValue(), why.status())
          .isEqualTo(exact[0] + exact[1]);
    }
    for (PrintRequestRecord r :
        f.db.selectFrom(PRINT_REQUEST).where(PRINT_REQUEST.OFFICE_ID.eq(f.office.id())).fetch()) {
      if (r.getStatus().equals("QUEUED")
          && r.getHasPhoto()
          && policy.place(StoredRecords.of(r), f.today()).isPresent()) {
        placedEligible++;
      }
    }
    assertThat(
            f.db
                .select(org.jooq.impl.DSL.sum(QUEUE_COUNT_SUKET.N))
                .from(QUEUE_COUNT_SUKET)
                .where(QUEUE_COUNT_SUKET.OFFICE_ID.eq(f.office.id()))
                .fetchSingle(0, Long.class))
        .as("eligible requests a tier takes, counted")
        .isEqualTo(placedEligible);
    assertHeldCountedExactly();
  }

  /** The blanks held as the database counts them (V206), against the requests holding one. */
  private void assertHeldCountedExactly() {
    long holding =
        f.db.fetchCount(
            PRINT_REQUEST,
            PRINT_REQUEST
                .OFFICE_ID
                .eq(f.office.id())
                .and(
                    PRINT_REQUEST.STATUS.in(
                        RequestStatus.HOLDING_BLANK.stream().map(Enum::name).toList())));
    assertThat(
            f.db
                .select(org.jooq.impl.DSL.coalesce(org.jooq.impl.DSL.sum(HELD_BLANK_COUNT.N), 0))
                .from(HELD_BLANK_COUNT)
                .where(HELD_BLANK_COUNT.OFFICE_ID.eq(f.office.id()))
                .fetchSingle(0, Long.class))
        .as("requests holding a blank, counted")
        .isEqualTo(holding);
  }

  /**
   * Writers that change the held blanks at the same time never wait for each other's count, and the
   * count stays exact: one transaction's change is committed, another's is rolled back, a third's
   * is held open while others commit, fold and change it again.
   */
  @Test
  void the_held_count_stays_exact_under_concurrent_writers_and_a_rollback() throws SQLException {
    List<Map<String, String>> rows = new ArrayList<>();
    // each in buckets of the queue counts of its own (V192 locks a bucket until its writer commits)
    for (int i = 1; i <= 6; i++) {
      rows.add(
          residents.row(
              RequestReason.FIRST_CARD,
              LocalDate.of(1990, 1, i),
              "2025-10-0" + i,
              "2025-11-0" + i + "T10:00:00+07:00",
              r -> {}));
    }
    residents.importRows(tmp, rows);
    List<Long> ids =
        f.db
            .select(PRINT_REQUEST.ID)
            .from(PRINT_REQUEST)
            .where(PRINT_REQUEST.NIK.in(rows.stream().map(r -> r.get("nik")).toList()))
            .orderBy(PRINT_REQUEST.ID)
            .fetch(PRINT_REQUEST.ID);
    assertThat(ids).hasSize(rows.size());
    try (Connection open = dataSource.getConnection();
        Connection rolledBack = dataSource.getConnection()) {
      open.setAutoCommit(false);
      rolledBack.setAutoCommit(false);
      move(open, ids.get(0), "RESERVED");
      move(rolledBack, ids.get(1), "RESERVED");
      try (Connection c = dataSource.getConnection()) {
        // committed while the other two are open: folds nothing they hold, waits for neither
        c.setNetworkTimeout(Runnable::run, 10_000);
        move(c, ids.get(2), "RESERVED");
        move(c, ids.get(3), "RESERVED");
        move(c, ids.get(3), "FAILED_REQUEUED");
        move(c, ids.get(2), "PRINTING");
      }
      assertHeldCountedExactly();
      rolledBack.rollback();
      move(open, ids.get(4), "RESERVED");
      assertHeldCountedExactly();
      open.commit();
    }
    assertHeldCountedExactly();
    try (Connection c = dataSource.getConnection()) {
      move(c, ids.get(0), "PRINTING");
      assertHeldCountedExactly();
      assertThat(f.db.fetchCount(HELD_BLANK_COUNT, HELD_BLANK_COUNT.OFFICE_ID.eq(f.office.id())))
          .as("rows left once no one writes")
          .isEqualTo(1);
      // the class's other test sees its own queue: these requests leave it
      for (long id : ids) {
        move(c, id, "WITHDRAWN");
      }
    }
    assertHeldCountedExactly();
  }

  private static void move(Connection c, long requestId, String status) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("update print_request set status = ? where id = ?")) {
      s.setString(1, status);
      s.setLong(2, requestId);
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
  }

  private int tier(String nik) {
    return f.allocation.explain(nik).tier().orElseThrow();
  }

  private long queuedRequest(RequestReason reason) {
    return f.db
        .select(PRINT_REQUEST.ID)
        .from(PRINT_REQUEST)
        .where(PRINT_REQUEST.OFFICE_ID.eq(f.office.id()))
        .and(PRINT_REQUEST.STATUS.eq("QUEUED"))
        .and(PRINT_REQUEST.REASON.eq(reason.name()))
        .and(PRINT_REQUEST.HAS_PHOTO.isTrue())
        .orderBy(PRINT_REQUEST.ID)
        .limit(1)
        .fetchSingle(PRINT_REQUEST.ID);
  }

  private long reservedRequest() {
    return f.db
        .select(PRINT_REQUEST.ID)
        .from(PRINT_REQUEST)
        .where(PRINT_REQUEST.OFFICE_ID.eq(f.office.id()))
        .and(PRINT_REQUEST.STATUS.eq("RESERVED"))
        .orderBy(PRINT_REQUEST.ID)
        .limit(1)
        .fetchSingle(PRINT_REQUEST.ID);
  }
}
