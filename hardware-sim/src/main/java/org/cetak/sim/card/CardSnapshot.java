package org.cetak.sim.card;

import java.util.List;

/**
 * Ground truth of one physical card at one moment.
 *
 * @param printer the printer whose feeder it came from
 * @param number its number in that feeder's loading order (from 1)
 * @param uid chip UID, upper-case hex
 * @param place where it is now (for a finished card: where it ended)
 * @param condition what its face looks like
 * @param path every place it passed, in order, starting with the feeder
 * @param panels every panel printed on it, in print order
 * @param chip what its chip holds
 * @param events faults and operator actions that touched it
 */
public record CardSnapshot(
    String printer,
    int number,
    String uid,
    Place place,
    Condition condition,
    List<PhysicalCard.Visit> path,
    List<PrintedPanel> panels,
    ChipContents chip,
    List<String> events) {

  /** Whether the card ever left the feeder. */
  public boolean picked() {
    return path.size() > 1;
  }
}
