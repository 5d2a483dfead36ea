package org.cetak.printing.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins what the renderer prints for a few fixed residents, recorded in {@code golden-faces.txt}.
 * The fonts are the DejaVu files shipped in the application's resources, so every machine draws
 * with the same outlines; what still differs between JDK builds is how each builds' font rasteriser
 * turns an outline into dots at the edges of a glyph. So:
 *
 * <ul>
 *   <li>the panels a card has (names, levels, order) are exact;
 *   <li>the colour and overlay panels (background, photo: no text) are exact, dot for dot;
 *   <li>the black panels (all text, the signature) must put the recorded ink in every band of 8
 *       lines and of 8 dots across, within 3% and 24 dots: a moved, missing or re-broken line of
 *       text changes whole bands, a glyph edge rasterised differently does not.
 * </ul>
 *
 * <p>After a deliberate change to the card face, record the file again: {@code ./mvnw -pl app -am
 * test -Dtest=CardFaceGoldenTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcetak.golden.record=src/test/resources/org/cetak/printing/face/golden-faces.txt}.
 */
class CardFaceGoldenTest {
  private static final String RESOURCE = "golden-faces.txt";
  private static final String RECORD = "cetak.golden.record";
  private static final int BAND = 8;
  private static final double RELATIVE = 0.03;
  private static final int ABSOLUTE = 24;

  @Test
  void every_card_has_the_recorded_panels() throws IOException {
    assertThat(current("panels")).containsExactlyElementsOf(recorded("panels"));
  }

  @Test
  void colour_and_overlay_panels_are_the_recorded_ones_dot_for_dot() throws IOException {
    assertThat(current("sha256")).containsExactlyElementsOf(recorded("sha256"));
  }

  @Test
  void black_panels_put_the_recorded_ink_in_every_band() throws IOException {
    Map<String, int[]> expected = profiles(recorded("ink"));
    Map<String, int[]> actual = profiles(current("ink"));
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());

    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, int[]> e : expected.entrySet()) {
      int[] want = e.getValue();
      int[] got = actual.get(e.getKey());
      for (int band = 0; band < want.length; band++) {
        int allowed = (int) Math.max(ABSOLUTE, RELATIVE * Math.max(want[band], got[band]));
        if (Math.abs(want[band] - got[band]) > allowed) {
          differences.add(
              e.getKey()
                  + " band "
                  + band
                  + ": "
                  + got[band]
                  + " dots of ink, recorded "
                  + want[band]);
        }
      }
    }
    assertThat(differences).isEmpty();
  }

  /** With {@code -Dcetak.golden.record=<file>}, writes the golden file there first. */
  @BeforeAll
  static void recordWhenAsked() throws IOException {
    String to = System.getProperty(RECORD, "");
    if (!to.isBlank()) {
      Files.write(Path.of(to), LINES, StandardCharsets.UTF_8);
    }
  }

  private static List<String> recorded(String kind) throws IOException {
    String to = System.getProperty(RECORD, "");
    String text;
    if (to.isBlank()) {
      try (InputStream in = CardFaceGoldenTest.class.getResourceAsStream(RESOURCE)) {
        assertThat(in).as(RESOURCE).isNotNull();
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } else {
      text = Files.readString(Path.of(to), StandardCharsets.UTF_8);
    }
    return text.lines().filter(l -> l.split(" ", 3)[1].equals(kind)).toList();
  }

  private static List<String> current(String kind) {
    return LINES.stream().filter(l -> l.split(" ", 3)[1].equals(kind)).toList();
  }

  private static final List<String> LINES = lines();

  private static Map<String, int[]> profiles(List<String> inkLines) {
    Map<String, int[]> byPanel = new LinkedHashMap<>();
    for (String line : inkLines) {
      String[] parts = line.split(" ", 4);
      byPanel.put(
          parts[0] + " " + parts[2],
          Arrays.stream(parts[3].split(",", -1)).mapToInt(Integer::parseInt).toArray());
    }
    return byPanel;
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

  /**
   * For each resident: its panels ({@code panels}), the SHA-256 of each colour and overlay panel
   * ({@code sha256}), and the ink of each black panel by band of lines and of dots ({@code ink}).
   */
  private static List<String> lines() {
    CardFaceRenderer renderer = new CardFaceRenderer();
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, CardFaceData> resident : residents().entrySet()) {
      PanelSet panels = renderer.render(resident.getValue()).panels();
      String name = resident.getKey();
      lines.add(name + " panels " + describe(panels.front()) + " / " + describe(panels.back()));
      record(lines, name, "front", panels.front());
      record(lines, name, "back", panels.back());
    }
    return lines;
  }

  private static String describe(List<PanelSet.Panel> panels) {
    return panels.stream().map(p -> p.name() + ":" + p.levels()).collect(Collectors.joining(","));
  }

  private static void record(
      List<String> lines, String name, String side, List<PanelSet.Panel> ps) {
    for (PanelSet.Panel p : ps) {
      String panel = side + "-" + p.name();
      if (p.name().equals("k")) {
        lines.add(name + " ink " + panel + "-lines " + join(inkByLineBand(p)));
        lines.add(name + " ink " + panel + "-dots " + join(inkByDotBand(p)));
      } else {
        lines.add(name + " sha256 " + panel + " " + p.sha256());
      }
    }
  }

  private static int[] inkByLineBand(PanelSet.Panel p) {
    int[] bands = new int[(PanelSet.LINES + BAND - 1) / BAND];
    for (int line = 0; line < PanelSet.LINES; line++) {
      for (int dot = 0; dot < PanelSet.DOTS_PER_LINE; dot++) {
        if (p.dots()[line * PanelSet.DOTS_PER_LINE + dot] != 0) {
          bands[line / BAND]++;
        }
      }
    }
    return bands;
  }

  private static int[] inkByDotBand(PanelSet.Panel p) {
    int[] bands = new int[(PanelSet.DOTS_PER_LINE + BAND - 1) / BAND];
    for (int line = 0; line < PanelSet.LINES; line++) {
      for (int dot = 0; dot < PanelSet.DOTS_PER_LINE; dot++) {
        if (p.dots()[line * PanelSet.DOTS_PER_LINE + dot] != 0) {
          bands[dot / BAND]++;
        }
      }
    }
    return bands;
  }

  private static String join(int[] values) {
    return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(","));
  }
}
