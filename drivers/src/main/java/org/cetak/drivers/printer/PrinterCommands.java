package org.cetak.drivers.printer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds request bytes (PROTOCOL.md part A framing) as pure functions. */
public final class PrinterCommands {

  private static final int ESC = 0x1B;
  private static final int CR = 0x0D;

  private PrinterCommands() {}

  /** {@code ESC name ;p1 ;p2 ... CR}. Names and parameters are ASCII without {@code ;} or CR. */
  public static byte[] command(String name, String... parameters) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16);
    out.write(ESC);
    writeAscii(out, name);
    for (String parameter : parameters) {
      out.write(';');
      writeAscii(out, parameter);
    }
    out.write(CR);
    return out.toByteArray();
  }

  /** {@code Db;<p>;<levels>;<data>}: one full uncompressed panel. */
  public static byte[] panel(Panel panel) {
    byte[] data = PanelCodec.pack(panel);
    return withData("Db;" + panel.colour().wire() + ";" + panel.levels() + ";", data, 0);
  }

  /** {@code Dbc;<p>;2;<n>;<data>}: one compressed 2-level panel (K or O). */
  public static byte[] compressedPanel(Panel panel) {
    return bestPanel(EncodedPanel.of(twoLevels(panel)));
  }

  /**
   * {@code Dbc;<p>;2;<first>;<n>;<data>}: the four-parameter form (guide p15). The leading blank
   * lines are not sent: {@code first} is the first line the data describes (at most 1015).
   */
  public static byte[] compressedPanelFromLine(Panel panel) {
    return compressedPanelFromLine(EncodedPanel.of(twoLevels(panel)));
  }

  /** {@link #compressedPanelFromLine(Panel)} of a panel encoded beforehand. */
  public static byte[] compressedPanelFromLine(EncodedPanel panel) {
    if (!panel.compressed()) {
      throw new IllegalArgumentException("Dbc carries 2-level panels only, not " + panel.levels());
    }
    byte[] data = panel.data();
    int first = 0;
    while (first < Panel.HEIGHT - 1 && data[first] == 0) {
      first++; // a blank line is one 0x00 byte
    }
    return withData(
        "Dbc;" + panel.colour().wire() + ";2;" + first + ";" + (data.length - first) + ";",
        data,
        first);
  }

  /** {@code Se} followed by {@code padding} NUL bytes, as the vendor's drivers end a job. */
  public static byte[] endOfJob(int padding) {
    byte[] se = command("Se");
    return java.util.Arrays.copyOf(se, se.length + padding);
  }

  /** The best encoding of a panel: {@code Dbc} for 2 levels, {@code Db} otherwise. */
  public static byte[] bestPanel(Panel panel) {
    return bestPanel(EncodedPanel.of(panel));
  }

  /** {@link #bestPanel(Panel)} of a panel encoded beforehand: only the framing is left to do. */
  public static byte[] bestPanel(EncodedPanel panel) {
    String wire = panel.colour().wire();
    return panel.compressed()
        ? withData("Dbc;" + wire + ";2;" + panel.data().length + ";", panel.data(), 0)
        : withData("Db;" + wire + ";" + panel.levels() + ";", panel.data(), 0);
  }

  private static Panel twoLevels(Panel panel) {
    if (panel.levels() != 2) {
      throw new IllegalArgumentException("Dbc carries 2-level panels only, not " + panel.levels());
    }
    return panel;
  }

  /** {@code ESC header data[from..] CR}. */
  private static byte[] withData(String header, byte[] data, int from) {
    byte[] head = header.getBytes(StandardCharsets.US_ASCII);
    int length = data.length - from;
    byte[] frame = new byte[1 + head.length + length + 1];
    frame[0] = ESC;
    System.arraycopy(head, 0, frame, 1, head.length);
    System.arraycopy(data, from, frame, 1 + head.length, length);
    frame[frame.length - 1] = CR;
    return frame;
  }

  private static void writeAscii(ByteArrayOutputStream out, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x21 || c > 0x7E || c == ';') {
        throw new IllegalArgumentException("not a command token: '" + text + "'");
      }
    }
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    out.write(bytes, 0, bytes.length);
  }
}
