package org.cetak.intake;

import java.util.List;

/**
 * Where imported records become print requests. Must be called inside a transaction: a staging
 * writes as it goes and {@link Staging#merge()} applies everything at once; a rollback forgets it.
 */
public interface RequestStore {

  /** Starts an import of checked records into the office's queue. */
  Staging stage(long officeId, String source, String actor);

  /** Records of one import, taken as they are read. */
  interface Staging extends AutoCloseable {

    void add(IncomingRecord record);

    /**
     * Checks what needs the whole file and the stored queue (the same NIK twice in the file, a NIK
     * with an active request at another office: double data), then applies the rows: new requests,
     * changed records, withdrawals with their reservations released. Nothing is applied when any
     * row is refused.
     */
    Merge merge();

    /** Abandons the staging (the caller rolls the transaction back). */
    @Override
    void close();
  }

  /** The outcome of a merge. */
  sealed interface Merge {}

  record Merged(long importId, ImportCounts counts) implements Merge {}

  record Refused(List<RowError> errors) implements Merge {}
}
