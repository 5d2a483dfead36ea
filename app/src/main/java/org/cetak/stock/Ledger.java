package org.cetak.stock;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The append-only movement ledger and the balances maintained beside it. {@link #record} locks the
 * balances it touches, refuses a movement that would take more than a place holds, and writes the
 * movement and both balances in the caller's transaction.
 */
public interface Ledger {

  /**
   * Records one movement.
   *
   * @throws org.cetak.common.DomainException {@code INSUFFICIENT_BALANCE} when the source holds
   *     fewer than the quantity; nothing is written then
   */
  RecordedMovement record(Movement movement);

  /**
   * Records the movements in their order, as {@link #record} would one after the other, in the
   * caller's transaction; an implementation may send them together.
   *
   * @throws org.cetak.common.DomainException {@code INSUFFICIENT_BALANCE} when a source holds fewer
   *     than its movement's quantity; the caller's transaction must then roll back
   */
  default void recordAll(List<Movement> movements) {
    movements.forEach(this::record);
  }

  /**
   * Records a print job's pick of its own blank, the job having taken its request's reservation
   * when it started: as {@link #recordAll}, but without the {@link ReservationCeiling} check, which
   * counted the blank as held until this pick (see {@link ReservationCeiling}, "pending picks").
   */
  default void recordPendingPick(List<Movement> movements) {
    recordAll(movements);
  }

  /** The maintained balances of an office (places never used are absent, meaning zero). */
  List<Balance> balances(long officeId);

  /** The maintained balance of one place (zero when never used). */
  long balance(long officeId, Item item, Place place);

  /**
   * Totals moved per (item, from, to) for an office in [{@code from}, {@code until}); the key is
   * {@code item:FROM:TO}.
   */
  Map<String, Long> flows(long officeId, Instant from, Instant until);

  /**
   * What came into the office from each source location (which holds no balance) since the ledger
   * began, keyed {@code item:LOCATION}, less what went back to the centre (a reversed drop); kept
   * as the movements are written, so it costs the same however long the ledger.
   */
  Map<String, Long> sourced(long officeId);

  /**
   * Blanks each printer of the office sent to the printed and to the spoiled pile in [{@code from},
   * {@code until}), both whole hours, by printer id (printers with none are absent): every blank
   * that left one of the printer's places for either pile, the extra blanks of a double feed and
   * those an operator recorded spoiled at the printer included. Kept per printer and hour as the
   * movements are written, so it costs the same however many cards the window had.
   */
  Map<Long, PrinterOutput> printerOutput(long officeId, Instant from, Instant until);

  /**
   * What the ledger says each place holds, summed from every movement before {@code until}; a place
   * may be listed holding nothing. Costs the movements since {@code until}, not those before.
   */
  List<Balance> sumsUntil(long officeId, Instant until);

  /** The maintained balances of every office. */
  List<Balance> allBalances();

  /** What the ledger says each place of every office holds. */
  List<Balance> allSums();

  /** Whether any movement ever came from or went to one of the printer's places. */
  boolean printerUsed(long officeId, long printerId);

  /** The most recent movements of an office, newest first. */
  List<RecordedMovement> recent(long officeId, int limit);

  /** One page of an office's movements, newest first (see {@link LedgerQuery}). */
  List<RecordedMovement> page(LedgerQuery query);

  /** Every movement of an office in [{@code from}, {@code until}), oldest first. */
  List<RecordedMovement> between(long officeId, Instant from, Instant until);
}
