package org.cetak.drivers.printer;

import java.util.List;
import java.util.Random;

/** Synthetic panels: a seeded pattern, the same on every run. */
public final class TestPanels {

  private TestPanels() {}

  /** A panel whose dots are seeded noise in the top third and blank below (like a card face). */
  public static Panel panel(PanelColour colour, int levels, long seed) {
    Random random = new Random(seed);
    byte[] dots = new byte[Panel.DOTS];
    for (int i = 0; i < Panel.DOTS / 3; i++) {
      dots[i] = (byte) random.nextInt(levels);
    }
    return new Panel(colour, levels, dots);
  }

  /** A YMCKO front and a K back, as an e-KTP is printed. */
  public static CardFaces ymckoFrontKBack() {
    return FACES;
  }

  private static final CardFaces FACES =
      new CardFaces(
          List.of(
              panel(PanelColour.YELLOW, 32, 1),
              panel(PanelColour.MAGENTA, 32, 2),
              panel(PanelColour.CYAN, 32, 3),
              panel(PanelColour.BLACK, 2, 4),
              panel(PanelColour.OVERLAY, 2, 5)),
          List.of(panel(PanelColour.BLACK, 2, 6)));
}
