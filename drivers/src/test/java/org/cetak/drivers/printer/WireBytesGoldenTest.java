package org.cetak.drivers.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Pins the bytes the printer receives for a set of varied panels: the SHA-256 of every panel's
 * {@code Db} data and of its best encoding, recorded from the codec as it was first released. A
 * faster codec must send the very same bytes.
 */
class WireBytesGoldenTest {

  /** levels, pattern, then the SHA-256 of the packed data and of the encoded data. */
  private static final List<String> RECORDED =
      List.of(
          "2 noise-1 4162ffd5a2705befbb7ebaac88f460d4250907d7e2353938d4575570385df851 cace2734e321679b0b9cdd8c1665aa2664c262578187b35c013a4847ac806905",
          "2 noise-2 22cb9259647d8628277c3e8ccf920694e9a8affa186099424e244d2456493941 5c9f02496553dafb86aa4a5b2666c4e201da5f37451403d1b11533f1b4bdef09",
          "2 noise-3 b7741ce08c7b5252250fc86fd6a55b1c51b174be530c30ba58c3ff8254f8b290 eca05ea18cd14cf3cc32d28000e06e0cb4bf3a9cfadf13494a61dcbe7a12e9c9",
          "2 strokes 4c81c5ad3599af6ffbfd9add9b491b79d18dbf9500815a03bc866c02c863f0c4 c9d7e6ca37355a852c8f45abdc3fd0b5892a1b314cebc3c9bf546aadff8f5c4a",
          "2 full ee206066c05205c284aa95ee3f51a70c536f88162b564359cc913cab5877f04e e7daf963787e9f6feaf33dbd6c22c33bc60755cb50dab7f5d566524d6f0522b4",
          "2 blank d8b1b5cbf6dacbc9c02665e79a1f3d3f1e205c48e24251f98705f3b1b937ac4b 5817bc65840cf706e658b883fc8a08c91551deb915ac9f5844e0cf807cf0b705",
          "32 noise-1 7858e1219caedb43376cff644ef0503e2f4f21e639a2e073ce757169d2842bbb 7858e1219caedb43376cff644ef0503e2f4f21e639a2e073ce757169d2842bbb",
          "32 noise-2 7989e3c1070ddf28e736da0180720d10c943b4f537f3fab4ad14c9547cf0393f 7989e3c1070ddf28e736da0180720d10c943b4f537f3fab4ad14c9547cf0393f",
          "32 noise-3 5442e138597172405423337e36e66f0652102d7a5876cca2286feceb87559ed1 5442e138597172405423337e36e66f0652102d7a5876cca2286feceb87559ed1",
          "32 strokes 3c58de926848a3b079fcac412f68e14406bae92344327488accb09bb2762cacf 3c58de926848a3b079fcac412f68e14406bae92344327488accb09bb2762cacf",
          "32 full 0f1ab7b82b294a44e1140b0eb48bacf83ef8188647bc61f1eaabf079be5c5875 0f1ab7b82b294a44e1140b0eb48bacf83ef8188647bc61f1eaabf079be5c5875",
          "32 blank ca5f0acab161ebd74cc38a79b07055e1ba91e666a427c93112b6c01f0b185162 ca5f0acab161ebd74cc38a79b07055e1ba91e666a427c93112b6c01f0b185162",
          "64 noise-1 a2f691ffa7950037dda69b62f7ea7953eb26e72f5e62ce464d068ad278d65f2a a2f691ffa7950037dda69b62f7ea7953eb26e72f5e62ce464d068ad278d65f2a",
          "64 noise-2 7c2a2f1cc64337c07c3888c03285c5153b91865f1f8fec08cad22f3d9ce92302 7c2a2f1cc64337c07c3888c03285c5153b91865f1f8fec08cad22f3d9ce92302",
          "64 noise-3 a84d460c6fa992b80eedb95440489af3a526285a92934301a345d9237d1d4c07 a84d460c6fa992b80eedb95440489af3a526285a92934301a345d9237d1d4c07",
          "64 strokes e94e67218f50038ebbca87df071865a11b95c889e9b3713c4ab255e14f883d8b e94e67218f50038ebbca87df071865a11b95c889e9b3713c4ab255e14f883d8b",
          "64 full 1a4352080cac5f8872c7fe62ec74c6d2fe2c36197176f5f946e789406f81ad2d 1a4352080cac5f8872c7fe62ec74c6d2fe2c36197176f5f946e789406f81ad2d",
          "64 blank eea2fb84110ca55b15a524bb14c39d0467816e5023fcbe019be0b317682f6d19 eea2fb84110ca55b15a524bb14c39d0467816e5023fcbe019be0b317682f6d19",
          "128 noise-1 57dc932fc8678cdc2ff0d024b71019fc46d564da9c512974abed151675fabc1b 57dc932fc8678cdc2ff0d024b71019fc46d564da9c512974abed151675fabc1b",
          "128 noise-2 77593998978ece7b5beb07d4780a2c7c24240dea07d84cfba8594e0de6694263 77593998978ece7b5beb07d4780a2c7c24240dea07d84cfba8594e0de6694263",
          "128 noise-3 69bd7f20f2b472e9de79c01c7097f7b6681c146bcd8d941f618a2f2cfc957a6c 69bd7f20f2b472e9de79c01c7097f7b6681c146bcd8d941f618a2f2cfc957a6c",
          "128 strokes e10c41846b0577397befe2df86054d7dc3ffabd9f4af380f61ca862ea2b193d8 e10c41846b0577397befe2df86054d7dc3ffabd9f4af380f61ca862ea2b193d8",
          "128 full 046957e242492666de888fd9854b2532ebd254016bc7c7d1b745073f1e13577e 046957e242492666de888fd9854b2532ebd254016bc7c7d1b745073f1e13577e",
          "128 blank d5431ce5417783513e9fa01d3f6ac172c8c24679f395a6714db36b8b1b0d0318 d5431ce5417783513e9fa01d3f6ac172c8c24679f395a6714db36b8b1b0d0318",
          "2 strokes-dense 6edb9680bbd7bcf20fe1cdc272c3fb9a505cc5c1c91b77d2abcbbedd78b5fc4c 7884a9e99440c6e736c0b7a9b0f7c2a7c616e7230f9100c99f31a29090c438c3");

