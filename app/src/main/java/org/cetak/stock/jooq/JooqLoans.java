package org.cetak.stock.jooq;

import static org.cetak.db.jooq.Tables.STOCK_LOAN;
import static org.cetak.db.jooq.Tables.STOCK_LOAN_RETURN;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.cetak.db.jooq.tables.records.StockLoanRecord;
import org.cetak.stock.Loan;
import org.cetak.stock.LoanReturn;
import org.cetak.stock.Loans;
import org.jooq.DSLContext;

/** Loans in PostgreSQL. */
public final class JooqLoans implements Loans {

  private final DSLContext db;
  private final Clock clock;

  public JooqLoans(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Loan insert(
      long officeId,
      Loan.Direction direction,
      Optional<Long> counterpartOfficeId,
      String counterpartName,
      String documentNo,
      int quantity,
      String recordedBy) {
    return toLoan(
        db.insertInto(STOCK_LOAN)
            .set(STOCK_LOAN.OFFICE_ID, officeId)
            .set(STOCK_LOAN.DIRECTION, direction.name())
            .set(STOCK_LOAN.COUNTERPART_OFFICE_ID, counterpartOfficeId.orElse(null))
            .set(STOCK_LOAN.COUNTERPART_NAME, counterpartName)
            .set(STOCK_LOAN.DOCUMENT_NO, documentNo)
            .set(STOCK_LOAN.QUANTITY, quantity)
            .set(STOCK_LOAN.RECORDED_BY, recordedBy)
            .set(STOCK_LOAN.RECORDED_AT, OffsetDateTime.now(clock))
            .returning()
            .fetchSingle());
  }

  @Override
  public boolean exists(long officeId, Loan.Direction direction, String documentNo) {
    return db.fetchExists(
        db.selectFrom(STOCK_LOAN)
            .where(STOCK_LOAN.OFFICE_ID.eq(officeId))
            .and(STOCK_LOAN.DIRECTION.eq(direction.name()))
            .and(STOCK_LOAN.DOCUMENT_NO.eq(documentNo)));
  }

  @Override
  public Optional<Loan> lock(long loanId) {
    return db.selectFrom(STOCK_LOAN)
        .where(STOCK_LOAN.ID.eq(loanId))
        .forUpdate()
        .fetchOptional(JooqLoans::toLoan);
  }

  @Override
  public Optional<Loan> lock(long officeId, Loan.Direction direction, String documentNo) {
    return db.selectFrom(STOCK_LOAN)
        .where(STOCK_LOAN.OFFICE_ID.eq(officeId))
        .and(STOCK_LOAN.DIRECTION.eq(direction.name()))
        .and(STOCK_LOAN.DOCUMENT_NO.eq(documentNo))
        .forUpdate()
        .fetchOptional(JooqLoans::toLoan);
  }

  @Override
  public void recordReturn(long loanId, LoanReturn giving, String by) {
    db.insertInto(STOCK_LOAN_RETURN)
        .set(STOCK_LOAN_RETURN.LOAN_ID, loanId)
        .set(STOCK_LOAN_RETURN.DOCUMENT_NO, giving.documentNo())
        .set(STOCK_LOAN_RETURN.QUANTITY, giving.quantity())
        .set(STOCK_LOAN_RETURN.RETURNED_BY, by)
        .set(STOCK_LOAN_RETURN.RETURNED_AT, OffsetDateTime.now(clock))
        .execute();
    db.update(STOCK_LOAN)
        .set(STOCK_LOAN.RETURNED, STOCK_LOAN.RETURNED.plus(giving.quantity()))
        .where(STOCK_LOAN.ID.eq(loanId))
        .execute();
  }

  @Override
  public List<Loan.Returned> returns(long officeId) {
    return db.select(
            STOCK_LOAN_RETURN.LOAN_ID,
            STOCK_LOAN_RETURN.DOCUMENT_NO,
            STOCK_LOAN_RETURN.QUANTITY,
            STOCK_LOAN_RETURN.RETURNED_BY,
            STOCK_LOAN_RETURN.RETURNED_AT)
        .from(STOCK_LOAN_RETURN)
        .join(STOCK_LOAN)
        .on(STOCK_LOAN.ID.eq(STOCK_LOAN_RETURN.LOAN_ID))
        .where(STOCK_LOAN.OFFICE_ID.eq(officeId))
        .orderBy(STOCK_LOAN_RETURN.ID)
        .fetch(
            r ->
                new Loan.Returned(
                    r.value1(), r.value2(), r.value3(), r.value4(), r.value5().toInstant()));
  }

  @Override
  public List<Loan> list(long officeId) {
    return db.selectFrom(STOCK_LOAN)
        .where(STOCK_LOAN.OFFICE_ID.eq(officeId))
        .orderBy(STOCK_LOAN.ID)
        .fetch(JooqLoans::toLoan);
  }

  private static Loan toLoan(StockLoanRecord r) {
    return new Loan(
        r.getId(),
        r.getOfficeId(),
        Loan.Direction.valueOf(r.getDirection()),
        Optional.ofNullable(r.getCounterpartOfficeId()),
        r.getCounterpartName(),
        r.getDocumentNo(),
        r.getQuantity(),
        r.getReturned(),
        r.getRecordedBy(),
        r.getRecordedAt().toInstant());
  }
}
