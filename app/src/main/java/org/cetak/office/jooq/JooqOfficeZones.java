package org.cetak.office.jooq;

import static org.cetak.db.jooq.Tables.OFFICE;

import java.time.ZoneId;
import org.cetak.common.OfficeZones;
import org.jooq.DSLContext;

/** Each office's time zone from the office table's {@code time_zone} (WIB by default). */
public final class JooqOfficeZones implements OfficeZones {

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

  private final DSLContext db;

  public JooqOfficeZones(DSLContext db) {
    this.db = db;
  }

  @Override
  public ZoneId of(long officeId) {
    return db.select(OFFICE.TIME_ZONE)
        .from(OFFICE)
        .where(OFFICE.ID.eq(officeId))
        .fetchOptional(OFFICE.TIME_ZONE)
        .map(ZoneId::of)
        .orElse(WIB);
  }
}
