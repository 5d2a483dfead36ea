package org.cetak.intake;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.cetak.common.DomainException;

/**
 * Unpacks a zip bundle in one sequential read into a directory, so that the bundle is then read as
 * a directory: a zip's central directory is never held in memory, whatever its number of files.
 * Nothing is written outside the directory: an entry whose name is absolute, holds a drive letter
 * or a {@code ..} is skipped, and no link is ever created. A payload file is written up to one byte
 * past {@link Bundle#MAX_PAYLOAD_BYTES} (enough to tell it is too large); the records file whole.
 * An entry that cannot be read (encrypted, an unknown compression) is recorded under {@code
 * unreadable/} with the reason, so a row naming it is refused as before.
 */
final class ZipUnpacking {

  /** Where the bundle's files go, under the unpacking directory. */
  static final String FILES = "files";

  /** Where an unreadable entry's reason goes, under the unpacking directory. */
  static final String UNREADABLE = "unreadable";

  /** Free space left on the temporary disk: the unpacking stops before it takes this. */
  static final long DISK_RESERVE_BYTES = 256L * 1024 * 1024;

  private static final String CANNOT_READ =
      "is encrypted or compressed with a method Cetak cannot read";

  private static final int BUFFER = 64 * 1024;
  private static final long CHECK_SPACE_BYTES = 8L * 1024 * 1024;
  private static final int CHECK_SPACE_ENTRIES = 256;
  private static final int FOLDERS_REMEMBERED = 64;

