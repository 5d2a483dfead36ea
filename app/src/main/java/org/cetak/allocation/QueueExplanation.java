package org.cetak.allocation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The answer to "why not me yet?" for one request (kenapa belum dicetak?).
 *
 * @param nikMasked the NIK as an officer may show it
 * @param rank the request's place in the order its office's blanks go (1 = next): the held blanks
 *     in print order first, then the queued requests as allocation ranks them; always {@code
 *     blanksAhead + 1}
 * @param blanksAhead blanks that go to other requests before this one: reservations not yet printed
 *     plus queued requests ranked before it
 * @param usableStock vault + feeders - reserved
 * @param expectedDrop the size and spacing of the next drops assumed, and where that came from
 * @param printerCardsPerDay what the printers can make in a day
 * @param estimate the range of days the card is expected to be printed; empty when it cannot be
 *     printed (see {@code blockers})
 * @param blockers what stops the request from being allocated at all
 * @param previousRequestId the closed request of the same NIK this one follows (the resident came
 *     back after a withdrawal, or for another card after a handover)
 */
public record QueueExplanation(
    String nikMasked,
    long requestId,
    String status,
    Optional<Integer> tier,
    Optional<String> tierName,
    Optional<String> rule,
    long rank,
    long blanksAhead,
    long usableStock,
    int urgentReserve,
    OptionalInt dailyCap,
    long printedToday,
    int printerCardsPerDay,
    ExpectedDrop expectedDrop,
    Optional<DateRange> estimate,
    List<Blocker> blockers,
    Optional<Long> previousRequestId) {

  public record DateRange(LocalDate earliest, LocalDate latest) {}

  /**
   * One thing that stops a request from getting a blank. The console and the command line word it
   * from {@code queue.blocker.<kind>} in the reader's language; {@code value} fills it in.
   *
   * @param value the upstream status for {@code UPSTREAM_NOT_READY}, the request's status for
   *     {@code NOT_WAITING}, empty otherwise
   */
  public record Blocker(Kind kind, String value) {

    /** What kind of blocker it is. */
    public enum Kind {
      /** The upstream registry's status is not print-ready. */
      UPSTREAM_NOT_READY,
      /** The photo has not arrived. */
      NO_PHOTO,
      /** No tier of the priority policy takes the request. */
      NO_TIER,
      /** The request is not waiting for a blank (printed, handed over, withdrawn...). */
      NOT_WAITING
    }

    public static Blocker of(Kind kind) {
      return new Blocker(kind, "");
    }
  }

  /**
   * What the estimate assumes of the next drops.
   *
   * @param source {@code LEARNED} from the drop history (medians of the last deliveries) or {@code
   *     CONFIGURED} when the history is too short
   * @param deliveries how many deliveries the history holds (drops a few days apart count once), or
   *     the recent ones the medians were taken over when learned
   * @param assumption the same in the officer's words
   */
  public record ExpectedDrop(
      long quantity,
      int everyDays,
      Optional<LocalDate> next,
      String source,
      int deliveries,
      String assumption) {}
}
