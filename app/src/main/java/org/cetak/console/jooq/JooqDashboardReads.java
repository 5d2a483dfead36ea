package org.cetak.console.jooq;

import static org.cetak.db.jooq.Tables.OFFICE;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cetak.common.Masking;
import org.cetak.console.Dashboard;
import org.jooq.DSLContext;

/** The office's time zone and the masked NIK of the cards being printed, from the database. */
public final class JooqDashboardReads implements Dashboard.Reads {

  private final DSLContext db;

  public JooqDashboardReads(DSLContext db) {
    this.db = db;
  }

  @Override
  public Optional<ZoneId> zone(long officeId) {
    return db.select(OFFICE.TIME_ZONE)
        .from(OFFICE)
        .where(OFFICE.ID.eq(officeId))
        .fetchOptional(OFFICE.TIME_ZONE)
        .map(ZoneId::of);
  }

  @Override
  public Map<Long, String> maskedNiks(List<Long> requestIds) {
    Map<Long, String> niks = new HashMap<>();
    db.select(PRINT_REQUEST.ID, PRINT_REQUEST.NIK)
        .from(PRINT_REQUEST)
        .where(PRINT_REQUEST.ID.in(requestIds))
        .forEach(r -> niks.put(r.value1(), Masking.nik(r.value2())));
    return niks;
  }
}
