package org.cetak.printing.jooq;

import static org.cetak.db.jooq.Tables.PRINTER;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.cetak.printing.PrinterOwnership;
import org.jooq.DSLContext;

/** Printer leases on the printer row: one conditional UPDATE, atomic across nodes. */
public final class JooqPrinterOwnership implements PrinterOwnership {

  private final DSLContext db;
  private final Clock clock;

  public JooqPrinterOwnership(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

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
}
