package org.cetak.intake.jooq;

import static org.cetak.db.jooq.Tables.IMPORT_BATCH;
import static org.cetak.db.jooq.Tables.IMPORT_ROW;
import static org.cetak.db.jooq.Tables.OFFICE;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cetak.common.Masking;
import org.cetak.db.jooq.tables.ImportRow;
import org.cetak.db.jooq.tables.PrintRequest;
import org.cetak.intake.ImportCounts;
import org.cetak.intake.IncomingRecord;
import org.cetak.intake.RecordFlag;
import org.cetak.intake.RequestStatus;
import org.cetak.intake.RequestStore;
import org.cetak.intake.ResidentRecord;
import org.cetak.intake.RowError;
import org.cetak.request.jooq.ImportedRequests;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Record3;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import on its way into the queue: its rows streamed into {@code import_row} with COPY as they
 * are read, then, at {@link #merge()}, classified against the stored requests and checked for what
 * needs the whole file (the same NIK twice, double data) before {@link ImportedRequests} writes
 * them set-based: one statement per kind of change, whatever the file's size.
 */
final class CopyStaging implements RequestStore.Staging {

  private static final Logger log = LoggerFactory.getLogger(CopyStaging.class);

  /** What a staged row does to the queue. */
  static final String NEW = "NEW";

  static final String SAME = "SAME";
  static final String UPDATE = "UPDATE";
  static final String WITHDRAW = "WITHDRAW";
  static final String NOT_READY = "NOT_READY";
  static final String LOCKED = "LOCKED";
  static final String REOPEN = "REOPEN";

  /** Statuses after which a NIK has no request left: a newer record opens a new one. */
  static final List<RequestStatus> CLOSED =
      List.of(RequestStatus.WITHDRAWN, RequestStatus.HANDED_OVER);

  private final DSLContext db;
  private final Clock clock;
  private final ImportedRequests requests;
  private final long officeId;
  private final long importId;
  private final String source;
  private final String actor;
  private CopyWriter copy;
  private long rows;

  CopyStaging(
      DSLContext db,
      Clock clock,
      ImportedRequests requests,
      long officeId,
      long importId,
      String source,
      String actor) {
    this.db = db;
    this.clock = clock;
    this.requests = requests;
    this.officeId = officeId;
    this.importId = importId;
    this.source = source;
    this.actor = actor;
  }

  @Override
  public void add(IncomingRecord incoming) {
    try {
      if (copy == null) {
        copy = new CopyWriter(startCopy(), COLUMNS.size());
      }
      ResidentRecord r = incoming.record();
      copy.int8(importId).int4(Math.toIntExact(incoming.line()));
      copy.text(r.nik()).text(r.kk()).text(r.name()).text(r.sex()).text(r.birthPlace());
      copy.date(r.birthDate()).text(r.bloodType().orElse(null)).text(r.address());
      copy.text(r.rt()).text(r.rw()).text(r.village()).text(r.district()).text(r.regency());
      copy.text(r.province()).text(r.religion()).text(r.maritalStatus()).text(r.occupation());
      copy.text(r.citizenship()).text(r.siakStatus()).time(r.siakStatusAt());
      copy.text(r.reason().name()).text(r.urgentReason().orElse(null));
      copy.bool(r.vulnerable()).bool(r.disabled()).text(r.suketNumber().orElse(null));
      copy.date(r.suketDate().orElse(null)).text(r.phone().orElse(null));
      copy.text(incoming.phoneRaw().orElse(null)).text(storedFlags(incoming));
      copy.bool(incoming.hasPhoto()).text(incoming.contentHash());
      copy.bytes(incoming.payloads().photo().orElse(null));
      copy.bytes(incoming.payloads().signature().orElse(null));
      copy.bytes(incoming.payloads().fingerprints().orElse(null));
      copy.endRow();
      rows++;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot stream import rows into the database", e);
    }
  }

  /** The staged columns, in COPY order. */
  private static final List<String> COLUMNS = columns();

  private static List<String> columns() {
    List<String> columns = new ArrayList<>();
    columns.add("import_id");
    columns.add("line");
    columns.addAll(ImportedRequests.RECORD_COLUMNS);
    columns.add("photo");
    columns.add("signature");
    columns.add("fingerprints");
    return List.copyOf(columns);
  }

  private CopyIn startCopy() {
    String sql =
        "copy import_row (" + String.join(", ", COLUMNS) + ") from stdin with (format binary)";
    return db.connectionResult(
        connection -> connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
  }

  @Override
  public RequestStore.Merge merge() {
    if (copy != null) {
      try {
        copy.finish();
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot finish streaming import rows", e);
      }
      copy = null;
    }
    QueueLock.lock(db, officeId, clock);
    classify();
    List<RowError> errors = refusals();
    if (!errors.isEmpty()) {
      return new RequestStore.Refused(errors);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<String, Integer> actions = counts();
    requests.createImported(officeId, importId, source, actor, isNew().or(rowsTo(REOPEN)), now);
    requests.updateImported(importId, source, actor, rowsTo(UPDATE), now);
    int released = requests.withdrawImported(importId, source, actor, rowsTo(WITHDRAW), now);
    if (released > 0) {
      log.info("Import {}: {} reservations released by withdrawals", importId, released);
    }
    ImportCounts counts =
        new ImportCounts(
            actions.getOrDefault(NEW, 0),
            actions.getOrDefault(REOPEN, 0),
            actions.getOrDefault(UPDATE, 0),
            actions.getOrDefault(WITHDRAW, 0),
            actions.getOrDefault(SAME, 0),
            actions.getOrDefault(NOT_READY, 0),
            actions.getOrDefault(LOCKED, 0));
    db.update(IMPORT_BATCH)
        .set(IMPORT_BATCH.FINISHED_AT, now)
        .set(IMPORT_BATCH.ROWS_READ, (int) rows)
        .set(IMPORT_BATCH.CREATED, (int) counts.created())
        .set(IMPORT_BATCH.REOPENED, (int) counts.reopened())
        .set(IMPORT_BATCH.UPDATED, (int) counts.updated())
        .set(IMPORT_BATCH.WITHDRAWN, (int) counts.withdrawn())
        .set(IMPORT_BATCH.UNCHANGED, (int) counts.unchanged())
        .set(IMPORT_BATCH.IGNORED, (int) (counts.notReady() + counts.locked()))
        .where(IMPORT_BATCH.ID.eq(importId))
        .execute();
    db.deleteFrom(IMPORT_ROW).where(IMPORT_ROW.IMPORT_ID.eq(importId)).execute();
    return new RequestStore.Merged(importId, counts);
  }

  /**
   * Finds each row's current request (the newest of its NIK in this office) and its action: a
   * print-ready row of a NIK whose request is closed reopens it (a new request naming the closed
   * one) when it brings a newer record, and leaves it as it is otherwise.
   */
  private void classify() {
    PrintRequest r = PRINT_REQUEST.as("r");
    PrintRequest newest = PRINT_REQUEST.as("newest");
    ImportRow s = IMPORT_ROW;
    Field<String> printReady = inline(ResidentRecord.PRINT_READY);
    db.update(s)
        .set(s.EXISTING_ID, r.ID)
        .set(s.EXISTING_STATUS, r.STATUS)
        .set(
            s.ACTION,
            when(r.CONTENT_HASH.eq(s.CONTENT_HASH), inline(SAME))
                .when(
                    r.STATUS.in(names(RequestStatus.CHANGEABLE)),
                    when(s.SIAK_STATUS.eq(printReady), inline(UPDATE)).otherwise(inline(WITHDRAW)))
                .when(
                    r.STATUS.in(
                        names(
                            List.of(
                                RequestStatus.PRINTING,
                                RequestStatus.PRINTED,
                                RequestStatus.OUTCOME_UNKNOWN))),
                    inline(LOCKED))
                .when(
                    r.STATUS.in(names(CLOSED)).and(s.SIAK_STATUS.eq(printReady)),
                    when(newerRecord(r, s), inline(REOPEN)).otherwise(inline(SAME)))
                .otherwise(inline(NOT_READY)))
        .from(r)
        .where(s.IMPORT_ID.eq(importId))
        .and(r.OFFICE_ID.eq(officeId))
        .and(r.NIK.eq(s.NIK))
        .and(
            r.ID.eq(
                select(max(newest.ID))
                    .from(newest)
                    .where(newest.OFFICE_ID.eq(officeId))
                    .and(newest.NIK.eq(s.NIK))))
        .execute();
    // rows without a request keep action null: NEW when print-ready, NOT_READY otherwise (not
    // written back, which would rewrite every row of a large first import)
  }

  /**
   * Whether a print-ready row brings a record newer than the one its closed request was made from:
   * a later upstream status time, or, after a withdrawal, a changed record at the same time. A
   * handed-over card's own record again (its content erased or not) is not a new need for a card.
   */
  private static org.jooq.Condition newerRecord(PrintRequest r, ImportRow s) {
    return s.SIAK_STATUS_AT
        .gt(r.SIAK_STATUS_AT)
        .or(
            r.STATUS
                .eq(inline(RequestStatus.WITHDRAWN.name()))
                .and(s.SIAK_STATUS_AT.eq(r.SIAK_STATUS_AT)));
  }

  /** The action of each row, with the null of rows that have no request yet resolved. */
  private Field<String> action() {
    return when(
            IMPORT_ROW.ACTION.isNull(),
            when(IMPORT_ROW.SIAK_STATUS.eq(inline(ResidentRecord.PRINT_READY)), inline(NEW))
                .otherwise(inline(NOT_READY)))
        .otherwise(IMPORT_ROW.ACTION);
  }

  private org.jooq.Condition rowsTo(String action) {
    return IMPORT_ROW.IMPORT_ID.eq(importId).and(IMPORT_ROW.ACTION.eq(action));
  }

  private org.jooq.Condition isNew() {
    return IMPORT_ROW
        .ACTION
        .isNull()
        .and(IMPORT_ROW.SIAK_STATUS.eq(inline(ResidentRecord.PRINT_READY)));
  }

  /** The same NIK twice in the file; a new request for a NIK active at another office. */
  private List<RowError> refusals() {
    List<RowError> errors = new ArrayList<>();
    ImportRow s = IMPORT_ROW;
    Field<Integer> first = min(s.LINE).over().partitionBy(s.NIK).as("first_line");
    var lines = select(s.LINE, first).from(s).where(s.IMPORT_ID.eq(importId)).asTable("lines");
    for (Record2<Integer, Integer> row :
        db.select(lines.field(s.LINE), lines.field(first))
            .from(lines)
            .where(lines.field(s.LINE).ne(lines.field(first)))
            .orderBy(lines.field(s.LINE))
            .limit(10_000)
            .fetch()) {
      errors.add(
          new RowError(
              row.value1(),
              "nik",
              "the same NIK is already on line " + row.value2() + " of this file"));
    }
    PrintRequest other = PRINT_REQUEST.as("other");
    for (Record3<Integer, String, String> row :
        db.select(s.LINE, OFFICE.CODE, s.NIK)
            .from(s)
            .join(other)
            .on(other.NIK.eq(s.NIK))
            .join(OFFICE)
            .on(OFFICE.ID.eq(other.OFFICE_ID))
            .where(s.IMPORT_ID.eq(importId))
            .and(isNew().or(s.ACTION.eq(REOPEN)))
            .and(other.OFFICE_ID.ne(officeId))
            .and(other.STATUS.in(names(RequestStatus.ACTIVE)))
            .orderBy(s.LINE)
            .limit(10_000)
            .fetch()) {
      log.info(
          "Import {}: NIK {} already has an active request at office {}",
          importId,
          Masking.nik(row.value3()),
          row.value2());
      errors.add(
          new RowError(
              row.value1(),
              "nik",
              "double data: this NIK already has an active print request at office "
                  + row.value2()));
    }
    errors.sort((a, b) -> Long.compare(a.line(), b.line()));
    return errors;
  }

  private Map<String, Integer> counts() {
    Field<Integer> rows = count().as("rows");
    Field<String> action = action().as("action");
    return db.select(action, rows)
        .from(IMPORT_ROW)
        .where(IMPORT_ROW.IMPORT_ID.eq(importId))
        .groupBy(action())
        .fetchMap(action, rows);
  }

  @Override
  public void close() {
    if (copy != null) {
      copy.cancel();
      copy = null;
    }
  }

  /** Flags stored on the request; a missing photo is kept as {@code has_photo}, not as a flag. */
  static String storedFlags(IncomingRecord incoming) {
    return incoming.flags().stream()
        .filter(f -> f != RecordFlag.PHOTO_MISSING)
        .map(Enum::name)
        .sorted()
        .collect(Collectors.joining(","));
  }

  static List<String> names(java.util.Collection<RequestStatus> statuses) {
    return statuses.stream().map(Enum::name).toList();
  }
}
