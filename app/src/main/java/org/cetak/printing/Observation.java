package org.cetak.printing;

import org.cetak.printing.device.CardPosition;
import org.cetak.printing.device.PrinterSnapshot;

/** What physically happened between a {@link Baseline} and a later status of the same printer. */
public sealed interface Observation {

  /**
   * The counters add up: {@code picked} blanks left the feeder, {@code rejected} cards entered the
   * reject box, {@code ejected} cards entered the output hopper, and the card position went from
   * {@code before} to {@code position}.
   */
  record Conclusive(
      int picked, int rejected, int ejected, CardPosition before, CardPosition position)
      implements Observation {
    public boolean cardInside() {
      return position.cardInside();
    }

    public boolean nothingMoved() {
      return picked == 0 && rejected == 0 && ejected == 0;
    }

    /** No counter moved and the card, if any, is where it was: the command did nothing. */
    public boolean stoodStill() {
      return nothingMoved() && position == before;
    }
  }

  /** The counters do not explain the cards (reset, emptied boxes, a card taken out by hand). */
  record Inconclusive(String why) implements Observation {}

  static Observation between(Baseline before, PrinterSnapshot after) {
    long picked = after.picked() - before.picked();
    int rejected = after.rejectCount() - before.rejectCount();
    int ejected = after.hopperCount() - before.hopperCount();
    if (picked < 0) {
      return new Inconclusive(
          "pick counter went back from " + before.picked() + " to " + after.picked());
    }
    if (rejected < 0) {
      return new Inconclusive(
          "reject box was emptied (" + before.rejectCount() + " -> " + after.rejectCount() + ")");
    }
    if (ejected < 0) {
      return new Inconclusive(
          "output hopper was emptied ("
              + before.hopperCount()
              + " -> "
              + after.hopperCount()
              + ")");
    }
    int in = before.position().cardInside() ? 1 : 0;
    int out = after.position().cardInside() ? 1 : 0;
    if (in + picked != rejected + ejected + out) {
      return new Inconclusive(
          "cards do not add up: inside before "
              + in
              + " + picked "
              + picked
              + " != rejected "
              + rejected
              + " + ejected "
              + ejected
              + " + inside now "
              + out);
    }
    if (picked > 2 || rejected > 2 || ejected > 1) {
      return new Inconclusive(
          "more cards moved than one step can move: picked "
              + picked
              + ", rejected "
              + rejected
              + ", ejected "
              + ejected);
    }
    return new Conclusive((int) picked, rejected, ejected, before.position(), after.position());
  }
}
