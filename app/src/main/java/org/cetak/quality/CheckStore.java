package org.cetak.quality;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The cards to check and their outcomes (persistence port of {@link QualityChecks}). */
public interface CheckStore {

  /** The office's cards waiting for the check, oldest print first, at most {@code limit}. */
  List<CardCheck> waiting(long officeId, int limit);

  /** How many of the office's cards wait for the check. */
  int waitingCount(long officeId);

  /** The check of a print job's card, locked until the transaction ends. */
  Optional<CardCheck> lock(long printJobId);

  /** The check of the request's latest printed card, if it had one. */
  Optional<CardCheck> latestOf(long requestId);

  /** Records a passed card. */
  void passed(long printJobId, String uidRead, boolean byReader, String by, Instant at);

  /** Records a rejected card and the ledger movement that spoiled it. */
  void rejected(
      long printJobId, CheckReason reason, String note, long movementId, String by, Instant at);
}
