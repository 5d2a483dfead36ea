package org.cetak.sim.printer;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The printer's receiver: frames requests as PROTOCOL.md part A says, on its own (it shares no code
 * with the driver). NULs between requests are skipped; {@code Db}/{@code Dbc} data is read by
 * length and hashed on the fly; anything else that is not a request becomes a {@link
 * Request.Malformed} that gets one error reply.
 *
 * <p>Resynchronisation after bad framing: junk where a request should start is dropped up to its CR
 * (or the next ESC, or a pause of {@code idleMillis}); after a panel whose length is wrong, input
 * is dropped until the line has been quiet for {@code quietMillis}. An incomplete request (a pause
 * of {@code idleMillis} in the middle) is answered as malformed. Not thread-safe: one per
 * connection.
 *
 * <p>{@code Dbc} comes in two forms, and a printer's firmware takes one of them: three parameters
 * (panel, levels, bytes) describing lines 0 to 1015, or four (panel, levels, first line, bytes;
 * guide p15) describing lines from the first line to 1015, the lines before it blank.
 */
public final class RequestReader {

  static final byte ESC = 0x1B;
  static final byte CR = 0x0D;

  private static final Set<String> KNOWN =
      Set.of(
          "Rtp", "Rsn", "Rfv", "Rco", "Rcr", "Rlr", "Pr", "Pmi", "Sic", "Si", "Ss", "Sr", "Sv",
          "Db", "Dbc", "Se", "Ser", "Scs", "Srs", "Rst", "Rse", "Rrt", "Rok", "Pcom");
  private static final Set<String> PANELS = Set.of("y", "m", "c", "k", "o");
  private static final int MAX_TEXT = 256;
  private static final int TIMEOUT = ReceivedBytes.TIMEOUT;

  private final ReceivedBytes in;
  private final long idleMillis;
  private final long quietMillis;
  private final byte[] compressed = new byte[MonoPanel.MAX_COMPRESSED];
  private final byte[] bitmap = new byte[MonoPanel.BYTES];
  private final MessageDigest sha;
  private final boolean firstLineDbc;

  /**
   * @param idleMillis a pause this long inside a request makes it incomplete
   * @param quietMillis a pause this long ends resynchronisation after a wrong panel length
   */
  public RequestReader(ByteSource source, long idleMillis, long quietMillis) {
    this(source, idleMillis, quietMillis, false);
  }

  /**
   * @param firstLineDbc true when {@code Dbc} takes the four-parameter form with a first line
   */
  public RequestReader(ByteSource source, long idleMillis, long quietMillis, boolean firstLineDbc) {
    this.firstLineDbc = firstLineDbc;
    this.in = new ReceivedBytes(source);
    this.idleMillis = idleMillis;
    this.quietMillis = quietMillis;
    try {
      this.sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JRE", e);
    }
  }

  /** Length in bytes of a full {@code Db} panel at {@code levels}, or -1 for invalid levels. */
  public static int panelLength(int levels) {
    return switch (levels) {
      case 2 -> MonoPanel.BYTES;
      case 32 -> MonoPanel.BYTES * 5;
      case 64 -> MonoPanel.BYTES * 6;
      case 128 -> MonoPanel.BYTES * 7;
      default -> -1;
    };
  }

