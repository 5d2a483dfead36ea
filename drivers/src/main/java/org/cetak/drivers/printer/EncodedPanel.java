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
    byte[] packed = PanelCodec.pack(panel);
    return new EncodedPanel(
        panel.colour(), panel.levels(), panel.levels() == 2 ? PanelCodec.compress(packed) : packed);
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
