package org.cetak.intake;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.cetak.common.DomainException;
import org.cetak.common.Wording;

/**
 * Reads a zip bundle once, start to end: copies its one records file out to a directory and lists
 * every other file in a {@link ZipEntries} index there, so that the files are then read in place
 * from the zip by name. A zip's central directory is never held in memory, whatever its number of
 * files. An entry whose name is absolute, holds a drive letter, a backslash or a {@code ..} is not
 * listed. The data of a stored or deflated file is skipped, not read; a file compressed with
 * another method Cetak can read is copied out up to one byte past {@link Bundle#MAX_PAYLOAD_BYTES}
 * (enough to tell it is too large); an encrypted file is listed as unreadable.
 */
final class ZipScan {

  /** Free space left on the temporary disk: the scan stops before it takes this. */
  static final long DISK_RESERVE_BYTES = 256L * 1024 * 1024;

  /** Why a listed file cannot be read. */
  static final String CANNOT_READ = "is encrypted or compressed with a method Cetak cannot read";

  private static final int BUFFER = 64 * 1024;
  private static final long CHECK_SPACE_BYTES = 8L * 1024 * 1024;

  /** What a scan found: the records file copied out, its folder in the zip, the other files. */
  record Scanned(Path records, String folder, ZipEntries entries) {}

  private final Path zip;
  private final String name;
  private final Path into;
  private final FileStore store;
  private final long reserve;
  private final long zipSize;
  private final byte[] buffer = new byte[BUFFER];
  private long unchecked;

  private ZipScan(Path zip, String name, Path into, long reserve) throws IOException {
    this.zip = zip;
    this.name = name;
    this.into = into;
    this.store = Files.getFileStore(into);
    this.reserve = reserve;
    this.zipSize = Files.size(zip);
  }

  /**
   * Scans {@code zip}, writing its records file and its index into {@code into} (an empty
   * directory).
   *
   * @throws DomainException BUNDLE_NOT_ZIP when the file is not a readable zip, BUNDLE_NO_RECORDS
   *     when it holds no records file or more than one, BUNDLE_DISK_FULL when the temporary disk
   *     fills up or cannot be written
   */
  static Scanned scan(Path zip, String name, Path into, long reserve) {
    try {
      return new ZipScan(zip, name, into, reserve).run();
    } catch (ZipEntries.TooManyFiles e) {
      throw notZip(
          name, e.getMessage(), Wording.of("bundle.why.tooManyFiles", ZipEntries.MAX_FILES));
    } catch (IOException e) {
      throw diskFull(name, into, e.getMessage());
    }
  }

  private Scanned run() throws IOException {
    checkSpace();
    Path records = null;
    String recordsName = null;
    int entries = 0;
    ZipEntries.Writer index = new ZipEntries.Writer(into);
    try (index;
        ZipArchiveInputStream in = open()) {
      ZipArchiveEntry skipped = null;
      String skippedName = null;
      String last = null;
      long listed = 0;
      boolean positionsLost = false;
      for (ZipArchiveEntry entry = next(in, last); entry != null; entry = next(in, last)) {
        entries++;
        last = entry.getName();
        positionsLost |= storedWithDescriptor(entry);
        if (skipped != null) {
          listInPlace(index, skipped, skippedName);
          skipped = null;
        }
        String path = normalized(entry.getName());
        if (path == null || entry.isDirectory()) {
          continue;
        }
        if (isRecords(path)) {
          if (recordsName != null) {
            throw Bundle.noRecords(name, true);
          }
          if (!in.canReadEntryData(entry)) {
            throw notZip(
                name,
                entry.getName() + " " + CANNOT_READ,
                Wording.of("bundle.why.unreadable", entry.getName()));
          }
          records = into.resolve(path.substring(path.lastIndexOf('/') + 1));
          CRC32 crc = new CRC32();
          try (OutputStream out = Files.newOutputStream(records)) {
            copy(in, out, Long.MAX_VALUE, crc, entry.getName());
          }
          if (entry.getCrc() >= 0 && entry.getCrc() != crc.getValue()) {
            throw notZip(
                name,
                entry.getName() + " does not match its CRC",
                Wording.of("bundle.why.crc", entry.getName()));
          }
          recordsName = path;
        } else if (!in.canReadEntryData(entry)) {
          index.unreadable(path);
        } else if (!positionsLost
            && (entry.getMethod() == ZipEntry.STORED || entry.getMethod() == ZipEntry.DEFLATED)) {
          skipped = entry;
          skippedName = path;
        } else {
          CRC32 crc = new CRC32();
          long size = copy(in, index.side(), Bundle.MAX_PAYLOAD_BYTES + 1, crc, entry.getName());
          index.copied(path, size, crc.getValue());
        }
        wrote(index.written() - listed);
        listed = index.written();
      }
      if (skipped != null) {
        listInPlace(index, skipped, skippedName);
      }
    }
    if (entries == 0 && !startsAsEmptyZip()) {
      throw notZip(name, "it holds no zip entry", Wording.of("bundle.why.noEntry"));
    }
    if (recordsName == null) {
      throw Bundle.noRecords(name, false);
    }
    ZipEntries found = index.finish(zip);
    int slash = recordsName.lastIndexOf('/');
    return new Scanned(records, recordsName.substring(0, slash + 1), found);
  }

