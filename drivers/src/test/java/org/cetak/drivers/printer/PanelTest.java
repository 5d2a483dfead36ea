package org.cetak.drivers.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PanelTest {

  @Test
  void a_dot_above_the_panel_levels_is_refused_with_its_place() {
    byte[] dots = new byte[Panel.DOTS];
    dots[Panel.DOTS - 5] = 32;
    assertThatThrownBy(() -> new Panel(PanelColour.CYAN, 32, dots))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dot " + (Panel.DOTS - 5) + " has level 32 of 32");

    byte[] ink = new byte[Panel.DOTS];
    ink[0] = 2;
    assertThatThrownBy(() -> new Panel(PanelColour.BLACK, 2, ink))
        .hasMessage("dot 0 has level 2 of 2");
    ink[0] = (byte) 0xFF;
    assertThatThrownBy(() -> new Panel(PanelColour.BLACK, 2, ink))
        .hasMessage("dot 0 has level 255 of 2");
  }

  @Test
  void every_level_below_the_count_is_accepted() {
    byte[] dots = new byte[Panel.DOTS];
    for (int i = 0; i < dots.length; i++) {
      dots[i] = (byte) (i % 128);
    }
    assertThat(new Panel(PanelColour.MAGENTA, 128, dots).dots()).isSameAs(dots);
    assertThatThrownBy(() -> new Panel(PanelColour.MAGENTA, 64, dots))
        .hasMessage("dot 64 has level 64 of 64");
    assertThatThrownBy(() -> new Panel(PanelColour.MAGENTA, 3, dots))
        .hasMessageContaining("levels must be 2, 32, 64 or 128");
  }
}
