package org.cetak.intake;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * The files of a zip bundle, found by name through an index kept on disk, and read in place from
 * the zip: nothing of the zip's files is held in memory or unpacked, whatever their number. The
 * index is a list of entries (name, where its data starts, its sizes, its CRC) and an
 * open-addressing table of the names' 64-bit hashes over that list, mapped from a file. A stored or
 * deflated file is read from the zip by its position; a file compressed with another method Cetak
 * can read was copied to a side file as the zip was scanned; a file that cannot be read (encrypted,
 * an unknown method) is listed with that fact. Of two entries of one name the later counts.
 */
final class ZipEntries implements AutoCloseable {

  /** How a file's data is kept. */
  enum Kind {
    /** Stored in the zip, read by its position. */
    STORED(1),
    /** Deflated in the zip, read by its position and inflated. */
    DEFLATED(2),
    /** Copied, uncompressed, to the side file as the zip was scanned. */
    COPIED(3),
    /** Encrypted or compressed with a method Cetak cannot read. */
    UNREADABLE(4);

    private final byte code;

    Kind(int code) {
      this.code = (byte) code;
    }

    static Kind of(byte code) {
      for (Kind kind : values()) {
        if (kind.code == code) {
          return kind;
        }
      }
      throw new IllegalArgumentException("no kind of file " + code);
    }
  }

  /** A file of the zip: where its data is, its sizes and CRC as the zip gives them. */
  record Entry(Kind kind, long offset, long compressedSize, long size, long crc) {}

  /** Most files an index takes: its table is one mapping of at most 1 GB. */
  static final int MAX_FILES = 1 << 25;

  private static final String LIST = "entries";
  private static final String KEYS = "keys";
  private static final String TABLE = "table";
  private static final String SIDE = "copied";

  /** kind, offset, compressed size, size, crc, name length. */
  private static final int HEADER = 1 + 8 + 8 + 8 + 4 + 4;

  private static final int SLOT = 16;
  private static final int NAME_READ = 256;

  private final FileChannel zip;
  private final FileChannel list;
  private final FileChannel side;
  private final MappedByteBuffer table;
  private final long mask;

  private ZipEntries(FileChannel zip, FileChannel list, FileChannel side, MappedByteBuffer table) {
    this.zip = zip;
    this.list = list;
    this.side = side;
    this.table = table;
    this.mask = table.capacity() / SLOT - 1L;
  }

  /** Writes an index under a directory, one file at a time as the zip is scanned. */
  static final class Writer implements AutoCloseable {
    private final Path directory;
    private final DataOutputStream list;
    private final DataOutputStream keys;
    private final OutputStream side;
    private long listSize;
    private long sideSize;
    private int files;

    Writer(Path directory) throws IOException {
      this.directory = directory;
      this.list = data(directory.resolve(LIST));
      this.keys = data(directory.resolve(KEYS));
      this.side = new BufferedOutputStream(Files.newOutputStream(directory.resolve(SIDE)), 1 << 16);
    }

