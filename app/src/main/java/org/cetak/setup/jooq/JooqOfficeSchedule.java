package org.cetak.setup.jooq;

import static org.cetak.db.jooq.Tables.OFFICE;

import org.cetak.setup.FirstRun;
import org.jooq.DSLContext;

/** An office's opening hours and time zone, in its row. */
public final class JooqOfficeSchedule implements FirstRun.OfficeSchedule {

  private final DSLContext db;

  public JooqOfficeSchedule(DSLContext db) {
    this.db = db;
  }

  @Override
  public void set(long officeId, String openingHours, String timeZone) {
    db.update(OFFICE)
        .set(OFFICE.OPENING_HOURS, openingHours)
        .set(OFFICE.TIME_ZONE, timeZone)
        .where(OFFICE.ID.eq(officeId))
        .execute();
  }
}