  private final Path zip;
  private final String name;
  private final Path files;
  private final Path unreadable;
  private final FileStore store;
  private final long reserve;
  private final byte[] buffer = new byte[BUFFER];
  private final Map<Path, Boolean> folders =
      new LinkedHashMap<>(FOLDERS_REMEMBERED * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Boolean> eldest) {
          return size() > FOLDERS_REMEMBERED;
        }
      };
  private long writtenSinceCheck = CHECK_SPACE_BYTES;
  private int entriesSinceCheck;

  private ZipUnpacking(Path zip, String name, Path into, long reserve) throws IOException {
    this.zip = zip;
    this.name = name;
    this.files = into.resolve(FILES);
    this.unreadable = into.resolve(UNREADABLE);
    this.store = Files.getFileStore(into);
    this.reserve = reserve;
  }

  /**
   * Unpacks {@code zip} into {@code into} (an empty directory) and answers the name of its one
   * records file, relative to {@code into/files}.
   *
   * @throws DomainException BUNDLE_NOT_ZIP when the file is not a readable zip, BUNDLE_NO_RECORDS
   *     when it holds no records file or more than one, BUNDLE_DISK_FULL when the temporary disk
   *     fills up or cannot be written
   */
  static String unpack(Path zip, String name, Path into, long reserve) {
    try {
      return new ZipUnpacking(zip, name, into, reserve).run();
    } catch (IOException e) {
      throw diskFull(name, into, e.getMessage());
    }
  }

  private String run() throws IOException {
    Files.createDirectory(files);
    Files.createDirectory(unreadable);
    String records = null;
    int entries = 0;
    ZipArchiveInputStream in = open();
    try {
      for (ZipArchiveEntry entry = next(in); entry != null; entry = next(in)) {
        entries++;
        Path target = inside(files, entry.getName());
        if (target == null) {
          continue;
        }
        boolean isRecords = isRecords(entry);
        if (isRecords && records != null) {
          throw Bundle.noRecords(name, true);
        }
        if (entry.isDirectory()) {
          folder(target);
          continue;
        }
        if (!folder(target.getParent())) {
          continue;
        }
        if (++entriesSinceCheck >= CHECK_SPACE_ENTRIES || writtenSinceCheck >= CHECK_SPACE_BYTES) {
          checkSpace();
        }
        if (!in.canReadEntryData(entry)) {
          if (isRecords) {
            throw notZip(entry.getName() + " " + CANNOT_READ);
          }
          unreadable(entry, CANNOT_READ);
          continue;
        }
        if (!copy(in, target, isRecords ? Long.MAX_VALUE : Bundle.MAX_PAYLOAD_BYTES + 1)) {
          continue;
        }
        if (isRecords) {
          records = entry.getName();
        }
      }
    } finally {
      closeQuietly(in);
    }
    if (entries == 0 && !startsAsEmptyZip()) {
      throw notZip("it holds no zip entry");
    }
    if (records == null) {
      throw Bundle.noRecords(name, false);
    }
    return records;
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

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // the zip was only read; closing it loses nothing
    }
  }

  private ZipArchiveEntry next(ZipArchiveInputStream in) {
    try {
      return in.getNextEntry();
    } catch (IOException | RuntimeException e) {
      throw notZip(e.getMessage());
    }
  }

  private static boolean isRecords(ZipArchiveEntry entry) {
    String entryName = entry.getName();
    String file = entryName.substring(entryName.lastIndexOf('/') + 1);
    int depth = entryName.split("/", -1).length - 1;
    return !entry.isDirectory()
        && depth <= 1
        && (file.equals("records.csv") || file.equals("records.json"));
  }

  /** The entry's place under {@code root}; null when its name would leave it. */
  static Path inside(Path root, String entryName) {
    if (entryName.isEmpty()
        || entryName.startsWith("/")
        || entryName.contains(":")
        || entryName.contains("\\")
        || entryName.indexOf('\0') >= 0
        || List.of(entryName.split("/")).contains("..")) {
      return null;
    }
    try {
      Path target = root.resolve(entryName).normalize();
      return target.startsWith(root) && !target.equals(root) ? target : null;
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /**
   * Makes {@code folder} (and the folders above it) unless one of them is already a file (two
   * entries disagree): then false. The folders made last are remembered, not looked up again.
   */
  private boolean folder(Path folder) throws IOException {
    if (folder.equals(files) || folders.containsKey(folder)) {
      return true;
    }
    for (Path above = folder; !above.equals(files); above = above.getParent()) {
      if (Files.exists(above, LinkOption.NOFOLLOW_LINKS)
          && !Files.isDirectory(above, LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
    }
    Files.createDirectories(folder);
    folders.put(folder, Boolean.TRUE);
    return true;
  }

  /**
   * Copies the entry's data up to {@code limit} bytes (the rest of it is skipped); false when
   * {@code target} is a folder already (two entries disagree).
   */
  private boolean copy(ZipArchiveInputStream in, Path target, long limit) throws IOException {
    OutputStream out;
    try {
      out = Files.newOutputStream(target);
    } catch (FileSystemException e) {
      if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
      throw e;
    }
    try (out) {
      long left = limit;
      while (left > 0) {
        int n = read(in, (int) Math.min(buffer.length, left), target);
        if (n < 0) {
          break;
        }
        out.write(buffer, 0, n);
        left -= n;
        writtenSinceCheck += n;
        if (writtenSinceCheck >= CHECK_SPACE_BYTES) {
          checkSpace();
        }
      }
    }
    return true;
  }

  private int read(ZipArchiveInputStream in, int length, Path target) {
    try {
      return in.read(buffer, 0, length);
    } catch (IOException | RuntimeException e) {
      throw notZip(files.relativize(target) + " cannot be read: " + e.getMessage());
    }
  }

  private void unreadable(ZipArchiveEntry entry, String reason) throws IOException {
    Path marker = unreadable.resolve(entry.getName()).normalize();
    Files.createDirectories(marker.getParent());
    Files.writeString(marker, reason);
  }

  private void checkSpace() throws IOException {
    writtenSinceCheck = 0;
    entriesSinceCheck = 0;
    if (store.getUsableSpace() < reserve) {
      throw new IOException(
          "fewer than " + reserve / (1024 * 1024) + " MB are left free on " + files.getParent());
    }
  }

  /** An empty zip is its end record alone. */
  private boolean startsAsEmptyZip() throws IOException {
    try (InputStream in = Files.newInputStream(zip)) {
      return Arrays.equals(in.readNBytes(4), new byte[] {'P', 'K', 5, 6});
    }
  }

  private DomainException notZip(String why) {
    return new DomainException(
        IntakeError.BUNDLE_NOT_ZIP,
        name + " is neither a directory nor a readable zip: " + why,
        name);
  }

  private static DomainException diskFull(String name, Path into, String why) {
    Path parent = into.getParent() == null ? into : into.getParent();
    return new DomainException(
        IntakeError.BUNDLE_DISK_FULL,
        name + " could not be unpacked under " + parent + ": " + why,
        name,
        parent.toString());
  }
}
