package org.cetak.printing;

import java.util.Optional;

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

  /** The first card's outcome from form fields; empty when no outcome was chosen. */
  public static Optional<FirstCard> of(
      String outcome, String chipUid, String serial, String policeReportNo) {
    if (outcome == null || outcome.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new FirstCard(
            Outcome.valueOf(outcome.strip()),
            Optional.ofNullable(chipUid),
            Optional.ofNullable(serial),
            Optional.ofNullable(policeReportNo)));
  }

  private static Optional<String> trimmed(Optional<String> value) {
    return value == null ? Optional.empty() : value.map(String::strip).filter(s -> !s.isEmpty());
  }
}
