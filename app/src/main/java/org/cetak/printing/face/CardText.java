package org.cetak.printing.face;

import static org.cetak.printing.face.CardDrawing.BOLD;
import static org.cetak.printing.face.CardDrawing.REGULAR;
import static org.cetak.printing.face.CardDrawing.centred;
import static org.cetak.printing.face.CardDrawing.textGraphics;
import static org.cetak.printing.face.CardLayout.WIDTH;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a card says in black: the front's header, NIK, fields, photo frame, place and date of issue
 * and signature, and the back's issue lines. Values are written as the card prints them (upper
 * case, {@code dd-MM-yyyy}, RT/RW in three digits), each shrunk or wrapped to fit its place.
 */
final class CardText {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

  private CardText() {}

  private record Field(String label, String value, int maxLines) {}

  static void drawFrontBlack(BufferedImage img, CardFaceData d) {
    Graphics2D g = textGraphics(img);
    try {
      Font header = BOLD.deriveFont(CardLayout.HEADER_SIZE);
      int headerWidth = CardLayout.SAFE.width - 20;
      centred(
          g, header, province(d.province()), headerWidth, WIDTH / 2, CardLayout.HEADER_1_BASELINE);
      centred(g, header, upper(d.regency()), headerWidth, WIDTH / 2, CardLayout.HEADER_2_BASELINE);

      Font nikFont = BOLD.deriveFont(CardLayout.NIK_SIZE);
      g.setFont(nikFont);
      g.drawString("NIK", CardLayout.LABEL_X, CardLayout.NIK_BASELINE);
      FontMetrics nikMetrics = g.getFontMetrics(nikFont);
      int colonX = CardLayout.LABEL_X + nikMetrics.stringWidth("NIK") + 24;
      g.drawString(":", colonX, CardLayout.NIK_BASELINE);
      g.drawString(d.nik(), colonX + nikMetrics.stringWidth(": "), CardLayout.NIK_BASELINE);

      drawFields(g, d);
      drawPhotoFrame(g, d.photoJpeg().isPresent());

      Font issue = REGULAR.deriveFont(CardLayout.ISSUE_SIZE);
      int photoCentre = CardLayout.PHOTO.x + CardLayout.PHOTO.width / 2;
      int issueWidth = CardLayout.SAFE.x + CardLayout.SAFE.width - CardLayout.PHOTO.x + 10;
      centred(
          g,
          issue,
          upper(d.issuePlace()),
          issueWidth,
          photoCentre,
          CardLayout.ISSUE_PLACE_BASELINE);
      centred(
          g, issue, date(d.issueDate()), issueWidth, photoCentre, CardLayout.ISSUE_DATE_BASELINE);

      if (d.signatureImage().isPresent()) {
        BufferedImage signature = CardImages.decode(d.signatureImage().get(), "signatureImage");
        CardImages.drawContain(g, signature, CardLayout.SIGNATURE);
      }
    } finally {
      g.dispose();
    }
  }

