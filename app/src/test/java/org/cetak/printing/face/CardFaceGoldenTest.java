package org.cetak.printing.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Pins what the renderer prints, byte for byte: the SHA-256 of every panel and of the pixels of
 * both preview PNGs for a few fixed residents, recorded in {@code golden-faces.txt}.
 *
 * <p>Glyph rasterisation depends on the JDK and on the font files, so the recorded hashes hold only
 * where they were recorded; elsewhere the test is skipped, saying why. After a deliberate change to
 * the card face, record the file again: {@code java -cp <test classpath>
 * org.cetak.printing.face.CardFaceGoldenTest app/src/test/resources/org/cetak/printing/face/
 * golden-faces.txt}.
 */
class CardFaceGoldenTest {
  private static final String RESOURCE = "golden-faces.txt";
  private static final String ENVIRONMENT = "# ";
  private static final String FONT_DIR = "/usr/share/fonts/truetype/dejavu/";

  @Test
  void panels_and_previews_are_the_recorded_ones() throws IOException {
    List<String> recorded = recorded();
    List<String> recordedEnvironment =
        recorded.stream().filter(l -> l.startsWith(ENVIRONMENT)).toList();
    Assumptions.assumeTrue(
        recordedEnvironment.equals(environment()),
        () -> "hashes recorded with " + recordedEnvironment + ", this is " + environment());

    List<String> hashes = recorded.stream().filter(l -> !l.startsWith(ENVIRONMENT)).toList();
    assertThat(hashes()).containsExactlyElementsOf(hashes);
  }

  /** Writes the golden file for this JDK and these fonts to the path given. */
  public static void main(String[] args) throws IOException {
    List<String> lines = new ArrayList<>(environment());
    lines.addAll(hashes());
    Files.write(Path.of(args[0]), lines, StandardCharsets.UTF_8);
  }

  private static Map<String, CardFaceData> residents() {
    Map<String, CardFaceData> residents = new LinkedHashMap<>();
    residents.put("photo-and-signature", SampleResidents.sari());
    residents.put("no-photo", SampleResidents.withoutPhoto());
    residents.put("no-signature", SampleResidents.withoutSignature());
    residents.put("no-images", SampleResidents.withImages(Optional.empty(), Optional.empty()));
    residents.put(
        "translucent-wide-photo",
        SampleResidents.withPhoto(SampleResidents.translucentWidePhoto()));
    residents.put(
        "long-name",
        SampleResidents.withNameAndAddress(
            "RADEN AJENG KUSUMAWARDHANI PURNAMASARI SETYANINGRUM WULANDARI HADININGRAT PUTRI",
            "JL. RAYA PEMBANGUNAN KOMPLEK PERUMAHAN GRIYA INDAH PERMAI BLOK CC NOMOR 127 A"
                + " GANG MELATI III RUKUN WARGA SEBELAH MASJID AGUNG"));
    residents.put("all-fields-long", SampleResidents.allFieldsLong());
    return residents;
  }

  /** One line per panel and preview: resident, what, SHA-256. */
  private static List<String> hashes() {
    CardFaceRenderer renderer = new CardFaceRenderer();
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, CardFaceData> resident : residents().entrySet()) {
      RenderedCard card = renderer.render(resident.getValue());
      String name = resident.getKey();
      for (PanelSet.Panel p : card.panels().front()) {
        lines.add(name + " front-" + p.name() + " " + p.sha256());
      }
      for (PanelSet.Panel p : card.panels().back()) {
        lines.add(name + " back-" + p.name() + " " + p.sha256());
      }
      lines.add(name + " front-preview " + pixelHash(card.previewPng(CardSide.FRONT)));
      lines.add(name + " back-preview " + pixelHash(card.previewPng(CardSide.BACK)));
    }
    return lines;
  }

  private static List<String> environment() {
    List<String> lines = new ArrayList<>();
    lines.add(ENVIRONMENT + "java.vm.version " + System.getProperty("java.vm.version"));
    for (String font : List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")) {
      Path file = Path.of(FONT_DIR, font);
      try {
        String hash = Files.isRegularFile(file) ? sha256(Files.readAllBytes(file)) : "missing";
        lines.add(ENVIRONMENT + font + " " + hash);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return lines;
  }

  private static List<String> recorded() throws IOException {
    try (InputStream in = CardFaceGoldenTest.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as(RESOURCE).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  /** SHA-256 of the decoded pixels, so the hash does not depend on how the PNG was compressed. */
  private static String pixelHash(byte[] png) {
    try {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
      int[] argb = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
      ByteBuffer bytes = ByteBuffer.allocate(8 + 4 * argb.length);
      bytes.putInt(img.getWidth()).putInt(img.getHeight()).asIntBuffer().put(argb);
      return sha256(bytes.array());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
