package org.cetak.printing.jooq;

import static org.cetak.db.jooq.Tables.PRINTER;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.cetak.db.jooq.tables.records.PrinterRecord;
import org.cetak.printing.HaltCause;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.PrinterRegister;
import org.cetak.printing.PrinterState;
import org.cetak.stock.Printer;
import org.jooq.DSLContext;

/**
 * The {@code printer} table: the only class that writes it (a printer registered, its lease, its
 * mode). Others only read it.
 */
public final class JooqPrinterRegister implements PrinterRegister {

  private final DSLContext db;
  private final Clock clock;

  public JooqPrinterRegister(DSLContext db, Clock clock) {
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
        .fetchOptional(JooqPrinterRegister::toPrinter);
  }

  @Override
  public Optional<Printer> byId(long printerId) {
    return db.selectFrom(PRINTER)
        .where(PRINTER.ID.eq(printerId))
        .fetchOptional(JooqPrinterRegister::toPrinter);
  }

  @Override
  public List<Printer> list(long officeId) {
    return db.selectFrom(PRINTER)
        .where(PRINTER.OFFICE_ID.eq(officeId))
        .orderBy(PRINTER.CODE)
        .fetch(JooqPrinterRegister::toPrinter);
  }

  /** One conditional UPDATE, atomic across nodes. */
  @Override
  public boolean claim(long printerId, String node, Duration lease) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return db.update(PRINTER)
            .set(PRINTER.OWNER_NODE, node)
            .set(PRINTER.LEASE_UNTIL, now.plus(lease))
            .where(PRINTER.ID.eq(printerId))
            .and(
                PRINTER
                    .OWNER_NODE
                    .isNull()
                    .or(PRINTER.OWNER_NODE.eq(node))
                    .or(PRINTER.LEASE_UNTIL.lt(now)))
            .execute()
        == 1;
  }

  @Override
  public void release(long printerId, String node) {
    db.update(PRINTER)
        .setNull(PRINTER.OWNER_NODE)
        .setNull(PRINTER.LEASE_UNTIL)
        .where(PRINTER.ID.eq(printerId))
        .and(PRINTER.OWNER_NODE.eq(node))
        .execute();
  }

  @Override
  public PrinterState state(long printerId) {
    return state(db.selectFrom(PRINTER).where(PRINTER.ID.eq(printerId)).fetchSingle());
  }

  /** The mode, reason and cause of a printer's row. */
  public static PrinterState state(PrinterRecord printer) {
    return new PrinterState(
        PrinterMode.valueOf(printer.getMode()), printer.getModeReason(), cause(printer));
  }

  /** The cause a station halted the printer for; empty when an officer set its mode. */
  public static Optional<HaltCause> cause(PrinterRecord printer) {
    return Optional.ofNullable(printer.getModeCause()).map(HaltCause::valueOf);
  }

  @Override
  public void setState(long printerId, PrinterMode mode, String reason) {
    write(printerId, mode, null, reason);
  }

  @Override
  public void halt(long printerId, PrinterMode mode, HaltCause cause, String detail) {
    write(printerId, mode, cause.name(), detail);
  }

  private void write(long printerId, PrinterMode mode, String cause, String reason) {
    db.update(PRINTER)
        .set(PRINTER.MODE, mode.name())
        .set(PRINTER.MODE_CAUSE, cause)
        .set(PRINTER.MODE_REASON, reason)
        .set(PRINTER.MODE_CHANGED_AT, OffsetDateTime.now(clock))
        .where(PRINTER.ID.eq(printerId))
        .execute();
  }

  private static Printer toPrinter(PrinterRecord r) {
    return new Printer(r.getId(), r.getOfficeId(), r.getCode(), r.getName(), r.getModel());
  }
}
