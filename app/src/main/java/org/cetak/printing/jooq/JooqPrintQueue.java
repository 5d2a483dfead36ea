package org.cetak.printing.jooq;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cetak.common.Transactions;
import org.cetak.intake.Payloads;
import org.cetak.intake.RecordFlag;
import org.cetak.intake.RequestReason;
import org.cetak.intake.RequestStatus;
import org.cetak.intake.ResidentRecord;
import org.cetak.platform.Jdbc;
import org.cetak.printing.PrintQueue;
import org.cetak.printing.QueuedCard;
import org.jooq.DSLContext;

/**
 * The print station's queue in PostgreSQL: reads only. The requests' moves are written by {@link
 * org.cetak.request.RequestLifecycle}.
 *
 * <p>Its statements are fixed texts with bind values, prepared on the transaction's connection: the
 * next card is read for every card printed, and rendering it anew each time cost more application
 * CPU than PostgreSQL spent answering it.
 */
public final class JooqPrintQueue implements PrintQueue {

  /** A request with its office, its reservation's tier, rule and rank, and its payloads. */
  private static final String CARD_COLUMNS =
      """
      select r.id, r.office_id, r.status, r.flags,
             r.nik, r.kk, r.name, r.sex, r.birth_place, r.birth_date, r.blood_type, r.address,
             r.rt, r.rw, r.village, r.district, r.regency, r.province, r.religion,
             r.marital_status, r.occupation, r.citizenship, r.siak_status, r.siak_status_at,
             r.reason, r.urgent_reason, r.vulnerable, r.disabled, r.suket_number, r.suket_date,
             r.phone,
             o.code, o.time_zone, v.tier, v.rule, v.queue_rank,
             p.photo, p.signature, p.fingerprints
      """;

  /**
   * The first waiting request among the office's first {@code ?} active reservations in print order
   * (index ix_reservation_print_order), stepping over those in the array. The derived table with a
   * LIMIT is planned on its own: an ordered scan of the print-order index. Whether the request
   * still waits is a scalar subquery, looked up by primary key for each of the few candidates:
   * written as a join condition, the planner may instead read every request holding a blank when
   * its statistics are older than the last allocation run.
   */
  private static final String FIRST_WAITING =
      CARD_COLUMNS
          + """
          from (select request_id, tier, rule, queue_rank, suket_key, ready_at
                  from reservation
                 where office_id = ? and released_at is null and consumed_at is null
                 order by tier, suket_key, ready_at, request_id
                 limit ?) v
          join print_request r on r.id = v.request_id
          join office o on o.id = r.office_id
          left join request_payload p on p.request_id = r.id
          where (select s.status from print_request s where s.id = v.request_id) in (%s)
            and v.request_id <> all (?)
          order by v.tier, v.suket_key, v.ready_at, v.request_id
          limit 1
          """
              .formatted(
                  RequestStatus.HOLDING_BLANK.stream()
                      .map(s -> "'" + s.name() + "'")
                      .sorted()
                      .collect(Collectors.joining(", ")));

  /** Active reservations of the office, counted up to {@code ?}. */
  private static final String ACTIVE_RESERVATIONS =
      """
      select count(*) from (select id from reservation
                             where office_id = ? and released_at is null and consumed_at is null
                             limit ?) a
      """;

  /** A request with its latest reservation, if any. */
  private static final String CARD =
      CARD_COLUMNS
          + """
          from print_request r
          join office o on o.id = r.office_id
          left join request_payload p on p.request_id = r.id
          left join reservation v
            on v.id = (select max(l.id) from reservation l where l.request_id = r.id)
          where r.id = ?
          """;

  private static final Long[] NONE = new Long[0];

  private final DSLContext db;
  private final Transactions transactions;

  public JooqPrintQueue(DSLContext db, Transactions transactions) {
    this.db = db;
    this.transactions = transactions;
  }