  /**
   * Whether an entry is stored with its sizes after its data, as streaming writers make them: the
   * reader finds its end by looking ahead, after which it no longer knows the positions of the
   * entries that follow (the zip's own reader loses count there), so these are copied out.
   */
  private static boolean storedWithDescriptor(ZipArchiveEntry entry) {
    return entry.getMethod() == ZipEntry.STORED
        && entry.getGeneralPurposeBit().usesDataDescriptor();
  }

  /** Lists a stored or deflated file, read past now so that its sizes and CRC are known. */
  private void listInPlace(ZipEntries.Writer index, ZipArchiveEntry entry, String path)
      throws IOException {
    long offset = entry.getDataOffset();
    long compressed = entry.getCompressedSize();
    if (offset < 0 || compressed < 0 || entry.getSize() < 0 || entry.getCrc() < 0) {
      index.unreadable(path);
      return;
    }
    if (offset + compressed > zipSize) {
      throw notZip(
          name,
          entry.getName() + " is cut short",
          Wording.of("bundle.why.cutShort", entry.getName()));
    }
    index.inPlace(path, entry.getMethod(), offset, compressed, entry.getSize(), entry.getCrc());
  }

  private ZipArchiveInputStream open() {
    try {
      return new ZipArchiveInputStream(
          new BufferedInputStream(Files.newInputStream(zip), BUFFER),
          StandardCharsets.UTF_8.name(),
          true,
          true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open " + zip, e);
    }
  }

  /** The next entry; the zip is refused when it breaks, in the entry before or in the next one. */
  private ZipArchiveEntry next(ZipArchiveInputStream in, String last) {
    try {
      return in.getNextEntry();
    } catch (IOException | RuntimeException e) {
      throw notZip(
          name,
          (last == null ? "" : "it breaks after " + last + ": ") + e.getMessage(),
          last == null
              ? Wording.of("bundle.why.broken")
              : Wording.of("bundle.why.brokenAfter", last));
    }
  }

  private static boolean isRecords(String path) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    return path.chars().filter(c -> c == '/').count() <= 1
        && (file.equals("records.csv") || file.equals("records.json"));
  }

  /**
   * The entry's path with empty and {@code .} segments dropped; null when its name would leave the
   * bundle (absolute, a drive letter, a backslash, a {@code ..}, a NUL) or names nothing.
   */
  static String normalized(String entryName) {
    if (entryName.isEmpty()
        || entryName.startsWith("/")
        || entryName.contains(":")
        || entryName.contains("\\")
        || entryName.indexOf('\0') >= 0) {
      return null;
    }
    List<String> segments = new ArrayList<>();
    for (String segment : entryName.split("/", -1)) {
      if (segment.equals("..")) {
        return null;
      }
      if (!segment.isEmpty() && !segment.equals(".")) {
        segments.add(segment);
      }
    }
    return segments.isEmpty() ? null : String.join("/", segments);
  }

  /** Copies the entry's data up to {@code limit} bytes (the rest is skipped); answers how many. */
  private long copy(
      ZipArchiveInputStream in, OutputStream out, long limit, CRC32 crc, String entryName)
      throws IOException {
    long copied = 0;
    while (copied < limit) {
      int n;
      try {
        n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied));
      } catch (IOException | RuntimeException e) {
        throw notZip(
            name,
            entryName + " cannot be read: " + e.getMessage(),
            Wording.of("bundle.why.damaged", entryName));
      }
      if (n < 0) {
        break;
      }
      out.write(buffer, 0, n);
      crc.update(buffer, 0, n);
      copied += n;
      wrote(n);
    }
    return copied;
  }

  /** Counts bytes written to the temporary disk, checking its room every few megabytes. */
  private void wrote(long bytes) throws IOException {
    unchecked += bytes;
    if (unchecked >= CHECK_SPACE_BYTES) {
      checkSpace();
    }
  }

  private void checkSpace() throws IOException {
    unchecked = 0;
    if (store.getUsableSpace() < reserve) {
      throw new IOException(
          "fewer than " + reserve / (1024 * 1024) + " MB are left free on " + into.getParent());
    }
  }

  /** An empty zip is its end record alone. */
  private boolean startsAsEmptyZip() throws IOException {
    try (InputStream in = Files.newInputStream(zip)) {
      return Arrays.equals(in.readNBytes(4), new byte[] {'P', 'K', 5, 6});
    }
  }

  /**
   * BUNDLE_NOT_ZIP: {@code why} says what is wrong for the log, {@code worded} for the user in
   * their language.
   */
  private static DomainException notZip(String name, String why, Wording worded) {
    return new DomainException(
        IntakeError.BUNDLE_NOT_ZIP,
        name + " is neither a directory nor a readable zip: " + why,
        name,
        worded);
  }

  private static DomainException diskFull(String name, Path into, String why) {
    Path parent = into.getParent() == null ? into : into.getParent();
    return new DomainException(
        IntakeError.BUNDLE_DISK_FULL,
        name + " could not be opened under " + parent + ": " + why,
        name,
        parent.toString());
  }
}
