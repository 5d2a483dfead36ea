package org.cetak.printing.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cetak.drivers.printer.CardFaces;
import org.cetak.drivers.printer.EncodedFaces;
import org.cetak.drivers.printer.EncodedPanel;
import org.cetak.drivers.printer.Panel;
import org.cetak.drivers.printer.PanelColour;
import org.cetak.printing.face.PanelSet;

/**
 * A rendered card's panels as the printer receives them. Packing and compressing the panels is most
 * of the host's work for a card, so it is done when the card is prepared, ahead of the printer: the
 * printer's thread then only streams bytes.
 *
 * <p>A panel drawn over the blank card's ({@link PanelSet.DrawnOver}) is not packed whole: the
 * blank panel is encoded once, and each card repacks only the lines it changed (the photo's columns
 * of the colour panels) or none (the overlay).
 */
public final class WirePanels {

  /**
   * The blank panels encoded, by panel; records compare their dot arrays by identity, so a key is
   * one blank panel object. The blank card's are a handful of constants.
   */
  private static final Map<PanelSet.Panel, EncodedPanel> BLANKS = new ConcurrentHashMap<>();

  private WirePanels() {}

  /** The card's panels packed and compressed for the wire. */
  public static EncodedFaces encode(PanelSet panels) {
    return new EncodedFaces(encode(panels.front()), encode(panels.back()));
  }

  /** The driver's panels of a card; the dot arrays are handed over, not copied. */
  public static CardFaces faces(PanelSet panels) {
    return new CardFaces(driverPanels(panels.front()), driverPanels(panels.back()));
  }

  private static List<EncodedPanel> encode(List<PanelSet.Panel> side) {
    List<EncodedPanel> encoded = new ArrayList<>(side.size());
    for (PanelSet.Panel p : side) {
      encoded.add(p.drawnOver().map(over -> redrawn(p, over)).orElseGet(() -> whole(p)));
    }
    return encoded;
  }

  private static EncodedPanel redrawn(PanelSet.Panel panel, PanelSet.DrawnOver over) {
    EncodedPanel blank = BLANKS.computeIfAbsent(over.blank(), WirePanels::whole);
    return over.fromLine() == over.toLine()
        ? blank
        : blank.withLines(panel.dots(), over.fromLine(), over.toLine());
  }

  private static EncodedPanel whole(PanelSet.Panel panel) {
    return EncodedPanel.of(colour(panel.name()), panel.levels(), panel.dots());
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
