package org.cetak.sim.registry;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Deterministic synthetic residents: resident {@code i} of a seed is always the same person. Real
 * Kemendagri region prefixes (3271 Kota Bogor, 3510 Banyuwangi, 3471 Kota Yogyakarta, 3319 Kudus),
 * invented names, a NIK consistent with birth date and sex (day + 40 for women) and unique within
 * the seed, faces drawn with {@code java.awt} (no real photos), a signature PNG and two fingerprint
 * templates that fit the chip's files (photo &le; 4 KB, signature &le; 1 KB, templates &le; 1 KB).
 *
 * <p>Reusable by the demo and benchmarks: {@code new SyntheticResidents(seed).first(n)}; {@code
 * .livingIn("32.71")} keeps them to one kabupaten/kota. Thread-safe.
 */
public final class SyntheticResidents {

  private static final String[] MALE = {
    "BUDI", "AGUS", "EKO", "HENDRA", "RUDI", "WAHYU", "ADI", "SURYA", "ARIF", "BAMBANG", "JOKO",
    "YUSUF", "RIZKI", "FAJAR", "DIMAS", "ANDI", "HERU", "TAUFIK", "GILANG", "IMAM"
  };
  private static final String[] FEMALE = {
    "SITI", "SRI", "DEWI", "RINA", "NUR", "WULAN", "PUTRI", "AYU", "INDAH", "RATNA", "FITRI",
    "YULI", "ANISA", "DIAH", "MEGA", "LINA", "ENDAH", "TUTI", "NOVI", "SARI"
  };
  private static final String[] FAMILY = {
    "SANTOSO",
    "PRATAMA",
    "WIJAYA",
    "SETIAWAN",
    "HIDAYAT",
    "NUGROHO",
    "SAPUTRA",
    "KURNIAWAN",
    "RAHAYU",
    "HANDAYANI",
    "WULANDARI",
    "PERMATASARI",
    "MAHARANI",
    "SUSANTO",
    "PURNOMO",
    "SUPRIYADI",
    "HARTONO",
    "LESTARI",
    "UTOMO",
    "ROHMAN"
  };
  private static final String[] STREETS = {
    "JL. MAWAR",
    "JL. MELATI",
    "JL. KENANGA",
    "JL. MERDEKA",
    "JL. PAHLAWAN",
    "GG. DAMAI",
    "JL. CEMPAKA",
    "JL. PELITA",
    "JL. SUDIRMAN",
    "JL. DIPONEGORO"
  };
  private static final String[] RELIGIONS = {
    "ISLAM",
    "ISLAM",
    "ISLAM",
    "ISLAM",
    "ISLAM",
    "ISLAM",
    "KRISTEN",
    "KATOLIK",
    "HINDU",
    "BUDDHA",
    "KONGHUCU",
    "KEPERCAYAAN"
  };
  private static final String[] MARITAL = {
    "BELUM KAWIN", "KAWIN", "KAWIN", "CERAI HIDUP", "CERAI MATI"
  };
  private static final String[] JOBS = {
    "PELAJAR/MAHASISWA", "KARYAWAN SWASTA", "WIRASWASTA", "PETANI/PEKEBUN", "MENGURUS RUMAH TANGGA",
    "PEGAWAI NEGERI SIPIL", "GURU", "PEDAGANG", "BURUH HARIAN LEPAS", "NELAYAN/PERIKANAN"
  };
  private static final String[] BLOOD = {"A", "B", "AB", "O", "A+", "O+", "B-", "-"};
  private static final String[] REASONS = {
    "FIRST_CARD",
    "FIRST_CARD",
    "FIRST_CARD",
    "DATA_CHANGE",
    "MOVED_IN",
    "REGION_SPLIT",
    "LOST",
    "DAMAGED",
    "OTHER"
  };
  private static final String[] URGENT = {
    "BPJS KESEHATAN / RAWAT INAP", "IBADAH HAJI", "PEMBUKAAN REKENING BANK", "SIDANG PENGADILAN"
  };
  private static final DateTimeFormatter DDMMYY = DateTimeFormatter.ofPattern("ddMMyy");
  private static final ZoneOffset WIB = ZoneOffset.ofHours(7);

  private final long seed;
  private final OffsetDateTime asOf;
  private final List<Region> regions;
  private final List<String> niks = new ArrayList<>();
  private final Set<String> used = new HashSet<>();

  /** Residents of {@code seed}, with statuses set in the weeks before 2026-01-05. */
  public SyntheticResidents(long seed) {
    this(seed, OffsetDateTime.of(2026, 1, 5, 8, 0, 0, 0, WIB));
  }

  /** Residents whose SIAK statuses were set in the 60 days before {@code asOf}. */
  public SyntheticResidents(long seed, OffsetDateTime asOf) {
    this(seed, asOf, Region.ALL);
  }

  private SyntheticResidents(long seed, OffsetDateTime asOf, List<Region> regions) {
    this.seed = seed;
    this.asOf = asOf;
    this.regions = regions;
  }

