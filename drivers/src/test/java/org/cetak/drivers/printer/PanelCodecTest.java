package org.cetak.drivers.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cetak.drivers.testing.Seeded.check;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.cetak.drivers.testing.Seeded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PanelCodecTest {

  @Test
  void full_panel_lengths_follow_648_by_1016_dots() {
    assertThat(PanelCodec.packedLength(2)).isEqualTo(82_296);
    assertThat(PanelCodec.packedLength(32)).isEqualTo(411_480);
    assertThat(PanelCodec.packedLength(64)).isEqualTo(493_776);
    assertThat(PanelCodec.packedLength(128)).isEqualTo(576_072);
  }

  @Test
  void five_bit_dots_are_packed_msb_first() {
    byte[] dots = new byte[Panel.DOTS];
    dots[0] = 31; // 11111
    dots[1] = 1; // 00001
    dots[2] = 16; // 10000
    byte[] packed = PanelCodec.pack(new Panel(PanelColour.YELLOW, 32, dots));

    // 11111 00001 10000 0... = 1111 1000 | 0110 0000
    assertThat(Arrays.copyOf(packed, 3)).containsExactly(0xF8, 0x60, 0x00);
  }

  @Test
  void ink_dot_of_a_two_level_panel_is_a_one_bit() {
    byte[] dots = new byte[Panel.DOTS];
    dots[7] = 1;
    dots[8] = 1;
    byte[] packed = PanelCodec.pack(new Panel(PanelColour.BLACK, 2, dots));

    assertThat(Arrays.copyOf(packed, 2)).containsExactly(0x01, 0x80);
  }

  /** The grey levels a panel may have. */
  private static final int[] LEVELS = {2, 32, 64, 128};

  static LongStream twenty() {
    return Seeded.seeds(20);
  }

  static LongStream thirty() {
    return Seeded.seeds(30);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("twenty")
  void pack_and_unpack_are_inverse(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int levels = LEVELS[random.nextInt(LEVELS.length)];
    int pattern = random.nextInt(1001);
    Panel panel = TestPanels.panel(PanelColour.CYAN, levels, pattern);

    check(
        seed,
        () -> "levels " + levels + ", pattern " + pattern,
        () ->
            assertThat(PanelCodec.unpack(PanelColour.CYAN, levels, PanelCodec.pack(panel)))
                .isEqualTo(panel));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("twenty")
  void every_bit_of_every_dot_is_packed_in_order(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int levels = LEVELS[random.nextInt(LEVELS.length)];
    byte[] dots = new byte[Panel.DOTS];
    for (int i = 0; i < dots.length; i++) {
      dots[i] = (byte) random.nextInt(levels);
    }

    check(
        seed,
        () -> "levels " + levels + ", dots from seed " + seed,
        () -> {
          byte[] packed = PanelCodec.pack(new Panel(PanelColour.CYAN, levels, dots));

          assertThat(packed).isEqualTo(bitByBit(dots, PanelCodec.bitsPerDot(levels)));
        });
  }

  @ParameterizedTest(name = "{0} levels")
  @ValueSource(ints = {2, 32, 64, 128})
  void dots_at_the_highest_level_set_every_bit_up_to_the_last_byte(int levels) {
    byte[] dots = new byte[Panel.DOTS];
    Arrays.fill(dots, (byte) (levels - 1));

    byte[] packed = PanelCodec.pack(new Panel(PanelColour.YELLOW, levels, dots));

    byte[] ones = new byte[PanelCodec.packedLength(levels)];
    Arrays.fill(ones, (byte) 0xFF);
    assertThat(packed).isEqualTo(ones);
  }

  @Test
  void compression_codes_blank_full_and_partial_lines() {
    byte[] packed = new byte[PanelCodec.packedLength(2)];
    Arrays.fill(packed, 81, 162, (byte) 0xFF); // line 1 full
    packed[162] = 0x40; // line 2: one byte of data
    packed[164] = 0x02; // line 2: three bytes used

    byte[] compressed = PanelCodec.compress(packed);

    assertThat(Arrays.copyOf(compressed, 6)).containsExactly(0x00, 0xFF, 0x03, 0x40, 0x00, 0x02);
    assertThat(compressed).hasSize(3 + 3 + (Panel.HEIGHT - 3));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("thirty")
  void compression_is_lossless(long seed) {
    int pattern = new SplittableRandom(seed).nextInt(100_001);
    byte[] packed = PanelCodec.pack(TestPanels.panel(PanelColour.OVERLAY, 2, pattern));

    check(
        seed,
        () -> "overlay pattern " + pattern,
        () -> assertThat(PanelCodec.decompress(PanelCodec.compress(packed))).isEqualTo(packed));
  }

  @Test
  void decompressing_malformed_data_is_refused() {
    assertThatThrownBy(() -> PanelCodec.decompress(new byte[] {82}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PanelCodec.decompress(new byte[Panel.HEIGHT + 1]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dots_beyond_the_levels_are_refused() {
    byte[] dots = new byte[Panel.DOTS];
    dots[5] = 2;
    assertThatThrownBy(() -> new Panel(PanelColour.BLACK, 2, dots)).hasMessageContaining("dot 5");
  }

  /** The protocol's packing spelled out: each dot's bits, MSB first, one after the other. */
  private static byte[] bitByBit(byte[] dots, int bits) {
    byte[] out = new byte[dots.length * bits / 8];
    int bit = 0;
    for (byte dot : dots) {
      for (int b = bits - 1; b >= 0; b--, bit++) {
        if (((dot >> b) & 1) != 0) {
          out[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
      }
    }
    return out;
  }
}
