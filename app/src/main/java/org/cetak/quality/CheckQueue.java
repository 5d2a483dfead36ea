package org.cetak.quality;

import org.cetak.notify.Outbox;

/**
 * Where the print station leaves a printed card of an office that checks its cards, in the
 * transaction that marks it printed. The office's one switch is its notice setting {@code
 * collectable_when} ({@link org.cetak.notify.CollectableWhen#QUALITY_CHECKED}, the default): the
 * card then waits here and its pickup SMS is written when it passes.
 */
public interface CheckQueue {

  /**
   * Whether the office's cards printed now wait for the check; holds the office's setting unchanged
   * until the caller's transaction ends, so that the notice written at print agrees.
   */
  boolean checksCards(long officeId);

  /** The printed card waits for the check (belum diperiksa). */
  void awaitCheck(Outbox.PrintedCard card);

  /** No office checks its cards (print stations tested on their own). */
  static CheckQueue none() {
    return new CheckQueue() {
      @Override
      public boolean checksCards(long officeId) {
        return false;
      }

      @Override
      public void awaitCheck(Outbox.PrintedCard card) {
        throw new IllegalStateException("no office checks its cards here");
      }
    };
  }
}
