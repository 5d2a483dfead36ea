package org.cetak.allocation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.cetak.intake.RecordFields;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Synthetic residents of Kota Bogor for the import benchmark: unique NIKs consistent with birth
 * date and sex, real kecamatan codes, invented people, an e-KTP photo (JPEG, 10-30 KB) and a
 * signature (PNG, a few KB) each.
 */
final class Synthetic {

  private static final String[] DISTRICTS = {
    "327101", "327102", "327103", "327104", "327105", "327106"
  };
  private static final String[] REASONS = {
    "FIRST_CARD", "DATA_CHANGE", "MOVED_IN", "LOST", "DAMAGED", "OTHER"
  };
  private static final LocalDate BASE = LocalDate.of(1950, 1, 1);
  private static final String READY_AT = "2025-12-01T08:00:00+07:00";
  private static final int PHOTOS = 24;
  private static final int SIGNATURES = 8;

  private Synthetic() {}

  record Sizes(int photoMin, int photoMax, int photoMean, int signatureMean) {}

  /** Row {@code i}'s fields in {@link RecordFields#ALL} order. */
  static String[] row(int i) {
    LocalDate birth = BASE.plusDays(i % 21_000);
    boolean female = (i / 21_000) % 2 == 1;
    String district = DISTRICTS[(i / 42_000) % DISTRICTS.length];
    int seq = 1 + i / 252_000;
    String nik =
        district
            + String.format(
                "%02d%02d%02d%04d",
                birth.getDayOfMonth() + (female ? 40 : 0),
                birth.getMonthValue(),
                birth.getYear() % 100,
                seq);
    return new String[] {
      nik,
      district + "0101100001",
      "PENDUDUK SINTETIS " + i,
      female ? "P" : "L",
      "BOGOR",
      birth.toString(),
      "O",
      "JL. MAWAR NO. " + (i % 200) + ", BLOK C",
      "001",
      "002",
      "PALEDANG",
      "BOGOR TENGAH",
      "KOTA BOGOR",
      "JAWA BARAT",
      "ISLAM",
      "KAWIN",
      "KARYAWAN SWASTA",
      "WNI",
      "PRINT_READY_RECORD",
      READY_AT,
      REASONS[i % REASONS.length],
      i % 40 == 0 ? "IBADAH HAJI" : "",
      i % 30 == 0 ? "1" : "0",
      "0",
      i % 3 == 0 ? "474/" + i : "",
      i % 3 == 0 ? "2025-10-01" : "",
      "0812" + String.format("%08d", i),
      "photos/" + nik + ".jpg",
      "signatures/" + nik + ".png",
      ""
    };
  }

