package org.cetak.printing.face;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Invented residents and synthetic photos for card face tests; no real person. */
final class SampleResidents {
  static final String NIK = "3271051708900003";

  private SampleResidents() {}

  static CardFaceData sari() {
    return withNik(NIK);
  }

  static CardFaceData withNik(String nik) {
    return new CardFaceData(
        "JAWA BARAT",
        "KOTA BOGOR",
        nik,
        "SARI DEWI LESTARI",
        "BOGOR",
        LocalDate.of(1990, 8, 17),
        "P",
        "O",
        "JL. PAJAJARAN NO. 12",
        "3",
        "7",
        "BARANANGSIANG",
        "BOGOR TIMUR",
        "ISLAM",
        "KAWIN",
        "KARYAWAN SWASTA",
        "WNI",
        Optional.of(photo()),
        Optional.of(signature()),
        "KOTA BOGOR",
        LocalDate.of(2024, 3, 5));
  }

  static CardFaceData withoutPhoto() {
    return withImages(Optional.empty(), Optional.of(signature()));
  }

  static CardFaceData withoutSignature() {
    return withImages(Optional.of(photo()), Optional.empty());
  }

  static CardFaceData withPhoto(byte[] photo) {
    return withImages(Optional.of(photo), Optional.of(signature()));
  }

  static CardFaceData withSignature(byte[] signature) {
    return withImages(Optional.of(photo()), Optional.of(signature));
  }

  static CardFaceData withImages(Optional<byte[]> photo, Optional<byte[]> signature) {
    CardFaceData d = sari();
    return new CardFaceData(
        d.province(),
        d.regency(),
        d.nik(),
        d.name(),
        d.birthPlace(),
        d.birthDate(),
        d.sex(),
        d.bloodType(),
        d.address(),
        d.rt(),
        d.rw(),
        d.village(),
        d.district(),
        d.religion(),
        d.maritalStatus(),
        d.occupation(),
        d.citizenship(),
        photo,
        signature,
        d.issuePlace(),
        d.issueDate());
  }

  static CardFaceData withNameAndAddress(String name, String address) {
    CardFaceData d = sari();
    return new CardFaceData(
        d.province(),
        d.regency(),
        d.nik(),
        name,
        d.birthPlace(),
        d.birthDate(),
        d.sex(),
        d.bloodType(),
        address,
        d.rt(),
        d.rw(),
        d.village(),
        d.district(),
        d.religion(),
        d.maritalStatus(),
        d.occupation(),
        d.citizenship(),
        d.photoJpeg(),
        d.signatureImage(),
        d.issuePlace(),
        d.issueDate());
  }

  static CardFaceData withRegencyAndIssuePlace(String regency, String issuePlace) {
    CardFaceData d = sari();
    return new CardFaceData(
        d.province(),
        regency,
        d.nik(),
        d.name(),
        d.birthPlace(),
        d.birthDate(),
        d.sex(),
        d.bloodType(),
        d.address(),
        d.rt(),
        d.rw(),
        d.village(),
        d.district(),
        d.religion(),
        d.maritalStatus(),
        d.occupation(),
        d.citizenship(),
        d.photoJpeg(),
        d.signatureImage(),
        issuePlace,
        d.issueDate());
  }

  /** Every text field far longer than any real value, to push the layout to its limits. */
  static CardFaceData allFieldsLong() {
    String words = "KUSUMAWARDHANI PURNAMASARI SETYANINGRUM WULANDARI HADININGRAT ";
    String longest = words.repeat(4).strip();
    return new CardFaceData(
        "KEPULAUAN BANGKA BELITUNG DAN SEKITARNYA " + longest,
        "KABUPATEN KEPULAUAN SIAU TAGULANDANG BIARO " + longest,
        "7109051708900003",
        longest,
        "KEPULAUAN SIAU TAGULANDANG BIARO " + longest,
        LocalDate.of(1990, 8, 17),
        "PEREMPUAN",
        "AB+",
        longest,
        "12345",
        "1234567",
        longest,
        longest,
        "KEPERCAYAAN TERHADAP TUHAN YANG MAHA ESA " + longest,
        "CERAI MATI " + longest,
        "PEGAWAI NEGERI SIPIL " + longest,
        "WNI " + longest,
        Optional.of(photo()),
        Optional.of(signature()),
        "KABUPATEN KEPULAUAN SIAU TAGULANDANG BIARO " + longest,
        LocalDate.of(2026, 11, 24));
  }

  /** A passport-style synthetic portrait: red background, a face-coloured oval, dark hair. */
  static byte[] photo() {
    BufferedImage img = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, new Color(0xC8102E), 0, 400, new Color(0xA00C24)));
    g.fillRect(0, 0, 300, 400);
    g.setColor(new Color(0x2B3A67));
    g.fillRoundRect(30, 290, 240, 160, 120, 120);
    g.setColor(new Color(0xD9A77F));
    g.fillOval(90, 90, 120, 160);
    g.setColor(new Color(0x1E1A18));
    g.fillArc(82, 70, 136, 110, 0, 180);
    g.fillOval(120, 150, 14, 10);
    g.fillOval(166, 150, 14, 10);
    g.setColor(new Color(0x9C4A3A));
    g.fillArc(125, 200, 50, 22, 180, 180);
    g.dispose();
    return encode(img, "jpg");
  }

  /**
   * A landscape PNG with a half-transparent background, so the card shows through around the face
   * and the photo is cropped at the sides.
   */
  static byte[] translucentWidePhoto() {
    BufferedImage img = new BufferedImage(520, 300, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(0x80, 0x20, 0x60, 0x70));
    g.fillRect(0, 0, 520, 300);
    g.setColor(new Color(0xD9A77F));
    g.fillOval(200, 40, 120, 170);
    g.setColor(new Color(0x1E1A18));
    g.fillArc(192, 24, 136, 110, 0, 180);
    g.dispose();
    return encode(img, "png");
  }

  /** A scribbled synthetic signature, dark ink on white, as PNG. */
  static byte[] signature() {
    BufferedImage img = new BufferedImage(360, 160, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 360, 160);
    g.setColor(new Color(0x10205A));
    g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    int[] xs = {20, 60, 80, 110, 140, 150, 190, 220, 250, 270, 310, 340};
    int[] ys = {110, 40, 120, 50, 110, 70, 60, 115, 45, 100, 80, 60};
    g.drawPolyline(xs, ys, xs.length);
    g.drawLine(30, 130, 330, 120);
    g.dispose();
    return encode(img, "png");
  }

  /** Encodes in memory (ImageIO's default disk cache would spool through a temporary file). */
  static byte[] encode(BufferedImage img, String format) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      ImageIO.write(img, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