  /** The next request, or null when the stream ended. */
  public Request read() throws IOException {
    int b;
    do {
      b = in.next(0);
      if (b < 0) {
        return null;
      }
    } while (b == 0);
    if (b != ESC) {
      skipJunk();
      return new Request.Malformed(PrinterError.COMMAND, "bytes outside a request");
    }
    StringBuilder name = new StringBuilder();
    boolean bad = false;
    int end;
    while (true) {
      int c = in.peek(idleMillis);
      if (c == -1) {
        return null;
      }
      if (c == TIMEOUT || c == ESC) {
        return new Request.Malformed(PrinterError.COMMAND, "incomplete request");
      }
      in.skip();
      if (c == CR || c == ';') {
        end = c;
        break;
      }
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) || name.length() >= 8) {
        bad = true;
      } else {
        name.append((char) c);
      }
    }
    String n = name.toString();
    if (!bad && end == ';' && (n.equals("Db") || n.equals("Dbc"))) {
      return n.equals("Db") ? readPanel() : readCompressedPanel();
    }
    List<String> params = new ArrayList<>();
    if (end == ';') {
      Text t = readText();
      if (t.malformed != null) {
        return t.malformed;
      }
      bad |= t.bad;
      for (String p : t.text.split(";", -1)) {
        params.add(p);
      }
    }
    if (bad || n.isEmpty() || !KNOWN.contains(n)) {
      return new Request.Malformed(PrinterError.COMMAND, "unknown command");
    }
    if (n.equals("Db") || n.equals("Dbc")) {
      return new Request.Malformed(PrinterError.PARAMETER, "panel without parameters");
    }
    return new Request.Command(n, params);
  }

  private Request readPanel() throws IOException {
    Field panel = field();
    if (panel.malformed != null) {
      return panel.malformed;
    }
    Field levelsField = field();
    if (levelsField.malformed != null) {
      return levelsField.malformed;
    }
    int levels = parseInt(levelsField.text);
    int length = panelLength(levels);
    if (!PANELS.contains(panel.text) || length < 0) {
      resync();
      return new Request.Malformed(PrinterError.PARAMETER, "bad panel or levels");
    }
    sha.reset();
    int r = in.digest(sha, length, idleMillis);
    if (r == -1) {
      return null;
    }
    if (r == TIMEOUT) {
      return new Request.Malformed(PrinterError.PARAMETER, "panel data too short");
    }
    Request end = endOfPanel();
    if (end != null) {
      return end;
    }
    return new Request.Panel(panel.text, levels, false, HexFormat.of().formatHex(sha.digest()));
  }

  private Request readCompressedPanel() throws IOException {
    Field panel = field();
    if (panel.malformed != null) {
      return panel.malformed;
    }
    Field levelsField = field();
    if (levelsField.malformed != null) {
      return levelsField.malformed;
    }
    int first = 0;
    if (firstLineDbc) {
      Field firstField = field();
      if (firstField.malformed != null) {
        return firstField.malformed;
      }
      first = parseInt(firstField.text);
    }
    Field countField = field();
    if (countField.malformed != null) {
      return countField.malformed;
    }
    int levels = parseInt(levelsField.text);
    int count = parseInt(countField.text);
    if (!(panel.text.equals("k") || panel.text.equals("o"))
        || levels != 2
        || first < 0
        || first >= MonoPanel.LINES
        || count < 1
        || count > compressed.length) {
      resync();
      return new Request.Malformed(PrinterError.PARAMETER, "bad compressed panel header");
    }
    int r = in.read(compressed, count, idleMillis);
    if (r == -1) {
      return null;
    }
    if (r == TIMEOUT) {
      return new Request.Malformed(PrinterError.PARAMETER, "panel data too short");
    }
    Request end = endOfPanel();
    if (end != null) {
      return end;
    }
    if (!MonoPanel.decompress(compressed, count, first, bitmap)) {
      return new Request.Malformed(PrinterError.PARAMETER, "compressed data does not make a panel");
    }
    sha.reset();
    sha.update(bitmap);
    return new Request.Panel(panel.text, 2, true, HexFormat.of().formatHex(sha.digest()));
  }

  /** Checks the CR after panel data; returns a malformed request, or null when it is there. */
  private Request endOfPanel() throws IOException {
    int c = in.peek(idleMillis);
    if (c == CR) {
      in.skip();
      return null;
    }
    if (c == -1) {
      return new Request.Malformed(PrinterError.PARAMETER, "stream ended before CR");
    }
    if (c == TIMEOUT || c == ESC) {
      return new Request.Malformed(PrinterError.PARAMETER, "no CR after panel data");
    }
    resync();
    return new Request.Malformed(PrinterError.PARAMETER, "panel data longer than its length");
  }

  /** A {@code ;}-terminated header field of a panel request. */
  private Field field() throws IOException {
    StringBuilder sb = new StringBuilder();
    while (true) {
      int c = in.peek(idleMillis);
      if (c == -1 || c == TIMEOUT || c == ESC) {
        return new Field(null, new Request.Malformed(PrinterError.PARAMETER, "missing parameter"));
      }
      in.skip();
      if (c == ';') {
        return new Field(sb.toString(), null);
      }
      if (c == CR) {
        return new Field(null, new Request.Malformed(PrinterError.PARAMETER, "missing data"));
      }
      if (sb.length() >= 8 || c < 0x20 || c > 0x7E) {
        resync();
        return new Field(null, new Request.Malformed(PrinterError.PARAMETER, "bad parameter"));
      }
      sb.append((char) c);
    }
  }

  private Text readText() throws IOException {
    StringBuilder sb = new StringBuilder();
    boolean bad = false;
    while (true) {
      int c = in.peek(idleMillis);
      if (c == -1 || c == TIMEOUT || c == ESC) {
        return new Text(null, false, new Request.Malformed(PrinterError.COMMAND, "incomplete"));
      }
      in.skip();
      if (c == CR) {
        return new Text(sb.toString(), bad, null);
      }
      if (c < 0x20 || c > 0x7E || sb.length() >= MAX_TEXT) {
        bad = true;
      } else {
        sb.append((char) c);
      }
    }
  }

  private void skipJunk() throws IOException {
    while (true) {
      int c = in.peek(idleMillis);
      if (c == -1 || c == TIMEOUT || c == ESC) {
        return;
      }
      in.skip();
      if (c == CR) {
        return;
      }
    }
  }

  /** Drops input until the line has been quiet for {@code quietMillis}. */
  private void resync() throws IOException {
    in.dropUntilQuiet(quietMillis);
  }

  private static int parseInt(String s) {
    if (s == null || s.isEmpty() || s.length() > 7) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      v = v * 10 + (ch - '0');
    }
    return v;
  }

  private record Field(String text, Request.Malformed malformed) {}

  private record Text(String text, boolean bad, Request.Malformed malformed) {}
}
