package org.cetak.allocation.jooq;

import static org.cetak.db.jooq.Tables.HANDOVER;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST_EVENT;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.cetak.allocation.QueueLookup;
import org.cetak.common.Masking;
import org.cetak.db.jooq.tables.records.PrintRequestRecord;
import org.cetak.request.RequestSearch;
import org.cetak.request.jooq.RequestSearchSql;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** The queue page's reads of print requests and their status history in PostgreSQL. */
public final class JooqQueueLookup implements QueueLookup {

  private static final org.cetak.db.jooq.tables.PrintRequest FOLLOWING =
      PRINT_REQUEST.as("following");

  private final DSLContext db;

  public JooqQueueLookup(DSLContext db) {
    this.db = db;
  }

  /** The request that follows each one, when a resident came back after it was closed. */
  private static final Field<Long> NEXT =
      DSL.field(
              DSL.select(DSL.min(FOLLOWING.ID))
                  .from(FOLLOWING)
                  .where(FOLLOWING.PREVIOUS_REQUEST_ID.eq(PRINT_REQUEST.ID)))
          .as("next_request_id");

  @Override
  public List<Entry> find(long officeId, RequestSearch search, int limit) {
    return db.select(PRINT_REQUEST.asterisk(), NEXT)
        .from(PRINT_REQUEST)
        .where(RequestSearchSql.matching(officeId, search))
        .orderBy(PRINT_REQUEST.ID.desc())
        .limit(limit)
        .fetch()
        .map(JooqQueueLookup::entry);
  }

  @Override
  public Optional<Entry> request(long requestId) {
    return db.select(PRINT_REQUEST.asterisk(), NEXT)
        .from(PRINT_REQUEST)
        .where(PRINT_REQUEST.ID.eq(requestId))
        .fetchOptional()
        .map(JooqQueueLookup::entry);
  }

  /**
   * The request's moves; the move to HANDED_OVER of a card a representative collected names the
   * representative (masked to initials) and the authority letter, from the handover's record.
   */
  @Override
  public List<Move> history(long requestId) {
    Optional<String> representative =
        db.select(HANDOVER.REPRESENTATIVE_NAME, HANDOVER.AUTHORITY_LETTER_NO)
            .from(HANDOVER)
            .where(HANDOVER.REQUEST_ID.eq(requestId))
            .and(HANDOVER.RECIPIENT.eq("REPRESENTATIVE"))
            .fetchOptional()
            .map(
                h ->
                    "handed over to a representative "
                        + Masking.name(h.value1() == null ? "" : h.value1())
                        + " with authority letter "
                        + (h.value2() == null ? "-" : h.value2()));
    return db.selectFrom(PRINT_REQUEST_EVENT)
        .where(PRINT_REQUEST_EVENT.REQUEST_ID.eq(requestId))
        .orderBy(PRINT_REQUEST_EVENT.ID)
        .fetch()
        .map(
            e ->
                new Move(
                    Optional.ofNullable(e.getFromStatus()),
                    e.getToStatus(),
                    "HANDED_OVER".equals(e.getToStatus())
                        ? representative.orElse(e.getReason())
                        : e.getReason(),
                    Optional.ofNullable(e.getCause()),
                    e.getActor(),
                    e.getOccurredAt().toInstant()));
  }

  private static Entry entry(Record row) {
    PrintRequestRecord r = row.into(PRINT_REQUEST);
    OffsetDateTime created = r.getCreatedAt();
    return new Entry(
        r.getId(),
        r.getOfficeId(),
        r.getNik(),
        r.getName(),
        Optional.ofNullable(r.getBirthDate()),
        Optional.ofNullable(r.getSuketNumber()),
        r.getStatus(),
        r.getReason(),
        r.getUrgentReason() != null && !r.getUrgentReason().isBlank(),
        created.toInstant(),
        Optional.ofNullable(r.getPreviousRequestId()),
        Optional.ofNullable(row.get(NEXT)));
  }
}
