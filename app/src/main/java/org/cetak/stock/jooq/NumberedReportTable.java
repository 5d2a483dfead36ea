package org.cetak.stock.jooq;

import static org.cetak.db.jooq.Tables.OFFICE;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * What the tables of official reports (berita acara: loss, destruction) share: a number per office
 * and year without gaps ({@code <prefix>/<office>/<year>/<seq>}), the approval that decides the
 * report, and the reads by id and by office.
 */
final class NumberedReportTable<R extends Record> {

  /** A report's number: its year, its place in the year and the number written on it. */
  record ReportNumber(int year, int seq, String text) {}

  private final DSLContext db;
  private final Table<R> table;
  private final TableField<R, Long> id;
  private final TableField<R, Long> officeId;
  private final TableField<R, Integer> year;
  private final TableField<R, Integer> seq;
  private final TableField<R, Long> approvalId;
  private final String prefix;

  NumberedReportTable(
      DSLContext db,
      Table<R> table,
      TableField<R, Long> id,
      TableField<R, Long> officeId,
      TableField<R, Integer> year,
      TableField<R, Integer> seq,
      TableField<R, Long> approvalId,
      String prefix) {
    this.db = db;
    this.table = table;
    this.id = id;
    this.officeId = officeId;
    this.year = year;
    this.seq = seq;
    this.approvalId = approvalId;
    this.prefix = prefix;
  }

  /**
   * The next number of the office's reports of {@code reportYear}. Numbers run without gaps per
   * office and year, so this locks the office row until the transaction ends: the caller inserts
   * the report in the same transaction.
   */
  ReportNumber next(long office, int reportYear) {
    String officeCode =
        db.select(OFFICE.CODE)
            .from(OFFICE)
            .where(OFFICE.ID.eq(office))
            .forUpdate()
            .fetchOne(OFFICE.CODE);
    Integer last =
        db.select(DSL.max(seq))
            .from(table)
            .where(officeId.eq(office))
            .and(year.eq(reportYear))
            .fetchOne(0, Integer.class);
    int next = last == null ? 1 : last + 1;
    return new ReportNumber(
        reportYear, next, String.format("%s/%s/%d/%04d", prefix, officeCode, reportYear, next));
  }

  void attachApproval(long reportId, long approval) {
    db.update(table).set(approvalId, approval).where(id.eq(reportId)).execute();
  }

  Optional<R> byId(long reportId) {
    return db.selectFrom(table).where(id.eq(reportId)).fetchOptional();
  }

  /** The report, locked until the transaction ends. */
  Optional<R> lock(long reportId) {
    return db.selectFrom(table).where(id.eq(reportId)).forUpdate().fetchOptional();
  }

  /** The office's reports, newest first. */
  List<R> list(long office) {
    return db.selectFrom(table).where(officeId.eq(office)).orderBy(id.desc()).fetch();
  }
}
