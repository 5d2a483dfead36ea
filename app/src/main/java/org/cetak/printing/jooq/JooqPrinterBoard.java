package org.cetak.printing.jooq;

import static org.cetak.db.jooq.Tables.PRINTER;
import static org.cetak.db.jooq.Tables.PRINT_JOB;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.cetak.db.jooq.tables.records.PrinterRecord;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrinterBoard;
import org.cetak.printing.PrinterMode;
import org.jooq.DSLContext;

/** The printer board from the printer rows and their open jobs. */
public final class JooqPrinterBoard implements PrinterBoard {

  private final DSLContext db;
  private final Clock clock;

  public JooqPrinterBoard(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public List<PrinterView> printers(long officeId) {
    return db.selectFrom(PRINTER)
        .where(PRINTER.OFFICE_ID.eq(officeId))
        .orderBy(PRINTER.CODE)
        .fetch()
        .map(this::view);
  }

  @Override
  public Optional<PrinterView> printer(long printerId) {
    return db.selectFrom(PRINTER).where(PRINTER.ID.eq(printerId)).fetchOptional().map(this::view);
  }

  private PrinterView view(PrinterRecord row) {
    Optional<PrintJob> open =
        db.selectFrom(PRINT_JOB)
            .where(PRINT_JOB.PRINTER_ID.eq(row.getId()))
            .and(PRINT_JOB.STAGE.in(JooqPrintJobs.OPEN))
            .fetchOptional()
            .map(JooqPrintJobs::toJob);
    return new PrinterView(
        row.getId(),
        row.getOfficeId(),
        row.getCode(),
        row.getName(),
        PrinterMode.valueOf(row.getMode()),
        row.getModeReason(),
        JooqPrinterRegister.cause(row),
        Optional.ofNullable(row.getOwnerNode()),
        row.getOwnerNode() != null
            && row.getLeaseUntil() != null
            && !row.getLeaseUntil().isBefore(OffsetDateTime.now(clock)),
        open);
  }
}