  /**
   * The same seed's residents, all living in the kabupaten/kota {@code regencyCode} ({@code 32.71}
   * or {@code 3271}).
   *
   * @throws IllegalArgumentException when no kecamatan of that regency is known
   */
  public SyntheticResidents livingIn(String regencyCode) {
    String prefix = regencyCode.replace(".", "");
    List<Region> inside =
        regions.stream().filter(region -> region.districtCode().startsWith(prefix)).toList();
    if (inside.isEmpty()) {
      throw new IllegalArgumentException("no synthetic kecamatan in regency " + regencyCode);
    }
    return new SyntheticResidents(seed, asOf, inside);
  }

  /** The first {@code n} residents. */
  public List<Resident> first(int n) {
    List<Resident> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(resident(i));
    }
    return out;
  }

  /** Resident {@code index} (from 0), with payloads. */
  public Resident resident(int index) {
    Map<String, String> f = fields(index);
    Random r = random(index, 2);
    boolean female = f.get("sex").equals("P");
    return new Resident(f, face(r, female), signature(r, f.get("name")), fingerprints(r));
  }

  /** Resident {@code index}'s record fields only (cheap: no images). */
  public Map<String, String> fields(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("resident index must be >= 0, was " + index);
    }
    Random r = random(index, 1);
    Region region = regions.get(r.nextInt(regions.size()));
    boolean female = r.nextBoolean();
    LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(r.nextInt(60 * 365));
    int naturalSeq = 1 + r.nextInt(40);
    String nik = nik(index, region, birth, female, naturalSeq);
    String given = (female ? FEMALE : MALE)[r.nextInt(20)];
    String second = (female ? FEMALE : MALE)[r.nextInt(20)];
    String family = FAMILY[r.nextInt(FAMILY.length)];
    String name = r.nextInt(4) == 0 ? given + " " + family : given + " " + second + " " + family;
    LocalDate kkDate =
        birth.plusYears(18 + r.nextInt(30)).isAfter(asOf.toLocalDate())
            ? asOf.toLocalDate().minusDays(1 + r.nextInt(3000))
            : birth.plusYears(18 + r.nextInt(30));
    String kk =
        region.districtCode() + kkDate.format(DDMMYY) + String.format("%04d", 1 + r.nextInt(9999));
    Map<String, String> m = new LinkedHashMap<>();
    m.put("nik", nik);
    m.put("kk", kk);
    m.put("name", name.length() > 60 ? name.substring(0, 60) : name);
    m.put("sex", female ? "P" : "L");
    m.put("birth_place", region.regency().replace("KABUPATEN ", "").replace("KOTA ", ""));
    m.put("birth_date", birth.toString());
    m.put("blood_type", r.nextInt(3) == 0 ? "" : BLOOD[r.nextInt(BLOOD.length)]);
    m.put("address", STREETS[r.nextInt(STREETS.length)] + " NO. " + (1 + r.nextInt(120)));
    m.put("rt", String.format("%03d", 1 + r.nextInt(15)));
    m.put("rw", String.format("%03d", 1 + r.nextInt(12)));
    m.put("village", region.villages().get(r.nextInt(region.villages().size())));
    m.put("district", region.district());
    m.put("regency", region.regency());
    m.put("province", region.province());
    m.put("religion", RELIGIONS[r.nextInt(RELIGIONS.length)]);
    m.put("marital_status", MARITAL[r.nextInt(MARITAL.length)]);
    m.put("occupation", JOBS[r.nextInt(JOBS.length)]);
    m.put("citizenship", r.nextInt(200) == 0 ? "WNA" : "WNI");
    int status = r.nextInt(100);
    m.put(
        "siak_status",
        status < 92
            ? "PRINT_READY_RECORD"
            : status < 95
                ? "SENT_FOR_ENROLLMENT"
                : status < 98 ? "DUPLICATE_RECORD" : "ENROLL_FAILURE_AT_CENTRAL");
    OffsetDateTime at = asOf.minusMinutes(r.nextInt(60 * 24 * 60));
    m.put("siak_status_at", at.toString());
    m.put("reason", REASONS[r.nextInt(REASONS.length)]);
    m.put("urgent_reason", r.nextInt(25) == 0 ? URGENT[r.nextInt(URGENT.length)] : "");
    m.put("vulnerable", r.nextInt(30) == 0 ? "1" : "0");
    m.put("disabled", r.nextInt(40) == 0 ? "1" : "0");
    boolean suket = r.nextInt(3) == 0;
    LocalDate suketDate = at.toLocalDate().minusDays(r.nextInt(200));
    m.put(
        "suket_number",
        suket ? String.format("474/%05d/DKPS/%d", 1 + r.nextInt(99999), suketDate.getYear()) : "");
    m.put("suket_date", suket ? suketDate.toString() : "");
    m.put(
        "phone",
        r.nextInt(10) == 0
            ? ""
            : "08" + (11 + r.nextInt(9)) + String.format("%08d", r.nextInt(100_000_000)));
    return m;
  }

  private synchronized String nik(
      int index, Region region, LocalDate birth, boolean female, int naturalSeq) {
    while (niks.size() <= index) {
      int i = niks.size();
      if (i == index) {
        niks.add(uniqueNik(region, birth, female, naturalSeq));
      } else {
        Map<String, String> earlier = fields(i);
        if (niks.size() == i) {
          niks.add(earlier.get("nik"));
        }
      }
    }
    return niks.get(index);
  }

  private String uniqueNik(Region region, LocalDate birth, boolean female, int seq) {
    String date =
        String.format(
            "%02d%02d%02d",
            birth.getDayOfMonth() + (female ? 40 : 0),
            birth.getMonthValue(),
            birth.getYear() % 100);
    for (int s = seq; s <= 9999; s++) {
      String nik = region.districtCode() + date + String.format("%04d", s);
      if (used.add(nik)) {
        return nik;
      }
    }
    throw new IllegalStateException(
        "no free NIK sequence for a birth date in " + region.district());
  }

  private Random random(int index, int stream) {
    return new Random(seed * 0x9E3779B97F4A7C15L + index * 31L + stream);
  }

  // ---- payloads ----

  private static final Color[] SKIN = {
    new Color(0xC6, 0x86, 0x42),
    new Color(0xE0, 0xAC, 0x69),
    new Color(0x8D, 0x55, 0x24),
    new Color(0xF1, 0xC2, 0x7D)
  };

  static byte[] face(Random r, boolean female) {
    int w = 120;
    int h = 160;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(r.nextBoolean() ? new Color(0xC0, 0x1C, 0x28) : new Color(0x1F, 0x4E, 0xA8));
    g.fillRect(0, 0, w, h);
    Color skin = SKIN[r.nextInt(SKIN.length)];
    g.setColor(new Color(0x30, 0x30, 0x38));
    g.fillRoundRect(10, 128, 100, 50, 30, 30);
    g.setColor(skin);
    g.fillRect(50, 110, 20, 25);
    double faceW = 56 + r.nextInt(12);
    double faceH = 72 + r.nextInt(10);
    g.fill(new Ellipse2D.Double((w - faceW) / 2, 36, faceW, faceH));
    g.setColor(new Color(0x1A, 0x14, 0x10));
    if (female && r.nextBoolean()) {
      g.setColor(new Color(0xF2, 0xF2, 0xF2).darker());
      g.fill(new Ellipse2D.Double((w - faceW) / 2 - 8, 26, faceW + 16, faceH + 30));
      g.setColor(skin);
      g.fill(new Ellipse2D.Double((w - faceW) / 2 + 4, 42, faceW - 8, faceH - 8));
    } else {
      g.fill(new Ellipse2D.Double((w - faceW) / 2 - 2, 28, faceW + 4, 30 + r.nextInt(8)));
      g.setColor(skin);
      g.fill(new Ellipse2D.Double((w - faceW) / 2 + 4, 46, faceW - 8, faceH - 14));
    }
    g.setColor(Color.BLACK);
    int eyeY = 66 + r.nextInt(6);
    g.fillOval(46, eyeY, 7, 4);
    g.fillOval(67, eyeY, 7, 4);
    g.setStroke(new BasicStroke(2f));
    g.setColor(skin.darker());
    g.drawLine(60, eyeY + 6, 58, eyeY + 16);
    g.setColor(new Color(0x8A, 0x3B, 0x3B));
    g.drawArc(50, eyeY + 18, 20, 6 + r.nextInt(4), 200, 140);
    g.dispose();
    for (float q = 0.6f; ; q -= 0.1f) {
      byte[] jpeg = jpeg(img, Math.max(q, 0.05f));
      if (jpeg.length <= 4096 || q <= 0.05f) {
        return jpeg;
      }
    }
  }

  private static byte[] jpeg(BufferedImage img, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam p = writer.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(quality);
      writer.write(null, new IIOImage(img, null, null), p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a generated face", e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  static byte[] signature(Random r, String name) {
    BufferedImage img = new BufferedImage(160, 60, BufferedImage.TYPE_BYTE_BINARY);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 160, 60);
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(2f));
    Path2D path = new Path2D.Double();
    double x = 8;
    double y = 30 + r.nextInt(10);
    path.moveTo(x, y);
    int strokes = 4 + Math.min(6, name.length() / 3);
    for (int i = 0; i < strokes; i++) {
      double nx = x + 8 + r.nextInt(14);
      path.curveTo(
          x + 4, y - 20 + r.nextInt(40), nx - 4, y - 20 + r.nextInt(40), nx, 20 + r.nextInt(25));
      x = nx;
    }
    g.draw(path);
    g.drawLine(10, 50, (int) Math.min(150, x + 10), 46);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a generated signature", e);
    }
    return out.toByteArray();
  }

  /** Two opaque templates (an invented "CTK1" layout: header, then minutiae triples). */
  static byte[] fingerprints(Random r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int finger = 0; finger < 2; finger++) {
      int minutiae = 30 + r.nextInt(40);
      out.writeBytes(new byte[] {'C', 'T', 'K', '1', (byte) finger, (byte) minutiae});
      for (int i = 0; i < minutiae; i++) {
        out.write(r.nextInt(256));
        out.write(r.nextInt(256));
        out.write(r.nextInt(256));
        out.write(r.nextInt(4));
      }
    }
    return out.toByteArray();
  }
}
