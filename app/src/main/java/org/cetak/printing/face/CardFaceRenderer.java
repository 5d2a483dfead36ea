package org.cetak.printing.face;

import static org.cetak.printing.face.CardLayout.HEIGHT;
import static org.cetak.printing.face.CardLayout.WIDTH;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the front and back of an e-KTP from a {@link CardFaceData} into the printer's panels, and
 * on demand into preview images.
 *
 * <p>The front is drawn twice: a colour layer (background, photo) that becomes the y, m, c panels,
 * and a black layer (all text, the photo frame, the signature) that becomes the resin k panel, so
 * text prints sharp in one pass of black. The o panel covers the whole card. The back is black
 * only.
 *
 * <p>Everything that is the same on every card (the colour background, the o panel, the back's
 * frame and notes) is drawn once, in {@link BlankCard}; a card copies it and draws only its own
 * data over it, in the same order as if the whole card were drawn afresh, so the panels are the
 * same byte for byte. Preview images are composed only when asked for.
 *
 * <p>Thread-safe; one instance may render on several printer workers at once (a render draws on
 * canvases no other render holds at the same time).
 */
public final class CardFaceRenderer {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static final Logger log = LoggerFactory.getLogger(CardFaceRenderer.class);

  private static final String FONT_DIR = "/usr/share/fonts/truetype/dejavu/";
  static final Font REGULAR = loadFont("DejaVuSans.ttf", Font.PLAIN);
  static final Font BOLD = loadFont("DejaVuSans-Bold.ttf", Font.BOLD);

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

  /** Larger photos or signatures are refused rather than decoded into hundreds of megabytes. */
  static final int MAX_IMAGE_SIDE = 4096;

  public CardFaceRenderer() {}

  /** Renders the panels of both faces. */
  public RenderedCard render(CardFaceData data) {
    Canvases canvases = Canvases.take();
    int[] photoArea;
    byte[] k;
    byte[] kBack;
    try {
      photoArea = photoArea(canvases.photo, data);
      BufferedImage frontBlack = whiten(canvases.front);
      drawFrontBlack(frontBlack, data);
      k = PanelRaster.ink(grey(frontBlack));
      // the issue lines change only their own rows of the blank back
      kBack = PanelRaster.ink(grey(back(canvases.back, data)), BlankCard.BACK, BlankCard.BACK_INK);
    } finally {
      canvases.giveBack();
    }
    byte[] y = BlankCard.YELLOW.clone();
    byte[] m = BlankCard.MAGENTA.clone();
    byte[] c = BlankCard.CYAN.clone();
    PanelRaster.putColour(photoArea, CardLayout.PHOTO, y, m, c);

    PanelSet panels =
        new PanelSet(
            List.of(
                new PanelSet.Panel("y", PanelRaster.COLOUR_LEVELS, y),
                new PanelSet.Panel("m", PanelRaster.COLOUR_LEVELS, m),
                new PanelSet.Panel("c", PanelRaster.COLOUR_LEVELS, c),
                new PanelSet.Panel("k", 2, k),
                new PanelSet.Panel("o", 2, BlankCard.OVERLAY)),
            List.of(new PanelSet.Panel("k", 2, kBack)));
    return new RenderedCard(panels, photoArea);
  }

  /**
   * A PNG of one side of the rendered card as it will look printed, for an operator's preview (the
   * console serves it). Renders the whole card; use {@link RenderedCard#previewPng(CardSide)} when
   * the card is already rendered.
   */
  public byte[] previewPng(CardFaceData data, CardSide side) {
    return render(data).previewPng(side);
  }

  /** The images one render draws into, kept for the next render (as many as there are cores). */
  private static final class Canvases {
    private static final ArrayBlockingQueue<Canvases> SPARE =
        new ArrayBlockingQueue<>(Runtime.getRuntime().availableProcessors());

    /**
     * From the card's origin to the photo box, so the photo is scaled at the very dot positions of
     * a whole card and samples the same source pixels; only the box is ever read.
     */
    final BufferedImage photo =
        new BufferedImage(
            CardLayout.PHOTO.x + CardLayout.PHOTO.width,
            CardLayout.PHOTO.y + CardLayout.PHOTO.height,
            BufferedImage.TYPE_INT_RGB);

    final BufferedImage front = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
    final BufferedImage back = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);

    static Canvases take() {
      Canvases spare = SPARE.poll();
      return spare != null ? spare : new Canvases();
    }

