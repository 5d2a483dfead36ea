package org.cetak.request.jooq;

import static org.cetak.db.jooq.Tables.IMPORT_ROW;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST_EVENT;
import static org.cetak.db.jooq.Tables.REQUEST_PAYLOAD;
import static org.cetak.db.jooq.Tables.RESERVATION;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cetak.intake.RecordFields;
import org.cetak.intake.RequestStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * An import's requests, written set-based from the rows it staged in {@code import_row}: new
 * requests, changed records, withdrawals. The import's own SQL (staging, classifying, refusing)
 * stays in {@code intake.jooq}; this class only writes. Runs in the import's transaction.
 */
public final class ImportedRequests {

  /**
   * The record columns shared by import_row and print_request, in COPY order: the resident's fields
   * of the import format, then what the import derives from them.
   */
  public static final List<String> RECORD_COLUMNS =
      Stream.concat(
              RecordFields.RESIDENT.stream(),
              Stream.of("phone_raw", "flags", "has_photo", "content_hash"))
          .toList();

  /** A staged row that brings a photo, a signature or fingerprints. */
  private static final Condition CARRIES_PAYLOAD =
      IMPORT_ROW
          .PHOTO
          .isNotNull()
          .or(IMPORT_ROW.SIGNATURE.isNotNull())
          .or(IMPORT_ROW.FINGERPRINTS.isNotNull());

  /** The first history note of a request that follows a closed one, before the closed one's id. */
  public static final String FOLLOWS = "follows closed request ";

  private final DSLContext db;

  public ImportedRequests(DSLContext db) {
    this.db = db;
  }

  /**
   * An import's new requests: one QUEUED request, its first history row and its payloads for each
   * staged row of {@code isNew}. A row that names an existing request (a closed one: withdrawn or
   * handed over) opens a new request that follows it: {@code previous_request_id} names the closed
   * request, whose record stays as it was; the new request carries the row's own fields.
   */
  public void createImported(
      long officeId,
      long importId,
      String source,
      String actor,
      Condition isNew,
      OffsetDateTime now) {
    List<Field<?>> target = new ArrayList<>();
    List<Field<?>> values = new ArrayList<>();
    target.add(PRINT_REQUEST.OFFICE_ID);
    values.add(val(officeId));
    for (String column : RECORD_COLUMNS) {
      target.add(col(PRINT_REQUEST, column));
      values.add(col(IMPORT_ROW, column));
    }
    target.add(PRINT_REQUEST.PREVIOUS_REQUEST_ID);
    values.add(IMPORT_ROW.EXISTING_ID);
    target.addAll(
        List.of(
            PRINT_REQUEST.STATUS,
            PRINT_REQUEST.STATUS_AT,
            PRINT_REQUEST.SOURCE,
            PRINT_REQUEST.IMPORT_ID,
            PRINT_REQUEST.CREATED_AT,
            PRINT_REQUEST.UPDATED_AT));
    values.addAll(
        List.of(
            inline(RequestStatus.QUEUED.name()),
            val(now),
            val(source),
            val(importId),
            val(now),
            val(now)));
    db.insertInto(PRINT_REQUEST, target)
        .select(select(values).from(IMPORT_ROW).where(IMPORT_ROW.IMPORT_ID.eq(importId)).and(isNew))
        .execute();
    db.insertInto(
            PRINT_REQUEST_EVENT,
            PRINT_REQUEST_EVENT.REQUEST_ID,
            PRINT_REQUEST_EVENT.TO_STATUS,
            PRINT_REQUEST_EVENT.REASON,
            PRINT_REQUEST_EVENT.ACTOR,
            PRINT_REQUEST_EVENT.IMPORT_ID,
            PRINT_REQUEST_EVENT.OCCURRED_AT)
        .select(
            select(
                    PRINT_REQUEST.ID,
                    inline(RequestStatus.QUEUED.name()),
                    DSL.when(
                            PRINT_REQUEST.PREVIOUS_REQUEST_ID.isNull(),
                            val("imported from " + source))
                        .otherwise(
                            DSL.concat(
                                inline(FOLLOWS),
                                PRINT_REQUEST.PREVIOUS_REQUEST_ID.cast(String.class),
                                val(", imported from " + source))),
                    val(actor),
                    val(importId),
                    val(now))
                .from(PRINT_REQUEST)
                .where(PRINT_REQUEST.IMPORT_ID.eq(importId)))
        .execute();
    db.insertInto(
            REQUEST_PAYLOAD,
            REQUEST_PAYLOAD.REQUEST_ID,
            REQUEST_PAYLOAD.PHOTO,
            REQUEST_PAYLOAD.SIGNATURE,
            REQUEST_PAYLOAD.FINGERPRINTS,
            REQUEST_PAYLOAD.STORED_AT)
        .select(
            select(
                    PRINT_REQUEST.ID,
                    IMPORT_ROW.PHOTO,
                    IMPORT_ROW.SIGNATURE,
                    IMPORT_ROW.FINGERPRINTS,
                    val(now))
                .from(IMPORT_ROW)
                .join(PRINT_REQUEST)
                .on(PRINT_REQUEST.IMPORT_ID.eq(importId))
                .and(PRINT_REQUEST.NIK.eq(IMPORT_ROW.NIK))
                .where(IMPORT_ROW.IMPORT_ID.eq(importId))
                .and(isNew)
                .and(CARRIES_PAYLOAD))
        .execute();
  }

