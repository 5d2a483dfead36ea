package org.cetak.drivers.printer;

/**
 * One panel in its best wire encoding (PROTOCOL.md part A): a 2-level panel packed and compressed
 * ({@code Dbc} data), any other packed ({@code Db} data). Encoding is the costly part of sending a
 * card, and the same for both dialects, so it is done once when the card is prepared; the printer's
 * thread then only frames and streams the bytes ({@link PrinterCommands}).
 *
 * @param data the {@code Db} or {@code Dbc} data; not copied, do not change it
 */
// equals, hashCode and toString below look at the contents; the data is not copied.
@SuppressWarnings("ArrayRecordComponent")
public record EncodedPanel(PanelColour colour, int levels, byte[] data) {

  public EncodedPanel {
    int bits = PanelCodec.bitsPerDot(levels);
    if (bits < 0) {
      throw new IllegalArgumentException("levels must be 2, 32, 64 or 128, not " + levels);
    }
    if (bits > 1 && data.length != PanelCodec.packedLength(levels)) {
      throw new IllegalArgumentException(
          "a " + levels + "-level panel packs to " + PanelCodec.packedLength(levels) + " bytes");
    }
  }

  /** The panel encoded: compressed when it has 2 levels, packed otherwise. */
  public static EncodedPanel of(Panel panel) {
    return of(panel.colour(), panel.levels(), panel.dots());
  }

  /**
   * A panel's dots (one byte a dot, as in {@link Panel}) encoded: compressed when it has 2 levels,
   * packed otherwise. Each dot is checked as it is packed, so the dots are read once.
   *
   * @throws IllegalArgumentException for a count of levels the protocol has not, a wrong number of
   *     dots, or a dot at or above the levels
   */
  public static EncodedPanel of(PanelColour colour, int levels, byte[] dots) {
    if (PanelCodec.bitsPerDot(levels) < 0) {
      throw new IllegalArgumentException("levels must be 2, 32, 64 or 128, not " + levels);
    }
    if (dots.length != Panel.DOTS) {
      throw new IllegalArgumentException("a panel has " + Panel.DOTS + " dots, not " + dots.length);
    }
    if (levels == 2) {
      return new EncodedPanel(colour, levels, PanelCodec.packAndCompress(dots));
    }
    byte[] packed = new byte[PanelCodec.packedLength(levels)];
    PanelCodec.packLines(dots, levels, 0, Panel.HEIGHT, packed, 0);
    return new EncodedPanel(colour, levels, packed);
  }

  /**
   * This panel with lines {@code [fromLine, toLine)} replaced by the same lines of {@code dots} (a
   * whole panel's dots): only those lines are checked and packed, the others' bytes are copied. For
   * a panel that differs from one encoded beforehand in a few lines. A {@code Dbc} panel, whose
   * lines have no fixed place, is encoded whole instead ({@link #of(PanelColour, int, byte[])}).
   *
   * @throws IllegalStateException for a compressed panel
   * @throws IllegalArgumentException for lines outside the panel, a wrong number of dots, or a dot
   *     of those lines at or above the levels
   */
  public EncodedPanel withLines(byte[] dots, int fromLine, int toLine) {
    if (compressed()) {
      throw new IllegalStateException("a compressed panel is encoded whole, not line by line");
    }
    if (fromLine < 0 || toLine > Panel.HEIGHT || fromLine > toLine) {
      throw new IllegalArgumentException("no lines " + fromLine + " to " + toLine + " in a panel");
    }
    if (dots.length != Panel.DOTS) {
      throw new IllegalArgumentException("a panel has " + Panel.DOTS + " dots, not " + dots.length);
    }
    byte[] packed = data.clone();
    PanelCodec.packLines(
        dots, levels, fromLine, toLine, packed, fromLine * PanelCodec.lineLength(levels));
    return new EncodedPanel(colour, levels, packed);
  }

  /** True for {@code Dbc} data (a 2-level panel), false for {@code Db}. */
  public boolean compressed() {
    return levels == 2;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EncodedPanel p
        && p.colour == colour
        && p.levels == levels
        && java.util.Arrays.equals(p.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * colour.hashCode() + levels) + java.util.Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "EncodedPanel[" + colour + ", " + levels + " levels, " + data.length + " bytes]";
  }
}
