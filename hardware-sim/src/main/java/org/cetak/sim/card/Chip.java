package org.cetak.sim.card;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contactless chip of one blank, implementing the open personalisation profile of PROTOCOL.md
 * part B: the UID pseudo-APDU, the application {@code F0 43 45 54 41 4B 01}, five transparent EFs
 * created empty at their size limits, UPDATE/READ BINARY and the proprietary lock.
 *
 * <p>Selection state belongs to a power-up (a connection); {@link #powerUp()} resets it. All
 * methods are thread-safe.
 */
public final class Chip {

  /** The application identifier of the open profile. */
  private static final byte[] AID = {(byte) 0xF0, 0x43, 0x45, 0x54, 0x41, 0x4B, 0x01};

  /** Largest UPDATE BINARY data field. */
  public static final int MAX_WRITE = 224;

  /** Files of the profile and their size limits, in FID order. */
  public static final Map<Integer, Integer> FILE_SIZES = fileSizes();

  private static final byte[] OK = {(byte) 0x90, 0x00};
  private static final byte[] END_OF_FILE = {0x62, (byte) 0x82};
  private static final byte[] FILE_NOT_FOUND = {0x6A, (byte) 0x82};
  private static final byte[] WRONG_LENGTH = {0x67, 0x00};
  private static final byte[] OFFSET_BEYOND = {0x6B, 0x00};
  private static final byte[] LOCKED = {0x69, (byte) 0x82};
  private static final byte[] MEMORY_FAILURE = {0x65, (byte) 0x81};
  private static final byte[] NOT_SUPPORTED = {0x6D, 0x00};

  /** Stands for a file never written (all zeros); replaced by its own array on first write. */
  private static final byte[] EMPTY = new byte[0];

  private final byte[] uid;
  private final ChipFaults faults;
  private final Map<Integer, byte[]> files = new LinkedHashMap<>();
  private final Map<Integer, Integer> highWater = new LinkedHashMap<>();
  private boolean locked;
  private boolean applicationSelected;
  private int currentFile = -1;
  private int writes;
  private long bytesWritten;

  public Chip(byte[] uid, ChipFaults faults) {
    if (uid.length != 4 && uid.length != 7 && uid.length != 10) {
      throw new IllegalArgumentException("a UID has 4, 7 or 10 bytes, not " + uid.length);
    }
    this.uid = uid.clone();
    this.faults = faults;
    FILE_SIZES.forEach(
        (fid, size) -> {
          files.put(fid, EMPTY);
          highWater.put(fid, 0);
        });
  }

  private static Map<Integer, Integer> fileSizes() {
    Map<Integer, Integer> m = new LinkedHashMap<>();
    m.put(0x0101, 1024);
    m.put(0x0102, 4096);
    m.put(0x0103, 1024);
    m.put(0x0104, 1024);
    m.put(0x011D, 128);
    return java.util.Collections.unmodifiableMap(m);
  }

  public byte[] uid() {
    return uid.clone();
  }

  public String uidHex() {
    return HexFormat.of().withUpperCase().formatHex(uid);
  }

  public ChipFaults faults() {
    return faults;
  }

  /** Whether the chip answers at all (a dead or mute chip gives no ATR). */
  public boolean mute() {
    return faults.mute();
  }

  /** Power-up: forgets the selected application and file. */
  public synchronized void powerUp() {
    applicationSelected = false;
    currentFile = -1;
  }

  public synchronized boolean locked() {
    return locked;
  }

  /** Total UPDATE BINARY data bytes accepted so far (drives the slow-chip timing). */
  public synchronized long bytesWritten() {
    return bytesWritten;
  }

  /**
   * Processes one command APDU and returns the response (data + status word).
   *
   * @throws ChipRemovedException when the card-removed fault strikes during a write; the write is
   *     then half applied
   */
  public synchronized byte[] transmit(byte[] apdu) {
    if (apdu.length < 4) {
      return WRONG_LENGTH.clone();
    }
    int cla = apdu[0] & 0xFF;
    int ins = apdu[1] & 0xFF;
    int p1 = apdu[2] & 0xFF;
    int p2 = apdu[3] & 0xFF;
    if (cla == 0xFF && ins == 0xCA && p1 == 0 && p2 == 0) {
      return concat(uid, OK);
    }
    if (cla == 0x80 && ins == 0xE0 && p1 == 0 && p2 == 0) {
      locked = true;
      return OK.clone();
    }
    if (cla != 0x00) {
      return NOT_SUPPORTED.clone();
    }
    Body body = Body.parse(apdu);
    if (body == null) {
      return WRONG_LENGTH.clone();
    }
    return switch (ins) {
      case 0xA4 -> select(p1, body);
      case 0xD6 -> update((p1 << 8) | p2, body);
      case 0xB0 -> read((p1 << 8) | p2, body);
      default -> NOT_SUPPORTED.clone();
    };
  }

  private byte[] select(int p1, Body body) {
    if (p1 == 0x04) {
      if (Arrays.equals(body.data, AID)) {
        applicationSelected = true;
        currentFile = -1;
        return OK.clone();
      }
      return FILE_NOT_FOUND.clone();
    }
    if (p1 == 0x02) {
      if (body.data.length != 2) {
        return WRONG_LENGTH.clone();
      }
      int fid = ((body.data[0] & 0xFF) << 8) | (body.data[1] & 0xFF);
      if (!applicationSelected || !files.containsKey(fid)) {
        return FILE_NOT_FOUND.clone();
      }
      currentFile = fid;
      return OK.clone();
    }
    return FILE_NOT_FOUND.clone();
  }

  private byte[] update(int offset, Body body) {
    if (currentFile < 0) {
      return FILE_NOT_FOUND.clone();
    }
    if (locked) {
      return LOCKED.clone();
    }
    byte[] file = fileBytes(currentFile);
    if (body.data.length == 0 || body.data.length > MAX_WRITE) {
      return WRONG_LENGTH.clone();
    }
    if (offset >= file.length) {
      return OFFSET_BEYOND.clone();
    }
    if (offset + body.data.length > file.length) {
      return WRONG_LENGTH.clone();
    }
    writes++;
    if (faults.failsAtWrite() > 0 && writes >= faults.failsAtWrite()) {
      return MEMORY_FAILURE.clone();
    }
    if (faults.removedAtWrite() > 0 && writes == faults.removedAtWrite()) {
      int half = body.data.length / 2;
      store(file, offset, body.data, half);
      throw new ChipRemovedException(
          "card left the field during UPDATE BINARY at offset " + offset + " of " + fidHex());
    }
    store(file, offset, body.data, body.data.length);
    return OK.clone();
  }

  /** The file's bytes at their full size (allocated on first use). */
  private byte[] fileBytes(int fid) {
    byte[] f = files.get(fid);
    if (f == EMPTY) {
      f = new byte[FILE_SIZES.get(fid)];
      files.put(fid, f);
    }
    return f;
  }

  private void store(byte[] file, int offset, byte[] data, int n) {
    System.arraycopy(data, 0, file, offset, n);
    highWater.merge(currentFile, offset + n, Math::max);
    bytesWritten += n;
  }

  private byte[] read(int offset, Body body) {
    if (currentFile < 0) {
      return FILE_NOT_FOUND.clone();
    }
    if (body.data.length != 0) {
      return WRONG_LENGTH.clone();
    }
    byte[] file = fileBytes(currentFile);
    if (offset >= file.length) {
      return OFFSET_BEYOND.clone();
    }
    int le = body.le;
    int n = Math.min(le, file.length - offset);
    byte[] data = Arrays.copyOfRange(file, offset, offset + n);
    return concat(data, n < le ? END_OF_FILE : OK);
  }

  private String fidHex() {
    return String.format("%04X", currentFile);
  }

  /** What the chip holds, for the ground truth. */
  public synchronized ChipContents contents() {
    Map<String, ChipContents.FileContent> out = new LinkedHashMap<>();
    files.forEach(
        (fid, data) -> {
          int hw = highWater.get(fid);
          out.put(
              String.format("%04X", fid),
              new ChipContents.FileContent(
                  hw, sha256(Arrays.copyOf(data, Math.min(hw, data.length)))));
        });
    return new ChipContents(uidHex(), faults.mute(), locked, out);
  }

  /** A copy of one file's whole content (size limit), or null for an unknown FID. */
  public synchronized byte[] file(int fid) {
    return files.containsKey(fid) ? fileBytes(fid).clone() : null;
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JRE", e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  /** The body of a short or extended command APDU: data field and Le (0 when absent). */
  private static final class Body {
    final byte[] data;
    final int le;

    private Body(byte[] data, int le) {
      this.data = data;
      this.le = le;
    }

    static Body parse(byte[] apdu) {
      int n = apdu.length - 4;
      if (n == 0) {
        return new Body(new byte[0], 0);
      }
      int b0 = apdu[4] & 0xFF;
      if (n == 1) {
        return new Body(new byte[0], b0 == 0 ? 256 : b0);
      }
      if (b0 != 0) {
        if (n == 1 + b0) {
          return new Body(Arrays.copyOfRange(apdu, 5, 5 + b0), 0);
        }
        if (n == 2 + b0) {
          int le = apdu[apdu.length - 1] & 0xFF;
          return new Body(Arrays.copyOfRange(apdu, 5, 5 + b0), le == 0 ? 256 : le);
        }
        return null;
      }
      // extended length
      if (n == 3) {
        int le = ((apdu[5] & 0xFF) << 8) | (apdu[6] & 0xFF);
        return new Body(new byte[0], le == 0 ? 65536 : le);
      }
      int lc = ((apdu[5] & 0xFF) << 8) | (apdu[6] & 0xFF);
      if (n == 3 + lc) {
        return new Body(Arrays.copyOfRange(apdu, 7, 7 + lc), 0);
      }
      if (n == 5 + lc) {
        int le = ((apdu[apdu.length - 2] & 0xFF) << 8) | (apdu[apdu.length - 1] & 0xFF);
        return new Body(Arrays.copyOfRange(apdu, 7, 7 + lc), le == 0 ? 65536 : le);
      }
      return null;
    }
  }
}