  @Test
  void varied_panels_are_packed_and_encoded_to_the_recorded_bytes() {
    assertThat(current()).containsExactlyElementsOf(RECORDED);
  }

  static List<String> current() {
    List<String> lines = new ArrayList<>();
    int[] levels = {2, 32, 64, 128};
    for (int l : levels) {
      for (long seed = 1; seed <= 3; seed++) {
        lines.add(line(l, "noise-" + seed, TestPanels.panel(PanelColour.CYAN, l, seed)));
      }
      lines.add(line(l, "strokes", strokes(l, 7)));
      lines.add(line(l, "full", full(l)));
      lines.add(line(l, "blank", Panel.blank(PanelColour.YELLOW, l)));
    }
    lines.add(line(2, "strokes-dense", strokes(2, 8)));
    return lines;
  }

  /**
   * Lines of a card face as a printer sees them: blank lines, full lines, and lines with runs of
   * ink of every length ending anywhere, including the last dot of a line.
   */
  private static Panel strokes(int levels, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] dots = new byte[Panel.DOTS];
    for (int line = 0; line < Panel.HEIGHT; line++) {
      int start = line * Panel.WIDTH;
      switch (random.nextInt(4)) {
        case 0 -> {}
        case 1 -> java.util.Arrays.fill(dots, start, start + Panel.WIDTH, (byte) (levels - 1));
        default -> {
          int runs = random.nextInt(12);
          for (int r = 0; r < runs; r++) {
            int from = random.nextInt(Panel.WIDTH);
            int to = Math.min(Panel.WIDTH, from + 1 + random.nextInt(90));
            if (random.nextInt(5) == 0) {
              to = Panel.WIDTH;
            }
            byte level = (byte) (1 + random.nextInt(levels - 1));
            java.util.Arrays.fill(dots, start + from, start + to, level);
          }
        }
      }
    }
    return new Panel(PanelColour.BLACK, levels, dots);
  }

  private static Panel full(int levels) {
    byte[] dots = new byte[Panel.DOTS];
    java.util.Arrays.fill(dots, (byte) (levels - 1));
    return new Panel(PanelColour.OVERLAY, levels, dots);
  }

  private static String line(int levels, String pattern, Panel panel) {
    return levels
        + " "
        + pattern
        + " "
        + sha256(PanelCodec.pack(panel))
        + " "
        + sha256(EncodedPanel.of(panel).data());
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JRE", e);
    }
  }
}
