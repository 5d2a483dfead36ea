package org.cetak.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.cetak.common.DomainException;

/**
 * An import bundle (IMPORT-FORMAT.md): a directory or a {@code .zip} holding {@code records.csv} or
 * {@code records.json} and the photo, signature and fingerprint files its rows name. In a zip the
 * files may sit inside one top-level folder. Paths that leave the bundle are refused.
 */
public final class Bundle implements AutoCloseable {

  /** Largest payload file accepted. */
  static final long MAX_PAYLOAD_BYTES = 2L * 1024 * 1024;

  private final String name;
  private final Path directory;
  private final ZipFile zip;
  private final String zipBase;
  private final String recordsName;
  private final long recordsSize;

  private Bundle(
      String name, Path directory, ZipFile zip, String zipBase, String recordsName, long size) {
    this.name = name;
    this.directory = directory;
    this.zip = zip;
    this.zipBase = zipBase;
    this.recordsName = recordsName;
    this.recordsSize = size;
  }

  /** Opens a bundle directory or zip; refused with a clear error when it holds no records file. */
  public static Bundle open(Path path) {
    return open(path, path.getFileName() == null ? path.toString() : path.getFileName().toString());
  }

  /**
   * As {@link #open(Path)}, named {@code name} in reports and errors: an upload stored under a
   * temporary file keeps the name it was uploaded with.
   */
  public static Bundle open(Path path, String name) {
    if (Files.isDirectory(path)) {
      Path csv = path.resolve("records.csv");
      Path json = path.resolve("records.json");
      boolean hasCsv = Files.isRegularFile(csv);
      boolean hasJson = Files.isRegularFile(json);
      if (hasCsv == hasJson) {
        throw noRecords(name, hasCsv);
      }
      Path records = hasCsv ? csv : json;
      try {
        return new Bundle(
            name, path, null, null, records.getFileName().toString(), Files.size(records));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + records, e);
      }
    }
    if (!Files.isRegularFile(path)) {
      throw new DomainException(
          IntakeError.BUNDLE_NOT_FOUND, "No bundle directory or zip at " + path, path);
    }
    ZipFile zip;
    try {
      zip = new ZipFile(path.toFile());
    } catch (ZipException e) {
      throw new DomainException(
          IntakeError.BUNDLE_NOT_ZIP,
          name + " is neither a directory nor a readable zip: " + e.getMessage(),
          name);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open " + path, e);
    }
    List<ZipEntry> found = new ArrayList<>();
    for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
      ZipEntry entry = entries.nextElement();
      String entryName = entry.getName();
      String file = entryName.substring(entryName.lastIndexOf('/') + 1);
      int depth = entryName.split("/", -1).length - 1;
      if (!entry.isDirectory()
          && depth <= 1
          && (file.equals("records.csv") || file.equals("records.json"))) {
        found.add(entry);
      }
    }
    if (found.size() != 1) {
      closeQuietly(zip);
      throw noRecords(name, found.size() > 1);
    }
    ZipEntry records = found.get(0);
    String entryName = records.getName();
    String base = entryName.substring(0, entryName.lastIndexOf('/') + 1);
    String file = entryName.substring(base.length());
    return new Bundle(name, null, zip, base, file, Math.max(records.getSize(), 0));
  }

  private static DomainException noRecords(String name, boolean both) {
    return new DomainException(
        IntakeError.BUNDLE_NO_RECORDS,
        both
            ? name + " holds more than one records file: keep one records.csv or records.json"
            : name + " holds no records.csv or records.json",
        name);
  }

  public String name() {
    return name;
  }

  /** Size of the records file in bytes (for progress), 0 when unknown. */
  public long recordsSize() {
    return recordsSize;
  }

  /** The records, read one at a time. */
  public RecordSource records() {
    InputStream in = open(recordsName);
    return recordsName.endsWith(".csv") ? new CsvRecords(in) : new JsonRecords(in);
  }

  /** Resolves the photo, signature and fingerprint paths of rows against this bundle. */
  public PayloadResolver payloads() {
    return (column, reference) -> {
      String relative = reference.replace('\\', '/');
      if (relative.startsWith("/")
          || relative.contains(":")
          || List.of(relative.split("/")).contains("..")) {
        return new PayloadResolver.Invalid(
            "path '" + reference + "' must be relative and stay inside the bundle");
      }
      try {
        return read(relative);
      } catch (IOException e) {
        return new PayloadResolver.Invalid("cannot read '" + reference + "': " + e.getMessage());
      }
    };
  }

  private PayloadResolver.Resolved read(String relative) throws IOException {
    if (zip != null) {
      ZipEntry entry = zip.getEntry(zipBase + relative);
      if (entry == null || entry.isDirectory()) {
        return new PayloadResolver.Missing();
      }
      if (entry.getSize() > MAX_PAYLOAD_BYTES) {
        return tooLarge(relative);
      }
      try (InputStream in = zip.getInputStream(entry)) {
        byte[] bytes = in.readNBytes((int) MAX_PAYLOAD_BYTES + 1);
        return bytes.length > MAX_PAYLOAD_BYTES
            ? tooLarge(relative)
            : new PayloadResolver.Found(bytes);
      }
    }
    Path file = directory.resolve(relative).normalize();
    if (!file.startsWith(directory.normalize())) {
      return new PayloadResolver.Invalid("path '" + relative + "' leaves the bundle");
    }
    if (!Files.isRegularFile(file)) {
      return new PayloadResolver.Missing();
    }
    if (!file.toRealPath().startsWith(directory.toRealPath(LinkOption.NOFOLLOW_LINKS))) {
      return new PayloadResolver.Invalid("path '" + relative + "' links outside the bundle");
    }
    if (Files.size(file) > MAX_PAYLOAD_BYTES) {
      return tooLarge(relative);
    }
    try {
      return new PayloadResolver.Found(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return new PayloadResolver.Missing();
    }
  }

  private static PayloadResolver.Resolved tooLarge(String relative) {
    return new PayloadResolver.Invalid(
        "file '" + relative + "' is larger than " + MAX_PAYLOAD_BYTES / 1024 + " KB");
  }

  private InputStream open(String file) {
    try {
      if (zip != null) {
        return zip.getInputStream(zip.getEntry(zipBase + file));
      }
      return Files.newInputStream(directory.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open " + file + " of " + name, e);
    }
  }

  @Override
  public void close() {
    if (zip != null) {
      closeQuietly(zip);
    }
  }

  private static void closeQuietly(ZipFile zip) {
    try {
      zip.close();
    } catch (IOException e) {
      // nothing was written through it; a failed close loses nothing
    }
  }
}
