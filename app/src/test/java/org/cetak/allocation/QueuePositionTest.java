package org.cetak.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST;
import static org.cetak.db.jooq.Tables.RESERVATION;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.cetak.db.jooq.tables.records.PrintRequestRecord;
import org.cetak.db.jooq.tables.records.ReservationRecord;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.intake.IntakeFixture;
import org.cetak.intake.RequestReason;
import org.cetak.intake.RequestStatus;
import org.cetak.intake.ResidentRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The why-not-yet count against the queue order worked out here in Java, from every request's
 * record, {@link PriorityPolicy#place} and the tie-break (oldest Suket, none last; oldest
 * print-ready time; first registered), and from the held blanks' print order: on a queue with a
 * request of every tier and rule, equal keys, the elderly boundary to the day, a request without a
 * photo, held and requeued blanks and a request that follows a withdrawn one. Any faster way of
 * counting must give these same numbers for every request.
 */
@DatabaseTest
class QueuePositionTest {

  private final IntakeFixture f;
  @TempDir Path tmp;
  private final QueueResidents residents;

  QueuePositionTest(DataSource dataSource) {
    f = new IntakeFixture(dataSource);
    residents = new QueueResidents(f, 7000);
  }

  @Test
  void every_request_gets_the_rank_and_blanks_ahead_of_the_exact_queue_order() {
    LocalDate today = f.today();
    LocalDate sixty = today.minusYears(60);
    List<Map<String, String>> rows = new ArrayList<>();
    String same = "2025-11-03T10:00:00+07:00";
    // every reason, with and without a Suket, some on equal keys
    for (RequestReason reason : RequestReason.values()) {
      rows.add(residents.row(reason, LocalDate.of(1990, 5, 20), "", same, r -> {}));
      rows.add(residents.row(reason, LocalDate.of(1991, 6, 21), "", same, r -> {}));
      rows.add(residents.row(reason, LocalDate.of(1985, 2, 2), "2025-10-07", same, r -> {}));
      rows.add(
          residents.row(
              reason,
              LocalDate.of(1986, 3, 3),
              "2025-10-07",
              "2025-11-01T08:00:00+07:00",
              r -> {}));
      rows.add(
          residents.row(
              reason,
              LocalDate.of(1987, 4, 4),
              "2025-09-30",
              "2025-12-01T08:00:00+07:00",
              r -> {}));
    }
    // tier 2 by each of its rules, and the elderly boundary: sixty today, and sixty tomorrow
    rows.add(
        residents.row(
            RequestReason.LOST,
            LocalDate.of(1992, 1, 1),
            "",
            same,
            r -> r.put("urgent_reason", "IBADAH HAJI")));
    rows.add(
        residents.row(
            RequestReason.DAMAGED,
            LocalDate.of(1993, 1, 1),
            "2025-10-07",
            same,
            r -> r.put("vulnerable", "1")));
    rows.add(
        residents.row(
            RequestReason.OTHER, LocalDate.of(1994, 1, 1), "", same, r -> r.put("disabled", "1")));
    rows.add(residents.row(RequestReason.MOVED_IN, sixty, "", same, r -> {}));
    rows.add(residents.row(RequestReason.MOVED_IN, sixty.plusDays(1), "", same, r -> {}));
    rows.add(residents.row(RequestReason.FIRST_CARD, sixty.minusYears(5), "", same, r -> {}));
    // not eligible: no photo (a record that is not print-ready makes no request)
    rows.add(
        residents.row(
            RequestReason.LOST, LocalDate.of(1980, 8, 8), "", same, r -> r.put("photo", "")));
    Map<String, String> comesBack =
        residents.row(RequestReason.OTHER, LocalDate.of(1982, 9, 9), "", same, r -> {});
    rows.add(comesBack);
    residents.importRows(tmp, rows);

    // four blanks held, one of them requeued after a failed print
    f.blanks.set(4);
    f.allocation.run(f.office.id(), RunTrigger.ON_DEMAND, "test");
    long requeued = f.queue.nextReserved(f.office.id()).orElseThrow().requestId();
    f.requests.markPrinting(requeued, "station");
    f.requests.requeue(requeued, "chip write failed", "station");
    // a withdrawn request whose resident comes back: the new request follows the closed one
    f.requests.withdraw(requestOf(comesBack.get("nik")), "moved away", "loket");
    Map<String, String> again = new HashMap<>(comesBack);
    again.put("siak_status_at", "2025-11-20T08:00:00+07:00");
    residents.importRows(tmp, List.of(again));

    Map<Long, long[]> expected = exactPositions(f, today);
    List<PrintRequestRecord> latest =
        f.db
            .selectFrom(PRINT_REQUEST)
            .where(PRINT_REQUEST.OFFICE_ID.eq(f.office.id()))
            .orderBy(PRINT_REQUEST.ID)
            .fetch();
    Map<String, Long> latestByNik = new HashMap<>();
    latest.forEach(r -> latestByNik.put(r.getNik(), r.getId()));
    assertThat(latestByNik.keySet())
        .containsExactlyInAnyOrderElementsOf(rows.stream().map(r -> r.get("nik")).toList());
    for (Map.Entry<String, Long> e : latestByNik.entrySet()) {
      QueueExplanation why = f.allocation.explain(e.getKey());
      long[] exact = expected.get(e.getValue());
      assertThat(why.requestId()).isEqualTo(e.getValue());
      assertThat(why.blanksAhead())
          .as("blanks ahead of request %d (%s)", e.getValue(), why.status())
          .isEqualTo(exact[0] + exact[1]);
      assertThat(why.rank()).isEqualTo(exact[0] + exact[1] + 1);
    }
    // the queue really has what the test is about
    assertThat(latest.stream().map(PrintRequestRecord::getStatus).distinct())
        .contains("QUEUED", "RESERVED", "FAILED_REQUEUED", "WITHDRAWN");
    assertThat(
            latest.stream()
                .filter(r -> r.getStatus().equals("QUEUED"))
                .map(r -> f.policies.current(f.office.id()).place(StoredRecords.of(r), today))
                .map(p -> p.orElseThrow().tier())
                .distinct())
        .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
  }

