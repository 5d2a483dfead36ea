package org.cetak.drivers.printer;

import java.util.List;

/**
 * What to print on one card, each panel already in its wire encoding ({@link EncodedPanel}): the
 * front panels in ribbon order and the back panels, empty for a one-sided card.
 */
public record EncodedFaces(List<EncodedPanel> front, List<EncodedPanel> back) {

  public EncodedFaces {
    front = List.copyOf(front);
    back = List.copyOf(back);
    if (front.isEmpty()) {
      throw new IllegalArgumentException("a card needs at least one front panel");
    }
  }

  /** Every panel of the card encoded. */
  public static EncodedFaces of(CardFaces faces) {
    return new EncodedFaces(
        faces.front().stream().map(EncodedPanel::of).toList(),
        faces.back().stream().map(EncodedPanel::of).toList());
  }

  public boolean twoSided() {
    return !back.isEmpty();
  }
}
