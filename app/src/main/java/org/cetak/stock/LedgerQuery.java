package org.cetak.stock;

import java.time.Instant;
import java.util.Optional;

/**
 * One page of an office's ledger, newest first: the movements in [{@code from}, {@code until}) that
 * touch {@code location} (as source or destination), belong to a document of {@code kind} and touch
 * {@code printerId}, all optional; {@code before} is the id the previous page ended at (keyset
 * paging: the page never counts or skips the rows before it).
 */
public record LedgerQuery(
    long officeId,
    Optional<Instant> from,
    Optional<Instant> until,
    Optional<Location> location,
    Optional<ReferenceKind> kind,
    Optional<Long> printerId,
    Optional<Long> before,
    int limit) {

  /** The most rows one page may ask for. */
  public static final int MAX_LIMIT = 500;

  public LedgerQuery {
    if (limit <= 0 || limit > MAX_LIMIT) {
      throw new org.cetak.common.DomainException(
          StockError.INVALID_LIMIT, "A ledger page holds 1.." + MAX_LIMIT + " rows, not " + limit);
    }
  }
}
