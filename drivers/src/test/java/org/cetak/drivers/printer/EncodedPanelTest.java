package org.cetak.drivers.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cetak.drivers.testing.Seeded.check;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.cetak.drivers.testing.Seeded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EncodedPanelTest {

  private static final int[] PACKED_LEVELS = {32, 64, 128};

  static LongStream twenty() {
    return Seeded.seeds(20);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("twenty")
  void a_panel_with_some_lines_redrawn_encodes_as_the_whole_panel_would(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int levels = PACKED_LEVELS[random.nextInt(PACKED_LEVELS.length)];
    Panel base = TestPanels.panel(PanelColour.MAGENTA, levels, seed);
    int from = random.nextInt(Panel.HEIGHT + 1);
    int to = from + random.nextInt(Panel.HEIGHT - from + 1);
    byte[] redrawn = base.dots().clone();
    for (int i = from * Panel.WIDTH; i < to * Panel.WIDTH; i++) {
      redrawn[i] = (byte) random.nextInt(levels);
    }

    check(
        seed,
        () -> levels + " levels, lines " + from + " to " + to,
        () ->
            assertThat(EncodedPanel.of(base).withLines(redrawn, from, to))
                .isEqualTo(EncodedPanel.of(new Panel(PanelColour.MAGENTA, levels, redrawn))));
  }

  @Test
  void redrawn_lines_are_checked_against_the_levels() {
    EncodedPanel blank = EncodedPanel.of(Panel.blank(PanelColour.YELLOW, 32));
    byte[] dots = new byte[Panel.DOTS];
    dots[3 * Panel.WIDTH + 7] = 32;

    assertThatThrownBy(() -> blank.withLines(dots, 3, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dot " + (3 * Panel.WIDTH + 7) + " has level 32 of 32");
    assertThatThrownBy(() -> blank.withLines(dots, 5, Panel.HEIGHT + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_compressed_panel_is_not_redrawn_line_by_line() {
    EncodedPanel overlay = EncodedPanel.of(Panel.blank(PanelColour.OVERLAY, 2));

    assertThatThrownBy(() -> overlay.withLines(new byte[Panel.DOTS], 0, 1))
        .isInstanceOf(IllegalStateException.class);
  }

  @ParameterizedTest(name = "{0} levels")
  @ValueSource(ints = {2, 32, 64, 128})
  void dots_encoded_without_a_panel_are_checked_against_the_levels(int levels) {
    byte[] dots = new byte[Panel.DOTS];
    dots[Panel.DOTS - 5] = (byte) levels;

    assertThatThrownBy(() -> EncodedPanel.of(PanelColour.CYAN, levels, dots))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dot " + (Panel.DOTS - 5) + " has level " + levels + " of " + levels);
  }
}
