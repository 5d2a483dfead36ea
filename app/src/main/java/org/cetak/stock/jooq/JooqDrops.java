package org.cetak.stock.jooq;

import static org.cetak.db.jooq.Tables.STOCK_DROP;
import static org.cetak.db.jooq.Tables.STOCK_SERIAL_RANGE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cetak.db.jooq.tables.records.StockDropRecord;
import org.cetak.db.jooq.tables.records.StockSerialRangeRecord;
import org.cetak.stock.Drop;
import org.cetak.stock.Drops;
import org.cetak.stock.SerialRange;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Drops and their serial ranges in PostgreSQL. */
public final class JooqDrops implements Drops {

  private final DSLContext db;
  private final Clock clock;

  public JooqDrops(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public void lockSerials() {
    // readers still read; a second drop waits here until the first commits
    db.execute("lock table stock_serial_range in share row exclusive mode");
  }

  @Override
  public List<SerialRange> overlapping(SerialRange range) {
    return db.select(STOCK_SERIAL_RANGE.fields())
        .from(STOCK_SERIAL_RANGE)
        .join(STOCK_DROP)
        .on(STOCK_DROP.ID.eq(STOCK_SERIAL_RANGE.DROP_ID))
        .where(STOCK_SERIAL_RANGE.PREFIX.eq(range.prefix()))
        .and(STOCK_DROP.REVERSED_AT.isNull())
        .and(STOCK_SERIAL_RANGE.FIRST_NO.le(range.lastNo()))
        .and(STOCK_SERIAL_RANGE.LAST_NO.ge(range.firstNo()))
        .orderBy(STOCK_SERIAL_RANGE.FIRST_NO)
        .fetch(r -> toRange(r.into(STOCK_SERIAL_RANGE)));
  }

  @Override
  public Optional<Drop> byDocument(long officeId, String documentNo) {
    return db.selectFrom(STOCK_DROP)
        .where(STOCK_DROP.OFFICE_ID.eq(officeId))
        .and(STOCK_DROP.DOCUMENT_NO.eq(documentNo))
        .and(STOCK_DROP.REVERSED_AT.isNull())
        .fetchOptional()
        .map(this::toDrop);
  }

  @Override
  public Optional<Drop> lock(long officeId, long dropId) {
    return db.selectFrom(STOCK_DROP)
        .where(STOCK_DROP.ID.eq(dropId))
        .and(STOCK_DROP.OFFICE_ID.eq(officeId))
        .forUpdate()
        .fetchOptional()
        .map(this::toDrop);
  }

  @Override
  public void proposeReversal(long dropId, Optional<Long> approvalId) {
    db.update(STOCK_DROP)
        .set(STOCK_DROP.REVERSAL_APPROVAL_ID, approvalId.orElse(null))
        .where(STOCK_DROP.ID.eq(dropId))
        .execute();
  }

  @Override
  public void reversed(long dropId) {
    db.update(STOCK_DROP)
        .set(STOCK_DROP.REVERSED_AT, OffsetDateTime.now(clock))
        .where(STOCK_DROP.ID.eq(dropId))
        .execute();
  }

  @Override
  public Drop insert(
      long officeId,
      String documentNo,
      LocalDate documentDate,
      int quantity,
      List<SerialRange> serials,
      String receivedBy) {
    StockDropRecord row =
        db.insertInto(STOCK_DROP)
            .set(STOCK_DROP.OFFICE_ID, officeId)
            .set(STOCK_DROP.DOCUMENT_NO, documentNo)
            .set(STOCK_DROP.DOCUMENT_DATE, documentDate)
            .set(STOCK_DROP.QUANTITY, quantity)
            .set(STOCK_DROP.RECEIVED_BY, receivedBy)
            .set(STOCK_DROP.RECEIVED_AT, OffsetDateTime.now(clock))
            .returning()
            .fetchSingle();
    for (SerialRange range : serials) {
      db.insertInto(STOCK_SERIAL_RANGE)
          .set(STOCK_SERIAL_RANGE.DROP_ID, row.getId())
          .set(STOCK_SERIAL_RANGE.PREFIX, range.prefix())
          .set(STOCK_SERIAL_RANGE.FIRST_NO, range.firstNo())
          .set(STOCK_SERIAL_RANGE.LAST_NO, range.lastNo())
          .set(STOCK_SERIAL_RANGE.DIGITS, range.digits())
          .execute();
    }
    return toDrop(row);
  }

  /** The office's drops with their serial ranges in two statements, however many drops. */
  @Override
  public List<Drop> list(long officeId) {
    List<StockDropRecord> rows =
        db.selectFrom(STOCK_DROP)
            .where(STOCK_DROP.OFFICE_ID.eq(officeId))
            .orderBy(STOCK_DROP.ID)
            .fetch();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<SerialRange>> ranges = new HashMap<>();
    db.selectFrom(STOCK_SERIAL_RANGE)
        .where(
            STOCK_SERIAL_RANGE.DROP_ID.in(
                DSL.select(STOCK_DROP.ID)
                    .from(STOCK_DROP)
                    .where(STOCK_DROP.OFFICE_ID.eq(officeId))))
        .orderBy(STOCK_SERIAL_RANGE.ID)
        .forEach(
            r -> ranges.computeIfAbsent(r.getDropId(), d -> new ArrayList<>()).add(toRange(r)));
    return rows.stream().map(r -> toDrop(r, ranges.getOrDefault(r.getId(), List.of()))).toList();
  }

  private Drop toDrop(StockDropRecord r) {
    return toDrop(
        r,
        db.selectFrom(STOCK_SERIAL_RANGE)
            .where(STOCK_SERIAL_RANGE.DROP_ID.eq(r.getId()))
            .orderBy(STOCK_SERIAL_RANGE.ID)
            .fetch(JooqDrops::toRange));
  }

  private static Drop toDrop(StockDropRecord r, List<SerialRange> serials) {
    return new Drop(
        r.getId(),
        r.getOfficeId(),
        r.getDocumentNo(),
        r.getDocumentDate(),
        r.getQuantity(),
        serials,
        r.getReceivedBy(),
        r.getReceivedAt().toInstant(),
        Optional.ofNullable(r.getReversalApprovalId()),
        Optional.ofNullable(r.getReversedAt()).map(OffsetDateTime::toInstant));
  }

  private static SerialRange toRange(StockSerialRangeRecord r) {
    return new SerialRange(r.getPrefix(), r.getFirstNo(), r.getLastNo(), r.getDigits());
  }
}
