package org.cetak.intake.jooq;

import static org.cetak.db.jooq.Tables.ALLOCATION_STATE;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;

/**
 * The office's queue lock: a row lock on its {@code allocation_state} row, held to the end of the
 * transaction. Imports and allocation runs of one office take it, so they never interleave, on any
 * node.
 */
public final class QueueLock {

  private QueueLock() {}

  public static void lock(DSLContext db, long officeId, Clock clock) {
    db.insertInto(ALLOCATION_STATE)
        .set(ALLOCATION_STATE.OFFICE_ID, officeId)
        .set(ALLOCATION_STATE.UPDATED_AT, OffsetDateTime.now(clock))
        .onConflict(ALLOCATION_STATE.OFFICE_ID)
        .doNothing()
        .execute();
    db.select(ALLOCATION_STATE.OFFICE_ID)
        .from(ALLOCATION_STATE)
        .where(ALLOCATION_STATE.OFFICE_ID.eq(officeId))
        .forUpdate()
        .fetchSingle();
  }
}
