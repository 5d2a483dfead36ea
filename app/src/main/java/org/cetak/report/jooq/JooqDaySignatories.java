package org.cetak.report.jooq;

import static org.cetak.db.jooq.Tables.DAILY_REPORT_SIGNATORY;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cetak.office.Role;
import org.cetak.report.DaySignatories;
import org.cetak.stock.Signatory;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The daily reports' signatories in PostgreSQL, one row per office, day and signing role. */
public final class JooqDaySignatories implements DaySignatories {

  private final DSLContext db;
  private final Clock clock;

  public JooqDaySignatories(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Optional<Signed> of(long officeId, LocalDate day) {
    Map<String, Signatory> byRole =
        db
            .selectFrom(DAILY_REPORT_SIGNATORY)
            .where(DAILY_REPORT_SIGNATORY.OFFICE_ID.eq(officeId))
            .and(DAILY_REPORT_SIGNATORY.REPORT_DATE.eq(day))
            .fetch()
            .stream()
            .collect(
                Collectors.toMap(
                    r -> r.getRole(),
                    r -> new Signatory(r.getName(), r.getNip(), r.getPosition())));
    Signatory drawnUp = byRole.get(Role.INVENTORY_MANAGER.name());
    Signatory acknowledged = byRole.get(Role.SUPERVISOR.name());
    return drawnUp == null || acknowledged == null
        ? Optional.empty()
        : Optional.of(new Signed(drawnUp, acknowledged));
  }

  @Override
  public Signed keep(long officeId, LocalDate day, Signed holders) {
    write(officeId, day, holders, false);
    return of(officeId, day).orElseThrow();
  }

  @Override
  public void replace(long officeId, LocalDate day, Signed holders) {
    write(officeId, day, holders, true);
  }

  private void write(long officeId, LocalDate day, Signed holders, boolean over) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (Map.Entry<Role, Signatory> e :
        Map.of(
                Role.INVENTORY_MANAGER, holders.drawnUpBy(),
                Role.SUPERVISOR, holders.acknowledgedBy())
            .entrySet()) {
      var insert =
          db.insertInto(DAILY_REPORT_SIGNATORY)
              .set(DAILY_REPORT_SIGNATORY.OFFICE_ID, officeId)
              .set(DAILY_REPORT_SIGNATORY.REPORT_DATE, day)
              .set(DAILY_REPORT_SIGNATORY.ROLE, e.getKey().name())
              .set(DAILY_REPORT_SIGNATORY.NAME, e.getValue().name())
              .set(DAILY_REPORT_SIGNATORY.NIP, e.getValue().nip())
              .set(DAILY_REPORT_SIGNATORY.POSITION, e.getValue().position())
              .set(DAILY_REPORT_SIGNATORY.RECORDED_AT, now)
              .onConflict(
                  DAILY_REPORT_SIGNATORY.OFFICE_ID,
                  DAILY_REPORT_SIGNATORY.REPORT_DATE,
                  DAILY_REPORT_SIGNATORY.ROLE);
      if (over) {
        insert
            .doUpdate()
            .set(DAILY_REPORT_SIGNATORY.NAME, DSL.excluded(DAILY_REPORT_SIGNATORY.NAME))
            .set(DAILY_REPORT_SIGNATORY.NIP, DSL.excluded(DAILY_REPORT_SIGNATORY.NIP))
            .set(DAILY_REPORT_SIGNATORY.POSITION, DSL.excluded(DAILY_REPORT_SIGNATORY.POSITION))
            .set(
                DAILY_REPORT_SIGNATORY.RECORDED_AT,
                DSL.excluded(DAILY_REPORT_SIGNATORY.RECORDED_AT))
            .execute();
      } else {
        insert.doNothing().execute();
      }
    }
  }
}
