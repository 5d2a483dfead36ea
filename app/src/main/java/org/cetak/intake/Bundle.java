package org.cetak.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import org.cetak.common.DomainException;

/**
 * An import bundle (IMPORT-FORMAT.md): a directory or a {@code .zip} holding {@code records.csv} or
 * {@code records.json} and the photo, signature and fingerprint files its rows name. In a zip the
 * files may sit inside one top-level folder. Paths that leave the bundle are refused. A zip is
 * scanned once, start to end: its records file is copied out to a private temporary directory,
 * which {@link #close()} deletes, beside an index of its other files kept on disk; those are read
 * in place from the zip. Its memory does not grow with its number of files.
 */
public final class Bundle implements AutoCloseable {

  /** Largest payload file accepted. */
  static final long MAX_PAYLOAD_BYTES = 2L * 1024 * 1024;

  private final String name;
  private final Path records;
  private final long recordsSize;
  private final Path directory;
  private final Path temporary;
  private final ZipScan.Scanned zip;

  private Bundle(String name, Path records, Path directory, Path temporary, ZipScan.Scanned zip) {
    this.name = name;
    this.records = records;
    this.recordsSize = size(records);
    this.directory = directory;
    this.temporary = temporary;
    this.zip = zip;
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
    return open(
        path, name, Path.of(System.getProperty("java.io.tmpdir")), ZipScan.DISK_RESERVE_BYTES);
  }

  /**
   * As {@link #open(Path, String)}, a zip's records file and index written under {@code temporary},
   * stopping before the disk there has fewer than {@code reserve} bytes free.
   */
  static Bundle open(Path path, String name, Path temporary, long reserve) {
    if (Files.isDirectory(path)) {
      Path csv = path.resolve("records.csv");
      Path json = path.resolve("records.json");
      boolean hasCsv = Files.isRegularFile(csv);
      boolean hasJson = Files.isRegularFile(json);
      if (hasCsv == hasJson) {
        throw noRecords(name, hasCsv);
      }
      return new Bundle(name, hasCsv ? csv : json, path, null, null);
    }
    if (!Files.isRegularFile(path)) {
      throw new DomainException(
          IntakeError.BUNDLE_NOT_FOUND, "No bundle directory or zip at " + path, path);
    }
    Path into = createTemporary(name, temporary);
    ZipScan.Scanned scanned = null;
    try {
      scanned = ZipScan.scan(path, name, into, reserve);
      return new Bundle(name, scanned.records(), null, into, scanned);
    } catch (RuntimeException | Error e) {
      try {
        if (scanned != null) {
          scanned.entries().close();
        }
        delete(into);
      } catch (IOException | UncheckedIOException left) {
        e.addSuppressed(left);
      }
      throw e;
    }
  }

  private static Path createTemporary(String name, Path temporary) {
    try {
      Path created = Files.createTempDirectory(temporary, "cetak-bundle-");
      try {
        return created.toRealPath();
      } catch (IOException e) {
        Files.deleteIfExists(created);
        throw e;
      }
    } catch (IOException e) {
      throw new DomainException(
          IntakeError.BUNDLE_DISK_FULL,
          name + " could not be opened under " + temporary + ": " + e.getMessage(),
          name,
          temporary.toString());
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  static DomainException noRecords(String name, boolean both) {
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
    InputStream in;
    try {
      in = Files.newInputStream(records);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the records file of " + name, e);
    }
    return records.getFileName().toString().endsWith(".csv")
        ? new CsvRecords(in)
        : new JsonRecords(in);
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
        return zip == null ? read(relative) : inZip(relative);
      } catch (IOException e) {
        return new PayloadResolver.Invalid("cannot read '" + reference + "': " + e.getMessage());
      }
    };
  }

  private PayloadResolver.Resolved read(String relative) throws IOException {
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

  private PayloadResolver.Resolved inZip(String relative) {
    String path = ZipScan.normalized(zip.folder() + relative);
    Optional<ZipEntries.Entry> found = path == null ? Optional.empty() : zip.entries().find(path);
    if (found.isEmpty()) {
      return new PayloadResolver.Missing();
    }
    ZipEntries.Entry entry = found.get();
    if (entry.kind() == ZipEntries.Kind.UNREADABLE) {
      return new PayloadResolver.Invalid(
          "cannot read '" + relative + "': it " + ZipScan.CANNOT_READ);
    }
    if (entry.size() > MAX_PAYLOAD_BYTES) {
      return tooLarge(relative);
    }
    try {
      return new PayloadResolver.Found(zip.entries().read(entry));
    } catch (IOException e) {
      return new PayloadResolver.Invalid("cannot read '" + relative + "': " + e.getMessage());
    }
  }

  private static PayloadResolver.Resolved tooLarge(String relative) {
    return new PayloadResolver.Invalid(
        "file '" + relative + "' is larger than " + MAX_PAYLOAD_BYTES / 1024 + " KB");
  }

  /** Closes a zip and deletes its records file and index. */
  @Override
  public void close() {
    if (zip == null) {
      return;
    }
    try {
      zip.entries().close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close " + name, e);
    } finally {
      delete(temporary);
    }
  }

  /** Deletes a tree file by file as it is walked, holding no list of its files. */
  private static void delete(Path tree) {
    try {
      Files.walkFileTree(
          tree,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path folder, IOException e)
                throws IOException {
              if (e != null) {
                throw e;
              }
              Files.delete(folder);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the temporary files of a bundle " + tree, e);
    }
  }
}