  /**
   * A zip bundle as an office sends it: {@code records.csv} (deflated) first, then each row's photo
   * and signature (stored, as zip tools keep files that are compressed already).
   */
  static Sizes writeZip(Path zip, int rows) {
    List<byte[]> photos = photos();
    List<byte[]> signatures = signatures();
    try (ZipOutputStream out =
        new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16))) {
      out.putNextEntry(new ZipEntry("records.csv"));
      writeRecords(out, rows);
      out.closeEntry();
      for (int i = 0; i < rows; i++) {
        String[] v = row(i);
        stored(out, v[27], photos.get(i % PHOTOS));
        stored(out, v[28], signatures.get(i % SIGNATURES));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sizes(photos, signatures);
  }

  /**
   * The same bundle as a directory, as an office unpacks it: {@code records.csv} and one photo and
   * one signature file for each row under the name the row gives. The files of rows with the same
   * picture are hard links to one file, so a million rows fit on the disk beside their database;
   * the import opens and reads each row's own file as it would a copy.
   */
  static Sizes writeDirectory(Path directory, int rows) {
    List<byte[]> photos = photos();
    List<byte[]> signatures = signatures();
    try {
      Files.createDirectories(directory.resolve("photos"));
      Files.createDirectories(directory.resolve("signatures"));
      try (OutputStream out =
          new BufferedOutputStream(
              Files.newOutputStream(directory.resolve("records.csv")), 1 << 16)) {
        writeRecords(out, rows);
      }
      for (int i = 0; i < rows; i++) {
        writeOrLink(directory, i, 27, photos);
        writeOrLink(directory, i, 28, signatures);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sizes(photos, signatures);
  }

  /** Hard links a file may have on ext4 (65,000), with room to spare. */
  private static final int LINKS_PER_FILE = 60_000;

  /**
   * Row {@code i}'s file named in column {@code column}: a hard link to the file of the row before
   * with the same picture, a new file when there is none or it has all the links it can have.
   */
  private static void writeOrLink(Path directory, int i, int column, List<byte[]> pictures)
      throws IOException {
    int group = pictures.size() * LINKS_PER_FILE;
    int first = i - i % group + i % pictures.size();
    Path file = directory.resolve(row(i)[column]);
    if (first == i) {
      Files.write(file, pictures.get(i % pictures.size()));
    } else {
      Files.createLink(file, directory.resolve(row(first)[column]));
    }
  }

  /** {@code records.csv}: the header and {@code rows} rows. */
  private static void writeRecords(OutputStream out, int rows) throws IOException {
    StringBuilder line = new StringBuilder(512);
    line.append(String.join(",", RecordFields.ALL)).append('\n');
    for (int i = 0; i < rows; i++) {
      String[] v = row(i);
      for (int c = 0; c < v.length; c++) {
        if (c > 0) {
          line.append(',');
        }
        if (v[c].indexOf(',') >= 0) {
          line.append('"').append(v[c]).append('"');
        } else {
          line.append(v[c]);
        }
      }
      line.append('\n');
      if (line.length() > 60_000) {
        out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        line.setLength(0);
      }
    }
    out.write(line.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Sizes sizes(List<byte[]> photos, List<byte[]> signatures) {
    int min = photos.stream().mapToInt(b -> b.length).min().orElse(0);
    int max = photos.stream().mapToInt(b -> b.length).max().orElse(0);
    int mean = (int) photos.stream().mapToInt(b -> b.length).average().orElse(0);
    int sig = (int) signatures.stream().mapToInt(b -> b.length).average().orElse(0);
    return new Sizes(min, max, mean, sig);
  }

  private static void stored(ZipOutputStream out, String name, byte[] bytes) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(bytes.length);
    entry.setCompressedSize(bytes.length);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    entry.setCrc(crc.getValue());
    out.putNextEntry(entry);
    out.write(bytes);
    out.closeEntry();
  }

  static byte[] photo(int i) {
    return photos().get(i % PHOTOS);
  }

  /** Pass photos: red or blue background, a face, noise that brings each to its size. */
  private static List<byte[]> photos() {
    List<byte[]> photos = new ArrayList<>();
    for (int p = 0; p < PHOTOS; p++) {
      int target = 10_000 + p * 20_000 / (PHOTOS - 1);
      double low = 0;
      double high = 64;
      byte[] best = null;
      for (int step = 0; step < 9; step++) {
        double noise = (low + high) / 2;
        byte[] jpeg = jpeg(face(p, noise));
        best = jpeg;
        if (jpeg.length < target) {
          low = noise;
        } else {
          high = noise;
        }
      }
      photos.add(best);
    }
    return photos;
  }

  private static BufferedImage face(int seed, double noise) {
    BufferedImage image = new BufferedImage(354, 472, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(seed % 2 == 0 ? new Color(200, 30, 40) : new Color(30, 70, 180));
    g.fillRect(0, 0, 354, 472);
    g.setColor(new Color(190, 150, 120));
    g.fillOval(97, 80, 160, 210);
    g.setColor(new Color(40, 40, 60));
    g.fillRect(60, 330, 234, 142);
    g.dispose();
    Random random = new Random(seed);
    for (int y = 0; y < 472; y++) {
      for (int x = 0; x < 354; x++) {
        int rgb = image.getRGB(x, y);
        int d = (int) (random.nextGaussian() * noise);
        int r = clamp(((rgb >> 16) & 0xff) + d);
        int gr = clamp(((rgb >> 8) & 0xff) + d);
        int b = clamp((rgb & 0xff) + d);
        image.setRGB(x, y, (r << 16) | (gr << 8) | b);
      }
    }
    return image;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  private static byte[] jpeg(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.8f);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** Signatures: strokes on white, as a signature pad gives them. */
  private static List<byte[]> signatures() {
    List<byte[]> signatures = new ArrayList<>();
    for (int s = 0; s < SIGNATURES; s++) {
      BufferedImage image = new BufferedImage(400, 150, BufferedImage.TYPE_BYTE_GRAY);
      Graphics2D g = image.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, 400, 150);
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(2.5f));
      Random random = new Random(100 + s);
      int x = 20;
      int y = 75;
      for (int k = 0; k < 40; k++) {
        int nx = Math.min(380, x + random.nextInt(30));
        int ny = 20 + random.nextInt(110);
        g.drawLine(x, y, nx, ny);
        x = nx;
        y = ny;
      }
      g.dispose();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try {
        ImageIO.write(image, "png", bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      signatures.add(bytes.toByteArray());
    }
    return signatures;
  }

  /**
   * The floor: the same rows and payloads streamed with binary COPY into a table without index,
   * constraint or key, in one transaction. Returns the seconds it took.
   */
  static double copyBare(AllocationBench.Bench bench, int rows) {
    bench.db.execute(
        """
        create table bare_copy (nik text, kk text, name text, sex text, birth_place text,
            birth_date date, blood_type text, address text, rt text, rw text, village text,
            district text, regency text, province text, religion text, marital_status text,
            occupation text, citizenship text, siak_status text, siak_status_at timestamptz,
            reason text, urgent_reason text, vulnerable boolean, disabled boolean,
            suket_number text, suket_date date, phone text, photo bytea, signature bytea)
        """);
    List<byte[]> photos = photos();
    List<byte[]> signatures = signatures();
    long start = System.nanoTime();
    bench.transactions.run(
        () ->
            bench.db.connection(
                connection -> {
                  try (OutputStream stream =
                          new PGCopyOutputStream(
                              connection.unwrap(PGConnection.class),
                              "copy bare_copy from stdin with (format binary)",
                              1 << 16);
                      DataOutputStream out = new DataOutputStream(stream)) {
                    out.write("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
                    out.writeInt(0);
                    out.writeInt(0);
                    for (int i = 0; i < rows; i++) {
                      binaryRow(
                          out, row(i), photos.get(i % PHOTOS), signatures.get(i % SIGNATURES));
                    }
                    out.writeShort(-1);
                  } catch (IOException e) {
                    throw new SQLException("COPY failed", e);
                  }
                }));
    return AllocationBench.seconds(System.nanoTime() - start);
  }

  private static final LocalDate PG_EPOCH = LocalDate.of(2000, 1, 1);

  private static void binaryRow(DataOutputStream out, String[] v, byte[] photo, byte[] signature)
      throws IOException {
    out.writeShort(29);
    for (int c = 0; c < 27; c++) {
      String value = v[c];
      switch (c) {
        case 5, 25 -> {
          if (value.isEmpty()) {
            out.writeInt(-1);
          } else {
            out.writeInt(4);
            out.writeInt((int) ChronoUnit.DAYS.between(PG_EPOCH, LocalDate.parse(value)));
          }
        }
        case 19 -> {
          OffsetDateTime at = OffsetDateTime.parse(value);
          out.writeInt(8);
          out.writeLong(
              ChronoUnit.MICROS.between(PG_EPOCH.atStartOfDay().atOffset(at.getOffset()), at)
                  - at.getOffset().getTotalSeconds() * 1_000_000L);
        }
        case 22, 23 -> {
          out.writeInt(1);
          out.writeByte(value.equals("1") ? 1 : 0);
        }
        default -> {
          if (value.isEmpty()) {
            out.writeInt(-1);
          } else {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
          }
        }
      }
    }
    out.writeInt(photo.length);
    out.write(photo);
    out.writeInt(signature.length);
    out.write(signature);
  }
}
