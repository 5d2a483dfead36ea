package org.cetak.intake.jooq;

import static org.cetak.db.jooq.Tables.IMPORT_BATCH;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.cetak.intake.RequestStore;
import org.cetak.request.jooq.ImportedRequests;
import org.jooq.DSLContext;

/**
 * Imports into the print queue in PostgreSQL: each import is a batch ({@code import_batch}) whose
 * rows a {@link CopyStaging} streams in and merges.
 */
public final class JooqRequestStore implements RequestStore {

  private final DSLContext db;
  private final Clock clock;
  private final ImportedRequests requests;

  /**
   * @param requests writes the new, changed and withdrawn requests; this class stages and checks
   */
  public JooqRequestStore(DSLContext db, Clock clock, ImportedRequests requests) {
    this.db = db;
    this.clock = clock;
    this.requests = requests;
  }

  @Override
  public Staging stage(long officeId, String source, String actor) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    long importId =
        db.insertInto(IMPORT_BATCH)
            .set(IMPORT_BATCH.OFFICE_ID, officeId)
            .set(IMPORT_BATCH.SOURCE, source)
            .set(IMPORT_BATCH.FILE_DIGEST, "")
            .set(IMPORT_BATCH.ACTOR, actor)
            .set(IMPORT_BATCH.STARTED_AT, now)
            .set(IMPORT_BATCH.FINISHED_AT, now)
            .set(IMPORT_BATCH.ROWS_READ, 0)
            .set(IMPORT_BATCH.CREATED, 0)
            .set(IMPORT_BATCH.UPDATED, 0)
            .set(IMPORT_BATCH.WITHDRAWN, 0)
            .set(IMPORT_BATCH.UNCHANGED, 0)
            .set(IMPORT_BATCH.IGNORED, 0)
            .returning(IMPORT_BATCH.ID)
            .fetchSingle(IMPORT_BATCH.ID);
    return new CopyStaging(db, clock, requests, officeId, importId, source, actor);
  }
}
