package org.cetak.stock.jooq;

import static org.cetak.db.jooq.Tables.PRINTER;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.cetak.db.jooq.tables.records.PrinterRecord;
import org.cetak.stock.Printer;
import org.cetak.stock.Printers;
import org.jooq.DSLContext;

/** Printers in PostgreSQL. */
public final class JooqPrinters implements Printers {

  private final DSLContext db;
  private final Clock clock;

  public JooqPrinters(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Printer register(long officeId, String code, String name, String model) {
    return toPrinter(
        db.insertInto(PRINTER)
            .set(PRINTER.OFFICE_ID, officeId)
            .set(PRINTER.CODE, code)
            .set(PRINTER.NAME, name)
            .set(PRINTER.MODEL, model)
            .set(PRINTER.CREATED_AT, OffsetDateTime.now(clock))
            .returning()
            .fetchSingle());
  }

  @Override
  public Optional<Printer> find(long officeId, String code) {
    return db.selectFrom(PRINTER)
        .where(PRINTER.OFFICE_ID.eq(officeId))
        .and(PRINTER.CODE.eq(code))
        .fetchOptional(JooqPrinters::toPrinter);
  }

  @Override
  public Optional<Printer> byId(long printerId) {
    return db.selectFrom(PRINTER)
        .where(PRINTER.ID.eq(printerId))
        .fetchOptional(JooqPrinters::toPrinter);
  }

  @Override
  public List<Printer> list(long officeId) {
    return db.selectFrom(PRINTER)
        .where(PRINTER.OFFICE_ID.eq(officeId))
        .orderBy(PRINTER.CODE)
        .fetch(JooqPrinters::toPrinter);
  }

  private static Printer toPrinter(PrinterRecord r) {
    return new Printer(r.getId(), r.getOfficeId(), r.getCode(), r.getName(), r.getModel());
  }
}
