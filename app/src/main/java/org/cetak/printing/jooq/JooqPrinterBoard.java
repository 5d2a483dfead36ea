package org.cetak.printing.jooq;

import static org.cetak.db.jooq.Tables.PRINTER;
import static org.cetak.db.jooq.Tables.PRINT_JOB;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cetak.db.jooq.tables.records.PrintJobRecord;
import org.cetak.db.jooq.tables.records.PrinterRecord;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrinterBoard;
import org.cetak.printing.PrinterMode;
import org.jooq.DSLContext;
import org.jooq.exception.TooManyRowsException;

/** The printer board from the printer rows and their open jobs. */
public final class JooqPrinterBoard implements PrinterBoard {

  private final DSLContext db;
  private final Clock clock;

  public JooqPrinterBoard(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The office's printers and their open jobs in two statements, however many printers. */
  @Override
  public List<PrinterView> printers(long officeId) {
    List<PrinterRecord> rows =
        db.selectFrom(PRINTER).where(PRINTER.OFFICE_ID.eq(officeId)).orderBy(PRINTER.CODE).fetch();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, PrintJob> open = new HashMap<>();
    for (PrintJobRecord job :
        db.selectFrom(PRINT_JOB)
            .where(PRINT_JOB.PRINTER_ID.in(rows.stream().map(PrinterRecord::getId).toList()))
            .and(PRINT_JOB.STAGE.in(JooqPrintJobs.OPEN))
            .fetch()) {
      if (open.put(job.getPrinterId(), JooqPrintJobs.toJob(job)) != null) {
        throw new TooManyRowsException("Printer #" + job.getPrinterId() + " has two open jobs");
      }
    }
    return rows.stream().map(row -> view(row, Optional.ofNullable(open.get(row.getId())))).toList();
  }

  @Override
  public Optional<PrinterView> printer(long printerId) {
    return db.selectFrom(PRINTER).where(PRINTER.ID.eq(printerId)).fetchOptional().map(this::view);
  }

  private PrinterView view(PrinterRecord row) {
    return view(
        row,
        db.selectFrom(PRINT_JOB)
            .where(PRINT_JOB.PRINTER_ID.eq(row.getId()))
            .and(PRINT_JOB.STAGE.in(JooqPrintJobs.OPEN))
            .fetchOptional()
            .map(JooqPrintJobs::toJob));
  }

  private PrinterView view(PrinterRecord row, Optional<PrintJob> open) {
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
