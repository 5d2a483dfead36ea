package org.cetak.intake;

import java.util.Optional;
import java.util.Set;
import org.cetak.common.Masking;

/**
 * A checked record ready to be merged into the queue.
 *
 * @param phoneRaw the phone as given when it could not be normalised (then {@link
 *     RecordFlag#PHONE_INVALID} is set)
 * @param contentHash SHA-256 (hex) of the record's fields and payloads: the same row imported twice
 *     has the same hash and changes nothing
 */
public record IncomingRecord(
    long line,
    ResidentRecord record,
    Set<RecordFlag> flags,
    Optional<String> phoneRaw,
    Payloads payloads,
    String contentHash) {

  public boolean hasPhoto() {
    return payloads.photo().isPresent();
  }

  /** The record masked, the raw phone too (UU 27/2022). */
  @Override
  public String toString() {
    return "IncomingRecord[line="
        + line
        + ", record="
        + record
        + ", flags="
        + flags
        + ", phoneRaw="
        + Masking.phone(phoneRaw)
        + ", photo="
        + hasPhoto()
        + "]";
  }
}