  /**
   * Held and queued blanks ahead of every request of the office, as {@code [held, queued]}: held
   * blanks in print order (tier, Suket key, ready time, request id of the reservation) ahead of a
   * holder, all of them ahead of any other request; queued eligible requests ahead in the
   * allocation order of today's tiers, for any request that a tier takes.
   */
  static Map<Long, long[]> exactPositions(IntakeFixture f, LocalDate today) {
    PriorityPolicy policy = f.policies.current(f.office.id());
    List<PrintRequestRecord> all =
        f.db.selectFrom(PRINT_REQUEST).where(PRINT_REQUEST.OFFICE_ID.eq(f.office.id())).fetch();
    Map<Long, ReservationRecord> open = new HashMap<>();
    f.db
        .selectFrom(RESERVATION)
        .where(RESERVATION.OFFICE_ID.eq(f.office.id()))
        .and(RESERVATION.RELEASED_AT.isNull())
        .and(RESERVATION.CONSUMED_AT.isNull())
        .forEach(r -> open.put(r.getRequestId(), r));
    List<PrintRequestRecord> holding =
        all.stream()
            .filter(r -> RequestStatus.HOLDING_BLANK.contains(RequestStatus.valueOf(r.getStatus())))
            .toList();
    List<ReservationRecord> printOrder =
        holding.stream()
            .map(r -> open.get(r.getId()))
            .filter(java.util.Objects::nonNull)
            .sorted(
                Comparator.comparing(ReservationRecord::getTier)
                    .thenComparing(ReservationRecord::getSuketKey)
                    .thenComparing(ReservationRecord::getReadyAt)
                    .thenComparing(ReservationRecord::getRequestId))
            .toList();
    Comparator<Key> order =
        Comparator.comparingInt(Key::tier)
            .thenComparing(Key::suket)
            .thenComparing(Key::at)
            .thenComparingLong(Key::id);
    Map<Long, Key> keys = new HashMap<>();
    for (PrintRequestRecord r : all) {
      policy
          .place(StoredRecords.of(r), today)
          .ifPresent(
              p ->
                  keys.put(
                      r.getId(),
                      new Key(
                          p.tier(),
                          Optional.ofNullable(r.getSuketDate()).orElse(LocalDate.of(9999, 12, 31)),
                          r.getSiakStatusAt(),
                          r.getId())));
    }
    List<Key> eligible =
        all.stream()
            .filter(r -> r.getStatus().equals("QUEUED"))
            .filter(r -> r.getSiakStatus().equals(ResidentRecord.PRINT_READY) && r.getHasPhoto())
            .map(r -> keys.get(r.getId()))
            .filter(java.util.Objects::nonNull)
            .toList();
    Map<Long, long[]> positions = new HashMap<>();
    for (PrintRequestRecord r : all) {
      Key mine = keys.get(r.getId());
      long queued =
          mine == null ? 0 : eligible.stream().filter(k -> order.compare(k, mine) < 0).count();
      ReservationRecord held = open.get(r.getId());
      long heldAhead = held == null ? holding.size() : printOrder.indexOf(held);
      positions.put(r.getId(), new long[] {heldAhead, queued});
    }
    return positions;
  }

  private record Key(int tier, LocalDate suket, OffsetDateTime at, long id) {}

  private long requestOf(String nik) {
    return f.db
        .select(PRINT_REQUEST.ID)
        .from(PRINT_REQUEST)
        .where(PRINT_REQUEST.NIK.eq(nik))
        .orderBy(PRINT_REQUEST.ID.desc())
        .limit(1)
        .fetchSingle(PRINT_REQUEST.ID);
  }
}