  private static void drawFields(Graphics2D g, CardFaceData d) {
    String blood = d.bloodType().isEmpty() ? "-" : upper(d.bloodType());
    List<Field> fields =
        List.of(
            new Field("Nama", upper(d.name()), 2),
            new Field("Tempat/Tgl Lahir", upper(d.birthPlace()) + ", " + date(d.birthDate()), 1),
            new Field("Jenis Kelamin", d.sex().equals("L") ? "LAKI-LAKI" : "PEREMPUAN", 1),
            new Field("Alamat", upper(d.address()), 3),
            new Field("RT/RW", pad3(d.rt()) + "/" + pad3(d.rw()), 1),
            new Field("Kel/Desa", upper(d.village()), 1),
            new Field("Kecamatan", upper(d.district()), 1),
            new Field("Agama", upper(d.religion()), 1),
            new Field("Status Perkawinan", upper(d.maritalStatus()), 1),
            new Field("Pekerjaan", upper(d.occupation()), 2),
            new Field("Kewarganegaraan", upper(d.citizenship()), 1),
            new Field("Berlaku Hingga", "SEUMUR HIDUP", 1));

    Font base = REGULAR.deriveFont(CardLayout.FIELD_SIZE);
    List<TextFit.Fitted> fitted = new ArrayList<>(fields.size());
    int slots = 0;
    for (Field f : fields) {
      int width = CardLayout.VALUE_RIGHT - CardLayout.VALUE_X;
      if (f.label().equals("Jenis Kelamin")) {
        width = CardLayout.BLOOD_LABEL_X - 10 - CardLayout.VALUE_X;
      }
      TextFit.Fitted fit =
          TextFit.fit(g, base, f.value(), width, f.maxLines(), CardLayout.FIELD_MIN_SIZE);
      fitted.add(fit);
      slots += fit.lines().size();
    }
    int pitch =
        Math.min(CardLayout.MAX_PITCH, (CardLayout.FIELDS_BOTTOM - CardLayout.FIELDS_TOP) / slots);
    int baseline = CardLayout.FIELDS_TOP + g.getFontMetrics(base).getAscent();
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      TextFit.Fitted fit = fitted.get(i);
      g.setFont(base);
      g.drawString(f.label(), CardLayout.LABEL_X, baseline);
      g.drawString(":", CardLayout.COLON_X, baseline);
      if (f.label().equals("Jenis Kelamin")) {
        g.drawString("Gol. Darah", CardLayout.BLOOD_LABEL_X, baseline);
        int colon = CardLayout.BLOOD_LABEL_X + g.getFontMetrics(base).stringWidth("Gol. Darah ");
        g.drawString(": " + blood, colon, baseline);
      }
      g.setFont(fit.font());
      // lines of one value sit closer than rows, so a wrapped value reads as one entry
      int innerStep = Math.min(pitch, g.getFontMetrics(fit.font()).getHeight());
      int lineBaseline = baseline;
      for (String line : fit.lines()) {
        g.drawString(line, CardLayout.VALUE_X, lineBaseline);
        lineBaseline += innerStep;
      }
      baseline += pitch + (fit.lines().size() - 1) * innerStep;
    }
  }

  private static void drawPhotoFrame(Graphics2D g, boolean hasPhoto) {
    Rectangle p = CardLayout.PHOTO;
    if (hasPhoto) {
      g.setStroke(new BasicStroke(1f));
      g.drawRect(p.x - 1, p.y - 1, p.width + 1, p.height + 1);
      return;
    }
    // Placeholder: a frame, a silhouette and the word FOTO, so a missing photo is obvious.
    g.setStroke(new BasicStroke(3f));
    g.drawRect(p.x + 1, p.y + 1, p.width - 3, p.height - 3);
    g.setStroke(new BasicStroke(2f));
    int cx = p.x + p.width / 2;
    g.drawOval(cx - 38, p.y + 50, 76, 92);
    g.drawArc(cx - 80, p.y + 150, 160, 150, 0, 180);
    Font f = BOLD.deriveFont(24f);
    centred(g, f, "FOTO", p.width - 20, cx, p.y + p.height - 20);
  }

  /**
   * The regency that issued the card (the printing office's, which may differ from the resident's
   * own on the front) and where and when, between the frame and the notes.
   */
  static void drawBackIssue(Graphics2D g, CardFaceData d) {
    int inner = CardLayout.SAFE.width - 40;
    int cx = WIDTH / 2;
    centred(g, BOLD.deriveFont(22f), upper(d.issuePlace()), inner, cx, 272);
    centred(
        g,
        REGULAR.deriveFont(21f),
        "Tanggal penerbitan: " + upper(d.issuePlace()) + ", " + date(d.issueDate()),
        inner,
        cx,
        306);
  }

  private static String province(String province) {
    String p = upper(province);
    return p.startsWith("PROVINSI ") ? p : "PROVINSI " + p;
  }

  private static String upper(String s) {
    return s.strip().toUpperCase(Locale.ROOT);
  }

  private static String pad3(String number) {
    String n = number.strip();
    if (n.matches("[0-9]{1,3}")) {
      return "000".substring(n.length()) + n;
    }
    return upper(n);
  }

  private static String date(LocalDate date) {
    return DATE.format(date);
  }
}