    void giveBack() {
      SPARE.offer(this);
    }
  }

  // ---------------------------------------------------------------- front, colour layer

  /**
   * The photo box as it prints, RGB, row after row: the blank card's colours with the photo, or a
   * placeholder, drawn over them. The only part of the colour layer that differs between cards.
   */
  private static int[] photoArea(BufferedImage canvas, CardFaceData data) {
    Rectangle box = CardLayout.PHOTO;
    int[] pixels = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
    int stride = canvas.getWidth();
    for (int row = box.y; row < box.y + box.height; row++) {
      System.arraycopy(
          BlankCard.COLOUR, row * WIDTH + box.x, pixels, row * stride + box.x, box.width);
    }
    Graphics2D g = canvas.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      drawPhoto(g, data);
    } finally {
      g.dispose();
    }
    int[] area = new int[box.width * box.height];
    for (int row = 0; row < box.height; row++) {
      System.arraycopy(pixels, (box.y + row) * stride + box.x, area, row * box.width, box.width);
    }
    return area;
  }

  /** The photo, cropped to fill its box, or a light placeholder; on the colour background. */
  static void drawPhoto(Graphics2D g, CardFaceData data) {
    Rectangle photo = CardLayout.PHOTO;
    if (data.photoJpeg().isPresent()) {
      BufferedImage picture = decode(data.photoJpeg().get(), "photoJpeg");
      drawCover(g, picture, photo);
    } else {
      g.setColor(new Color(0xF4F8FB));
      g.fill(photo);
    }
  }

  private static void drawCover(Graphics2D g, BufferedImage picture, Rectangle box) {
    double scale =
        Math.max(box.getWidth() / picture.getWidth(), box.getHeight() / picture.getHeight());
    int w = (int) Math.ceil(picture.getWidth() * scale);
    int h = (int) Math.ceil(picture.getHeight() * scale);
    Graphics2D clip = (Graphics2D) g.create();
    try {
      clip.clip(box);
      clip.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      clip.drawImage(
          picture, box.x + (box.width - w) / 2, box.y + (box.height - h) / 2, w, h, null);
    } finally {
      clip.dispose();
    }
  }

  // ---------------------------------------------------------------- front, black layer

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
        BufferedImage signature = decode(d.signatureImage().get(), "signatureImage");
        drawContain(g, signature, CardLayout.SIGNATURE);
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

  private static void drawContain(Graphics2D g, BufferedImage picture, Rectangle box) {
    double scale =
        Math.min(box.getWidth() / picture.getWidth(), box.getHeight() / picture.getHeight());
    int w = Math.max(1, (int) Math.floor(picture.getWidth() * scale));
    int h = Math.max(1, (int) Math.floor(picture.getHeight() * scale));
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(picture, box.x + (box.width - w) / 2, box.y + (box.height - h) / 2, w, h, null);
  }

  // ---------------------------------------------------------------- back

  /** The back's black layer: the blank card's frame, this card's issue lines, then the notes. */
  private static BufferedImage back(BufferedImage img, CardFaceData d) {
    System.arraycopy(BlankCard.BACK_FRAME, 0, grey(img), 0, WIDTH * HEIGHT);
    Graphics2D g = textGraphics(img);
    try {
      drawBackIssue(g, d);
      BlankCard.drawBackNotes(g);
    } finally {
      g.dispose();
    }
    return img;
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

  // ---------------------------------------------------------------- helpers

  /** A white canvas for a black layer. */
  static BufferedImage blackLayer() {
    return whiten(new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY));
  }

  private static BufferedImage whiten(BufferedImage blackLayer) {
    Arrays.fill(grey(blackLayer), (byte) 0xFF);
    return blackLayer;
  }

  static byte[] grey(BufferedImage blackLayer) {
    return ((DataBufferByte) blackLayer.getRaster().getDataBuffer()).getData();
  }

  static Graphics2D textGraphics(BufferedImage img) {
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setColor(Color.BLACK);
    return g;
  }

  /**
   * Draws one line centred on {@code cx}, shrunk (down to 60 %) or cut so it fits {@code width}.
   */
  static void centred(Graphics2D g, Font font, String text, int width, int cx, int baseline) {
    TextFit.Fitted fit = TextFit.fit(g, font, text, width, 1, font.getSize2D() * 0.6f);
    FontMetrics fm = g.getFontMetrics(fit.font());
    String line = fit.lines().get(0);
    g.setFont(fit.font());
    g.drawString(line, cx - fm.stringWidth(line) / 2, baseline);
  }

  /**
   * Decodes a photo or signature in memory. {@code ImageIO.read(InputStream)} would spool the bytes
   * to a temporary file when ImageIO's disk cache is on (the default), and biometric data must not
   * reach the disk.
   */
  private static BufferedImage decode(byte[] bytes, String field) {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new InvalidCardFaceDataException(field, "is not an image ImageIO can read");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width < 1 || height < 1 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
          throw new InvalidCardFaceDataException(
              field,
              "is " + width + " x " + height + " pixels; each side must be 1 to " + MAX_IMAGE_SIDE);
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidCardFaceDataException invalid) {
        throw invalid;
      }
      // corrupt JPEGs also surface as runtime exceptions from the codec
      throw new InvalidCardFaceDataException(field, "could not be decoded: " + e, e);
    }
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

  private static Font loadFont(String file, int style) {
    File f = new File(FONT_DIR + file);
    if (f.isFile()) {
      try {
        return Font.createFont(Font.TRUETYPE_FONT, f).deriveFont(style, 12f);
      } catch (FontFormatException | IOException e) {
        log.warn("cannot load font {}, falling back to SansSerif: {}", f, e.toString());
      }
    } else {
      log.warn("font {} not found (install fonts-dejavu-core); falling back to SansSerif", f);
    }
    return new Font(Font.SANS_SERIF, style, 12);
  }
}