    private static DataOutputStream data(Path file) throws IOException {
      return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    /** Lists a file of the zip whose data is in the zip at {@code offset}. */
    void inPlace(String name, int method, long offset, long compressedSize, long size, long crc)
        throws IOException {
      Kind kind = method == ZipEntry.STORED ? Kind.STORED : Kind.DEFLATED;
      add(name, new Entry(kind, offset, compressedSize, size, crc));
    }

    /** Lists a file of the zip that cannot be read. */
    void unreadable(String name) throws IOException {
      add(name, new Entry(Kind.UNREADABLE, 0, 0, 0, 0));
    }

    /** The side file, where a file's uncompressed data is copied before {@link #copied}. */
    OutputStream side() {
      return side;
    }

    /** Lists a file whose {@code size} bytes were just written to {@link #side()}. */
    void copied(String name, long size, long crc) throws IOException {
      add(name, new Entry(Kind.COPIED, sideSize, size, size, crc));
      sideSize += size;
    }

    private void add(String name, Entry entry) throws IOException {
      if (files == MAX_FILES) {
        throw new TooManyFiles();
      }
      byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
      keys.writeLong(hash(bytes));
      keys.writeLong(listSize);
      list.writeByte(entry.kind().code);
      list.writeLong(entry.offset());
      list.writeLong(entry.compressedSize());
      list.writeLong(entry.size());
      list.writeInt((int) entry.crc());
      list.writeInt(bytes.length);
      list.write(bytes);
      listSize += HEADER + bytes.length;
      files++;
    }

    /** Bytes of the list and its keys written so far (for the disk's room). */
    long written() {
      return listSize + 16L * files;
    }

    /** Ends the list and builds the table over it; the index then reads {@code zip}. */
    ZipEntries finish(Path zip) throws IOException {
      close();
      int slots = Integer.highestOneBit(Math.max(8, files) * 2 - 1) << 1;
      FileChannel zipChannel = FileChannel.open(zip, StandardOpenOption.READ);
      FileChannel listChannel = null;
      FileChannel sideChannel = null;
      try {
        listChannel = FileChannel.open(directory.resolve(LIST), StandardOpenOption.READ);
        sideChannel = FileChannel.open(directory.resolve(SIDE), StandardOpenOption.READ);
        MappedByteBuffer table;
        try (FileChannel tableChannel =
            FileChannel.open(
                directory.resolve(TABLE),
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
          table = tableChannel.map(FileChannel.MapMode.READ_WRITE, 0, (long) slots * SLOT);
        }
        ZipEntries entries = new ZipEntries(zipChannel, listChannel, sideChannel, table);
        entries.fill(directory.resolve(KEYS));
        Files.delete(directory.resolve(KEYS));
        return entries;
      } catch (IOException | RuntimeException e) {
        closeAll(e, zipChannel, listChannel, sideChannel);
        throw e;
      }
    }

    @Override
    public void close() throws IOException {
      try (list;
          keys;
          side) {
        // each is flushed and closed
      }
    }
  }

  /** A zip with more files than one index takes. */
  static final class TooManyFiles extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooManyFiles() {
      super("it holds more than " + MAX_FILES + " files");
    }
  }

  private void fill(Path keys) throws IOException {
    ByteBuffer pairs = ByteBuffer.allocate(SLOT * 4096);
    try (FileChannel in = FileChannel.open(keys, StandardOpenOption.READ)) {
      while (in.read(pairs) > 0 || pairs.position() > 0) {
        pairs.flip();
        while (pairs.remaining() >= SLOT) {
          put(pairs.getLong(), pairs.getLong());
        }
        pairs.compact();
        if (pairs.position() > 0 && in.position() == in.size()) {
          throw new EOFException("the index of the zip's files is cut short");
        }
      }
    }
  }

  /** Places a file's list position in the table; a later file of the same name replaces it. */
  private void put(long hash, long position) throws IOException {
    long key = nonZero(hash);
    for (long slot = key & mask; ; slot = (slot + 1) & mask) {
      int at = (int) (slot * SLOT);
      long there = table.getLong(at);
      if (there == 0) {
        table.putLong(at, key);
        table.putLong(at + 8, position);
        return;
      }
      if (there == key && name(table.getLong(at + 8)).equals(name(position))) {
        table.putLong(at + 8, position);
        return;
      }
    }
  }

