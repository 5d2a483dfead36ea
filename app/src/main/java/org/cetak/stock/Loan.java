package org.cetak.stock;

import java.time.Instant;
import java.util.Optional;

/** Blanks lent to or borrowed from another office, with the loan document. */
public record Loan(
    long id,
    long officeId,
    Direction direction,
    Optional<Long> counterpartOfficeId,
    String counterpartName,
    String documentNo,
    int quantity,
    String recordedBy,
    Instant recordedAt) {

  /** Seen from {@code officeId}. */
  public enum Direction {
    LENT,
    BORROWED
  }
}
