package org.cetak.stock;

import java.time.Instant;
import java.util.Optional;

/**
 * Blanks lent to or borrowed from another office, with the loan document.
 *
 * @param returned how many of them have come back from the borrower (or gone back to the lender)
 */
public record Loan(
    long id,
    long officeId,
    Direction direction,
    Optional<Long> counterpartOfficeId,
    String counterpartName,
    String documentNo,
    int quantity,
    int returned,
    String recordedBy,
    Instant recordedAt) {

  /** The blanks of the loan still to be returned. */
  public int outstanding() {
    return quantity - returned;
  }

  /**
   * Blanks of the loan that came back, with the document of their hand-over (berita acara
   * pengembalian), as the office recorded them.
   */
  public record Returned(
      long loanId, String documentNo, int quantity, String returnedBy, Instant returnedAt) {}

  /** Seen from {@code officeId}. */
  public enum Direction {
    LENT,
    BORROWED
  }
}
