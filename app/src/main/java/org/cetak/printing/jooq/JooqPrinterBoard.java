package org.cetak.printing.jooq;

import static org.cetak.db.jooq.Tables.PRINTER;
import static org.cetak.db.jooq.Tables.PRINT_JOB;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.cetak.db.jooq.tables.records.PrinterRecord;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrinterBoard;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.Stage;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The printer board from the printer rows and today's jobs. */
public final class JooqPrinterBoard implements PrinterBoard {

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

  private final DSLContext db;

  public JooqPrinterBoard(DSLContext db) {
    this.db = db;
  }

  @Override
  public List<PrinterView> printers(long officeId, LocalDate day) {
    return db.selectFrom(PRINTER)
        .where(PRINTER.OFFICE_ID.eq(officeId))
        .orderBy(PRINTER.CODE)
        .fetch()
        .map(row -> view(row, day));
  }

  @Override
  public Optional<PrinterView> printer(long printerId, LocalDate day) {
    return db.selectFrom(PRINTER)
        .where(PRINTER.ID.eq(printerId))
        .fetchOptional()
        .map(r -> view(r, day));
  }

  private PrinterView view(PrinterRecord row, LocalDate day) {
    OffsetDateTime from = day.atStartOfDay(WIB).toOffsetDateTime();
    OffsetDateTime to = day.plusDays(1).atStartOfDay(WIB).toOffsetDateTime();
    var counts =
        db.select(
                DSL.count().filterWhere(PRINT_JOB.STAGE.eq(Stage.PRINTED.name())),
                DSL.count().filterWhere(PRINT_JOB.STAGE.eq(Stage.SPOILED.name())))
            .from(PRINT_JOB)
            .where(PRINT_JOB.PRINTER_ID.eq(row.getId()))
            .and(PRINT_JOB.FINISHED_AT.ge(from))
            .and(PRINT_JOB.FINISHED_AT.lt(to))
            .fetchSingle();
    Optional<PrintJob> open =
        db.selectFrom(PRINT_JOB)
            .where(PRINT_JOB.PRINTER_ID.eq(row.getId()))
            .and(PRINT_JOB.FINISHED_AT.isNull())
            .fetchOptional()
            .map(JooqPrintJobs::toJob);
    return new PrinterView(
        row.getId(),
        row.getOfficeId(),
        row.getCode(),
        row.getName(),
        PrinterMode.valueOf(row.getMode()),
        row.getModeReason(),
        Optional.ofNullable(row.getOwnerNode()),
        open,
        counts.value1(),
        counts.value2());
  }
}