  @Override
  public Optional<QueuedCard> nextReserved(long officeId, Set<Long> skip) {
    Long[] skipped = skip.isEmpty() ? NONE : skip.toArray(Long[]::new);
    return transactions.inTransaction(
        () ->
            Jdbc.onConnection(
                db,
                () -> "read the next reserved card of office " + officeId,
                c -> {
                  // The first active reservations in print order come straight from their index;
                  // of those, the first whose request still waits is the answer. Requests being
                  // printed (a few per printer) and those skipped are stepped over; when all the
                  // first ones are, look further.
                  Array skipArray = c.createArrayOf("bigint", skipped);
                  try (PreparedStatement next = c.prepareStatement(FIRST_WAITING);
                      PreparedStatement active = c.prepareStatement(ACTIVE_RESERVATIONS)) {
                    for (int first = 64; ; first *= 8) {
                      next.setLong(1, officeId);
                      next.setInt(2, first);
                      next.setArray(3, skipArray);
                      Optional<QueuedCard> card = one(next);
                      if (card.isPresent() || count(active, officeId, first) < first) {
                        return card;
                      }
                    }
                  } finally {
                    skipArray.free();
                  }
                }));
  }

  private static int count(PreparedStatement active, long officeId, int atLeast)
      throws SQLException {
    active.setLong(1, officeId);
    active.setInt(2, atLeast);
    try (ResultSet rs = active.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /**
   * Nothing is kept here: the queue in the database only reads, and the request is taken again on
   * the next read. {@link org.cetak.printing.PayloadFetchingQueue} puts the card aside.
   */
  @Override
  public void putAside(QueuedCard card, String problem) {}

  @Override
  public Optional<QueuedCard> card(long requestId) {
    return transactions.inTransaction(
        () ->
            Jdbc.onConnection(
                db,
                () -> "read request " + requestId + " as a card",
                c -> {
                  try (PreparedStatement card = c.prepareStatement(CARD)) {
                    card.setLong(1, requestId);
                    return one(card);
                  }
                }));
  }

  private static Optional<QueuedCard> one(PreparedStatement query) throws SQLException {
    try (ResultSet rs = query.executeQuery()) {
      return rs.next() ? Optional.of(toCard(rs)) : Optional.empty();
    }
  }

  /** A row of {@link #CARD_COLUMNS}. */
  private static QueuedCard toCard(ResultSet rs) throws SQLException {
    Payloads payloads = payloads(rs);
    Set<RecordFlag> flags = EnumSet.noneOf(RecordFlag.class);
    String stored = rs.getString("flags");
    if (!stored.isBlank()) {
      Arrays.stream(stored.split(",")).map(RecordFlag::valueOf).forEach(flags::add);
    }
    if (payloads.photo().isEmpty()) {
      flags.add(RecordFlag.PHOTO_MISSING);
    }
    return new QueuedCard(
        rs.getLong("id"),
        rs.getLong("office_id"),
        rs.getString("code"),
        RequestStatus.valueOf(rs.getString("status")),
        rs.getInt("tier"), // 0 when there is no reservation
        Optional.ofNullable(rs.getString("rule")).orElse(""),
        rs.getInt("queue_rank"),
        toRecord(rs),
        flags,
        payloads,
        ZoneId.of(rs.getString("time_zone")));
  }

  /**
   * The stored payloads, read with the request; none once deleted after a print (see {@link
   * org.cetak.printing.PayloadFetchingQueue}).
   */
  private static Payloads payloads(ResultSet rs) throws SQLException {
    byte[] photo = rs.getBytes("photo");
    if (photo == null) {
      return Payloads.none();
    }
    return new Payloads(
        Optional.of(photo),
        Optional.ofNullable(rs.getBytes("signature")),
        Optional.ofNullable(rs.getBytes("fingerprints")));
  }

  private static ResidentRecord toRecord(ResultSet rs) throws SQLException {
    return new ResidentRecord(
        rs.getString("nik"),
        rs.getString("kk"),
        rs.getString("name"),
        rs.getString("sex"),
        rs.getString("birth_place"),
        rs.getObject("birth_date", LocalDate.class),
        Optional.ofNullable(rs.getString("blood_type")),
        rs.getString("address"),
        rs.getString("rt"),
        rs.getString("rw"),
        rs.getString("village"),
        rs.getString("district"),
        rs.getString("regency"),
        rs.getString("province"),
        rs.getString("religion"),
        rs.getString("marital_status"),
        rs.getString("occupation"),
        rs.getString("citizenship"),
        rs.getString("siak_status"),
        rs.getObject("siak_status_at", OffsetDateTime.class),
        RequestReason.valueOf(rs.getString("reason")),
        Optional.ofNullable(rs.getString("urgent_reason")),
        rs.getBoolean("vulnerable"),
        rs.getBoolean("disabled"),
        Optional.ofNullable(rs.getString("suket_number")),
        Optional.ofNullable(rs.getObject("suket_date", LocalDate.class)),
        Optional.ofNullable(rs.getString("phone")));
  }
}
