package org.cetak.intake;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cetak.common.Masking;

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

  /**
   * Tells the centre a card was printed. A status carrying a key the centre already accepted is
   * answered as accepted again without being recorded twice.
   */
  Push pushPrinted(PrintedStatus status);

  /**
   * Tells the centre a card was handed over to its resident. A registry that takes no handover
   * answers {@link Unsupported}.
   */
  default Push pushHandedOver(HandedOverStatus status) {
    return new Unsupported("this registry takes no handover status");
  }

  /** A record as the registry serves it: the IMPORT-FORMAT.md fields and the payloads. */
  record UpstreamRecord(Map<String, String> fields, Payloads payloads) {
    public UpstreamRecord {
      fields = Map.copyOf(fields);
    }

    /** The NIK masked and the other fields by name only (UU 27/2022). */
    @Override
    public String toString() {
      return "UpstreamRecord[nik="
          + Masking.nik(fields.get("nik"))
          + ", fields="
          + new java.util.TreeSet<>(fields.keySet())
          + ", payloads="
          + !payloads.isEmpty()
          + "]";
    }
  }

  /**
   * A card printed, for the centre.
   *
   * @param key the office's idempotency key of this push: the same key for every retry of it
   */
  record PrintedStatus(
      String nik, OffsetDateTime printedAt, String cardUid, String officeCode, String key) {

    /** A push without an idempotency key. */
    public PrintedStatus(String nik, OffsetDateTime printedAt, String cardUid, String officeCode) {
      this(nik, printedAt, cardUid, officeCode, "");
    }

    @Override
    public String toString() {
      return "PrintedStatus[nik="
          + org.cetak.common.Masking.nik(nik)
          + ", printedAt="
          + printedAt
          + ", cardUid="
          + cardUid
          + ", officeCode="
          + officeCode
          + ", key="
          + key
          + "]";
    }
  }

  /**
   * A card handed over to its resident, for the centre.
   *
   * @param key the office's idempotency key of this push: the same key for every retry of it
   */
  record HandedOverStatus(
      String nik, OffsetDateTime handedAt, String cardUid, String officeCode, String key) {

    @Override
    public String toString() {
      return "HandedOverStatus[nik="
          + org.cetak.common.Masking.nik(nik)
          + ", handedAt="
          + handedAt
          + ", cardUid="
          + cardUid
          + ", officeCode="
          + officeCode
          + ", key="
          + key
          + "]";
    }
  }

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

  /**
   * The centre took the push.
   *
   * @param answer what the centre answered (its reference for the push), as text
   */
  record Accepted(String answer) implements Push {}

  /** The registry does not take this kind of push at all. */
  record Unsupported(String reason) implements Push {}

  /** Down, slow or refusing: try again later. Also a {@link Pull} and a {@link Fetch} outcome. */
  record Unavailable(String reason) implements Pull, Fetch, Push {}

  /** The registry answered something Cetak cannot use (a bug on one side): do not retry blindly. */
  record Rejected(String reason) implements Pull, Fetch, Push {}
}
