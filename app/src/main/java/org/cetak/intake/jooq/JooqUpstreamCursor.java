package org.cetak.intake.jooq;

import static org.cetak.db.jooq.Tables.UPSTREAM_CURSOR;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.cetak.intake.UpstreamCursor;
import org.jooq.DSLContext;

/** Pull cursors in PostgreSQL. */
public final class JooqUpstreamCursor implements UpstreamCursor {

  private final DSLContext db;
  private final Clock clock;

  public JooqUpstreamCursor(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Optional<String> position(long officeId) {
    return db.select(UPSTREAM_CURSOR.POSITION)
        .from(UPSTREAM_CURSOR)
        .where(UPSTREAM_CURSOR.OFFICE_ID.eq(officeId))
        .fetchOptional(UPSTREAM_CURSOR.POSITION);
  }

  @Override
  public void save(long officeId, String position) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    db.insertInto(UPSTREAM_CURSOR)
        .set(UPSTREAM_CURSOR.OFFICE_ID, officeId)
        .set(UPSTREAM_CURSOR.POSITION, position)
        .set(UPSTREAM_CURSOR.UPDATED_AT, now)
        .onConflict(UPSTREAM_CURSOR.OFFICE_ID)
        .doUpdate()
        .set(UPSTREAM_CURSOR.POSITION, position)
        .set(UPSTREAM_CURSOR.UPDATED_AT, now)
        .execute();
  }
}
