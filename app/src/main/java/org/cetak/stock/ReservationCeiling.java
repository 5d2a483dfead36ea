package org.cetak.stock;

/**
 * Reservations never outnumber the blanks that can still be printed (vault and feeders). A change
 * that takes blanks out of them (a spoil, a loss, a write-off, a loan, a double feed) or gives a
 * request a blank again (a spoiled card requeued, an allocation run, a reprint started) tells the
 * queue's owner, which puts the lowest-ranked reservations back in the queue before the change
 * commits, when fewer blanks are left than reservations.
 *
 * <p>Pending picks. A print job takes its request's reservation when it starts (the request goes
 * from RESERVED or FAILED_REQUEUED to PRINTING) and picks the blank from the feeder in a later
 * transaction. In between, the blank is neither reserved nor gone, and an allocation run could
 * reserve it for another request; the pick would then leave more reservations than blanks. So the
 * check counts as held both the requests holding a blank and the jobs that have not picked yet
 * (stage PICKING), and keeps {@code reserved + pending picks <= vault + feeders}, which implies the
 * rule above. A job's start keeps that sum (one reservation less, one pending pick more; a
 * reprint's start, which takes no reservation, is checked), and the pick of the job's own single
 * blank keeps it too (one pending pick less, one blank less, in the same transaction, the job
 * leaving PICKING): that pick, once per card, needs no check ({@link Ledger#recordPendingPick}).
 * Every other movement out of the vault or a feeder is checked.
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
