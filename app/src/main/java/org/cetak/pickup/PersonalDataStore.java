package org.cetak.pickup;

import java.time.Instant;
import java.util.List;

/** The personal fields of handed-over requests, and their erasure. */
public interface PersonalDataStore {

  /** Requests handed over before {@code cutoff} whose personal fields are not erased yet. */
  List<Due> handedOverBefore(Instant cutoff, int limit);

  /**
   * Erases the request's personal fields that accountability does not need ({@link
   * PersonalDataErasure#ERASED}), keeping the NIK, name, chip UID, status history, handover and
   * ledger movements. False when it was erased already.
   */
  boolean erase(long requestId, Instant at);

  /** A request due for erasure. */
  record Due(long requestId, long officeId, Instant handedAt) {}
}
