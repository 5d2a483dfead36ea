package org.cetak.drivers.printer;

import java.util.List;

/**
 * What to print on one card: the front panels in ribbon order (for YMCKO: y, m, c at 32 levels, k
 * and o at 2), and the back panels, empty for a one-sided card.
 */
public record CardFaces(List<Panel> front, List<Panel> back) {
  public CardFaces {
    front = List.copyOf(front);
    back = List.copyOf(back);
    if (front.isEmpty()) {
      throw new IllegalArgumentException("a card needs at least one front panel");
    }
  }

  public boolean twoSided() {
    return !back.isEmpty();
  }
}
