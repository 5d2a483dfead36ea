package org.cetak.printing.device;

import java.util.ArrayList;
import java.util.List;
import org.cetak.drivers.printer.CardFaces;
import org.cetak.drivers.printer.EncodedFaces;
import org.cetak.drivers.printer.Panel;
import org.cetak.drivers.printer.PanelColour;
import org.cetak.printing.face.PanelSet;

/**
 * A rendered card's panels as the printer receives them. Packing and compressing the panels is most
 * of the host's work for a card, so it is done when the card is prepared, ahead of the printer: the
 * printer's thread then only streams bytes.
 */
public final class WirePanels {

  private WirePanels() {}

  /** The card's panels packed and compressed for the wire. */
  public static EncodedFaces encode(PanelSet panels) {
    return EncodedFaces.of(faces(panels));
  }

  /** The driver's panels of a card; the dot arrays are handed over, not copied. */
  public static CardFaces faces(PanelSet panels) {
    return new CardFaces(driverPanels(panels.front()), driverPanels(panels.back()));
  }

  private static List<Panel> driverPanels(List<PanelSet.Panel> side) {
    List<Panel> panels = new ArrayList<>(side.size());
    for (PanelSet.Panel p : side) {
      panels.add(new Panel(colour(p.name()), p.levels(), p.dots()));
    }
    return panels;
  }

  private static PanelColour colour(String name) {
    for (PanelColour colour : PanelColour.values()) {
      if (colour.wire().equals(name)) {
        return colour;
      }
    }
    throw new IllegalArgumentException("Unknown panel " + name);
  }
}
