package org.cetak.intake;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The upstream population registry (SIAK at the centre): print-ready records to pull, and the
 * printed status to push back for consolidation. Its outages are expected, so they are values, not
 * exceptions. Implementations are thread-safe; every call blocks until answered or timed out.
 */
public interface UpstreamRegistry {

  /** Records after {@code cursor} (empty = from the start), at most {@code limit}. */
  Pull pull(Optional<String> cursor, int limit);

  /** One record with its payloads, to fetch biometrics again (after a purge, for a reprint). */
  Fetch fetch(String nik);

  /** Tells the centre a card was printed. */
  Push pushPrinted(PrintedStatus status);

  /** A record as the registry serves it: the IMPORT-FORMAT.md fields and the payloads. */
  record UpstreamRecord(Map<String, String> fields, Payloads payloads) {
    public UpstreamRecord {
      fields = Map.copyOf(fields);
    }
  }

  record PrintedStatus(String nik, OffsetDateTime printedAt, String cardUid, String officeCode) {}

  sealed interface Pull {}

  /**
   * One page of records.
   *
   * @param next the cursor for the following page (equal to the one given when nothing new came)
   */
  record Page(List<UpstreamRecord> records, String next) implements Pull {
    public Page {
      records = List.copyOf(records);
    }
  }

  sealed interface Fetch {}

  record Fetched(UpstreamRecord record) implements Fetch {}

  record NotFound() implements Fetch {}

  sealed interface Push {}

  record Accepted() implements Push {}

  /** Down, slow or refusing: try again later. Also a {@link Pull} and a {@link Fetch} outcome. */
  record Unavailable(String reason) implements Pull, Fetch, Push {}

  /** The registry answered something Cetak cannot use (a bug on one side): do not retry blindly. */
  record Rejected(String reason) implements Pull, Fetch, Push {}
}