  /** The file of this name, if the zip holds one. */
  Optional<Entry> find(String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    long key = nonZero(hash(bytes));
    try {
      for (long slot = key & mask; ; slot = (slot + 1) & mask) {
        int at = (int) (slot * SLOT);
        long there = table.getLong(at);
        if (there == 0) {
          return Optional.empty();
        }
        if (there == key) {
          byte[] bytesListed = listed(table.getLong(at + 8), bytes.length);
          ByteBuffer listed = ByteBuffer.wrap(bytesListed);
          if (listed.getInt(HEADER - 4) == bytes.length
              && Arrays.equals(
                  bytesListed, HEADER, HEADER + bytes.length, bytes, 0, bytes.length)) {
            return Optional.of(
                new Entry(
                    Kind.of(listed.get(0)),
                    listed.getLong(1),
                    listed.getLong(9),
                    listed.getLong(17),
                    Integer.toUnsignedLong(listed.getInt(25))));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the index of the zip's files", e);
    }
  }

  /**
   * The data of a file the index lists as readable, checked against its size and CRC.
   *
   * @throws IOException when the zip cannot be read or the data does not match what it declares
   */
  byte[] read(Entry entry) throws IOException {
    byte[] data =
        switch (entry.kind()) {
          case STORED -> stored(zip, entry);
          case COPIED -> stored(side, entry);
          case DEFLATED -> inflate(entry);
          case UNREADABLE -> throw new IllegalArgumentException("an unreadable file has no data");
        };
    CRC32 crc = new CRC32();
    crc.update(data);
    if (crc.getValue() != entry.crc()) {
      throw new IOException("its data does not match its CRC");
    }
    return data;
  }

  private static byte[] stored(FileChannel channel, Entry entry) throws IOException {
    if (entry.compressedSize() != entry.size() || entry.size() > Integer.MAX_VALUE) {
      throw new IOException("its stored size does not match its size");
    }
    return readFully(channel, entry.offset(), (int) entry.size());
  }

  private byte[] inflate(Entry entry) throws IOException {
    if (entry.size() > Integer.MAX_VALUE
        || entry.compressedSize() > entry.size() + entry.size() / 256 + 1024) {
      throw new IOException("its compressed size does not fit its size");
    }
    int size = (int) entry.size();
    byte[] compressed = readFully(zip, entry.offset(), (int) entry.compressedSize());
    byte[] data = new byte[size];
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(compressed);
      int n = 0;
      while (n < size && !inflater.finished()) {
        int got = inflater.inflate(data, n, size - n);
        if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IOException("its compressed data ends early");
        }
        n += got;
      }
      if (n < size || (!inflater.finished() && inflater.inflate(new byte[1]) > 0)) {
        throw new IOException("its data does not match its size");
      }
      return data;
    } catch (DataFormatException e) {
      throw new IOException("its compressed data is damaged: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  private static byte[] readFully(FileChannel channel, long position, int length)
      throws IOException {
    byte[] bytes = new byte[length];
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new EOFException("the zip ends inside it");
      }
    }
    return bytes;
  }

  private String name(long position) throws IOException {
    byte[] listed = listed(position, NAME_READ);
    int length = ByteBuffer.wrap(listed).getInt(HEADER - 4);
    return new String(listed, HEADER, length, StandardCharsets.UTF_8);
  }

  /** A listed file's header and at least {@code nameLength} bytes of its name (or all of it). */
  private byte[] listed(long position, int nameLength) throws IOException {
    byte[] bytes = new byte[HEADER + Math.max(nameLength, NAME_READ)];
    int read = list.read(ByteBuffer.wrap(bytes), position);
    int length = ByteBuffer.wrap(bytes).getInt(HEADER - 4);
    if (length > bytes.length - HEADER) {
      return readFully(list, position, HEADER + length);
    }
    if (read < HEADER + length) {
      throw new EOFException("the index of the zip's files is cut short");
    }
    return bytes;
  }

  private static long hash(byte[] name) {
    return MurmurHash3.hash128x64(name)[0];
  }

  private static long nonZero(long hash) {
    return hash == 0 ? 1 : hash;
  }

  @Override
  public void close() throws IOException {
    closeAll(null, zip, list, side);
  }

  private static void closeAll(Exception cause, FileChannel... channels) throws IOException {
    IOException first = null;
    for (FileChannel channel : channels) {
      if (channel == null) {
        continue;
      }
      try {
        channel.close();
      } catch (IOException e) {
        if (cause != null) {
          cause.addSuppressed(e);
        } else if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