  private static Map<Field<?>, Field<?>> recordChanges(long importId, OffsetDateTime now) {
    Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
    for (String column : RECORD_COLUMNS) {
      set.put(col(PRINT_REQUEST, column), col(IMPORT_ROW, column));
    }
    // a row without a photo keeps the photo already stored
    set.put(
        PRINT_REQUEST.HAS_PHOTO,
        DSL.field(DSL.condition(IMPORT_ROW.HAS_PHOTO).or(DSL.condition(PRINT_REQUEST.HAS_PHOTO))));
    set.put(PRINT_REQUEST.IMPORT_ID, val(importId));
    set.put(PRINT_REQUEST.UPDATED_AT, val(now));
    return set;
  }

  /** An import's changed records: each staged row of {@code rows} updates its request's record. */
  public void updateImported(
      long importId, String source, String actor, Condition rows, OffsetDateTime now) {
    db.update(PRINT_REQUEST)
        .set(recordChanges(importId, now))
        .from(IMPORT_ROW)
        .where(rows)
        .and(PRINT_REQUEST.ID.eq(IMPORT_ROW.EXISTING_ID))
        .execute();
    event(
        importId,
        actor,
        rows,
        IMPORT_ROW.EXISTING_STATUS,
        "record changed upstream, imported from " + source,
        now);
    db.insertInto(
            REQUEST_PAYLOAD,
            REQUEST_PAYLOAD.REQUEST_ID,
            REQUEST_PAYLOAD.PHOTO,
            REQUEST_PAYLOAD.SIGNATURE,
            REQUEST_PAYLOAD.FINGERPRINTS,
            REQUEST_PAYLOAD.STORED_AT)
        .select(
            select(
                    IMPORT_ROW.EXISTING_ID,
                    IMPORT_ROW.PHOTO,
                    IMPORT_ROW.SIGNATURE,
                    IMPORT_ROW.FINGERPRINTS,
                    val(now))
                .from(IMPORT_ROW)
                .where(rows)
                .and(CARRIES_PAYLOAD))
        .onConflict(REQUEST_PAYLOAD.REQUEST_ID)
        .doUpdate()
        .set(
            REQUEST_PAYLOAD.PHOTO, coalesce(excluded(REQUEST_PAYLOAD.PHOTO), REQUEST_PAYLOAD.PHOTO))
        .set(
            REQUEST_PAYLOAD.SIGNATURE,
            coalesce(excluded(REQUEST_PAYLOAD.SIGNATURE), REQUEST_PAYLOAD.SIGNATURE))
        .set(
            REQUEST_PAYLOAD.FINGERPRINTS,
            coalesce(excluded(REQUEST_PAYLOAD.FINGERPRINTS), REQUEST_PAYLOAD.FINGERPRINTS))
        .set(REQUEST_PAYLOAD.STORED_AT, excluded(REQUEST_PAYLOAD.STORED_AT))
        .execute();
  }

  /**
   * An import's withdrawals: each staged row of {@code rows} withdraws its request, releases its
   * reservation and deletes its payloads. Returns how many reservations were released.
   */
  public int withdrawImported(
      long importId, String source, String actor, Condition rows, OffsetDateTime now) {
    Map<Field<?>, Field<?>> set = recordChanges(importId, now);
    set.put(PRINT_REQUEST.STATUS, inline(RequestStatus.WITHDRAWN.name()));
    set.put(PRINT_REQUEST.STATUS_AT, val(now));
    set.put(
        PRINT_REQUEST.WITHDRAWN_REASON,
        DSL.concat(inline("upstream status "), IMPORT_ROW.SIAK_STATUS));
    db.update(PRINT_REQUEST)
        .set(set)
        .from(IMPORT_ROW)
        .where(rows)
        .and(PRINT_REQUEST.ID.eq(IMPORT_ROW.EXISTING_ID))
        .execute();
    event(
        importId,
        actor,
        rows,
        inline(RequestStatus.WITHDRAWN.name()),
        "withdrawn: upstream status is no longer PRINT_READY_RECORD, imported from " + source,
        now);
    var withdrawn = select(IMPORT_ROW.EXISTING_ID).from(IMPORT_ROW).where(rows);
    int released =
        db.update(RESERVATION)
            .set(RESERVATION.RELEASED_AT, now)
            .set(RESERVATION.RELEASE_REASON, "request withdrawn: upstream status changed")
            .where(RESERVATION.REQUEST_ID.in(withdrawn))
            .and(RESERVATION.RELEASED_AT.isNull())
            .and(RESERVATION.CONSUMED_AT.isNull())
            .execute();
    db.deleteFrom(REQUEST_PAYLOAD).where(REQUEST_PAYLOAD.REQUEST_ID.in(withdrawn)).execute();
    return released;
  }

  private void event(
      long importId,
      String actor,
      Condition rows,
      Field<String> toStatus,
      String reason,
      OffsetDateTime now) {
    db.insertInto(
            PRINT_REQUEST_EVENT,
            PRINT_REQUEST_EVENT.REQUEST_ID,
            PRINT_REQUEST_EVENT.FROM_STATUS,
            PRINT_REQUEST_EVENT.TO_STATUS,
            PRINT_REQUEST_EVENT.REASON,
            PRINT_REQUEST_EVENT.ACTOR,
            PRINT_REQUEST_EVENT.IMPORT_ID,
            PRINT_REQUEST_EVENT.OCCURRED_AT)
        .select(
            select(
                    IMPORT_ROW.EXISTING_ID,
                    IMPORT_ROW.EXISTING_STATUS,
                    toStatus,
                    val(reason),
                    val(actor),
                    val(importId),
                    val(now))
                .from(IMPORT_ROW)
                .where(rows))
        .execute();
  }

  private static Field<?> col(org.jooq.Table<?> table, String name) {
    Field<?> field = table.field(name);
    if (field == null) {
      throw new IllegalStateException("No column " + name + " in " + table.getName());
    }
    return field;
  }
}
