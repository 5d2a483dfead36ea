package org.cetak.printing;

import java.util.Optional;
import java.util.stream.Stream;
import org.cetak.common.DomainException;

/**
 * What happened to the first card of a reprinted request, as the counter or the print room enters
 * it.
 *
 * @param outcome in the office (returned, damaged) or lost
 * @param chipUid the first card's chip UID as read from it; when given it must be the UID the first
 *     card was printed with
 * @param serial the number printed on the first card, naming it when it has no chip UID
 * @param policeReportNo the police report (surat keterangan kehilangan) of a lost first card
 */
public record FirstCard(
    Outcome outcome,
    Optional<String> chipUid,
    Optional<String> serial,
    Optional<String> policeReportNo) {

  /** Where the first card is. */
  public enum Outcome {
    /** Back in the office, returned or damaged: spoiled with reason REPRINT, to be destroyed. */
    SPOILED,
    /** Lost: recorded LOST with the police report number; there is nothing to destroy. */
    LOST
  }

  public FirstCard {
    chipUid = trimmed(chipUid);
    serial = trimmed(serial);
    policeReportNo = trimmed(policeReportNo);
  }

  /**
   * The first card's outcome from a console form's fields; empty when no outcome was chosen and
   * nothing was typed about the first card. An outcome that is not one of {@link Outcome}, or a
   * chip UID, serial or police report typed without an outcome, is refused (so that nothing typed
   * is dropped unseen).
   */
  public static Optional<FirstCard> of(
      String outcome, String chipUid, String serial, String policeReportNo) {
    if (outcome == null || outcome.isBlank()) {
      if (Stream.of(chipUid, serial, policeReportNo).anyMatch(f -> f != null && !f.isBlank())) {
        throw new DomainException(
            PrintingError.FIRST_CARD_OUTCOME_MISSING,
            "Details of the first card were given without saying what happened to it");
      }
      return Optional.empty();
    }
    Outcome chosen;
    try {
      chosen = Outcome.valueOf(outcome.strip());
    } catch (IllegalArgumentException e) {
      throw new DomainException(
          PrintingError.FIRST_CARD_OUTCOME_MISSING,
          "The first card's outcome is SPOILED or LOST, not '" + outcome + "'");
    }
    return Optional.of(
        new FirstCard(
            chosen,
            Optional.ofNullable(chipUid),
            Optional.ofNullable(serial),
            Optional.ofNullable(policeReportNo)));
  }

  private static Optional<String> trimmed(Optional<String> value) {
    return value == null ? Optional.empty() : value.map(String::strip).filter(s -> !s.isEmpty());
  }
}
