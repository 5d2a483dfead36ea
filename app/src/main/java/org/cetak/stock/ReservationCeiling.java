package org.cetak.stock;

/**
 * Reservations never outnumber the blanks that can still be printed (vault and feeders). A change
 * that takes blanks out of them (a spoil, a loss, a write-off, a loan, a pick) or gives a request a
 * blank again (a spoiled card requeued, an allocation run) tells the queue's owner, which puts the
 * lowest-ranked reservations back in the queue before the change commits, when fewer blanks are
 * left than reservations.
 */
@FunctionalInterface
public interface ReservationCeiling {

  /** The office's blanks shrank or its reservations grew in the current transaction. */
  void check(long officeId);

  /** Nothing is checked (ledgers and queues tested on their own). */
  static ReservationCeiling none() {
    return officeId -> {};
  }

  /** Whether a movement takes blanks out of what can be printed (vault and feeders). */
  static boolean shrinks(Movement movement) {
    return movement.item() == Item.BLANK
        && usable(movement.from().location())
        && !usable(movement.to().location());
  }

  private static boolean usable(Location location) {
    return location == Location.VAULT || location == Location.FEEDER;
  }
}
