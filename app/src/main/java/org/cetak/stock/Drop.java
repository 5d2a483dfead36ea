package org.cetak.stock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A drop of blanks from the centre with its hand-over document (berita acara serah terima).
 *
 * @param reversalApprovalId the approval that reverses (or proposes to reverse) the drop, if any
 * @param reversedAt when its reversal was approved; a reversed drop's blanks went back to the
 *     centre
 */
public record Drop(
    long id,
    long officeId,
    String documentNo,
    LocalDate documentDate,
    int quantity,
    List<SerialRange> serials,
    String receivedBy,
    Instant receivedAt,
    Optional<Long> reversalApprovalId,
    Optional<Instant> reversedAt) {

  public boolean reversed() {
    return reversedAt.isPresent();
  }
}
