package org.cetak.drivers.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PrinterCommandsTest {

  @Test
  void command_is_esc_name_parameters_cr_as_in_the_guide() {
    assertThat(PrinterCommands.command("Rco", "c"))
        .containsExactly(0x1B, 0x52, 0x63, 0x6F, 0x3B, 0x63, 0x0D);
  }

  @Test
  void a_parameter_cannot_smuggle_a_separator() {
    assertThatThrownBy(() -> PrinterCommands.command("Pr", "ymcko;x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void db_carries_the_packed_panel_after_its_header_then_cr() {
    Panel panel = TestPanels.panel(PanelColour.YELLOW, 32, 9);

    byte[] request = PrinterCommands.panel(panel);

    byte[] header = "\u001bDb;y;32;".getBytes(StandardCharsets.US_ASCII);
    assertThat(Arrays.copyOf(request, header.length)).isEqualTo(header);
    assertThat(request).hasSize(header.length + 411_480 + 1);
    assertThat(request[request.length - 1]).isEqualTo((byte) 0x0D);
    assertThat(Arrays.copyOfRange(request, header.length, request.length - 1))
        .isEqualTo(PanelCodec.pack(panel));
  }

  @Test
  void dbc_announces_the_length_of_its_compressed_data() {
    Panel panel = Panel.blank(PanelColour.OVERLAY, 2);

    byte[] request = PrinterCommands.compressedPanel(panel);

    // a blank panel compresses to one 00 per line
    byte[] header = ("\u001bDbc;o;2;" + Panel.HEIGHT + ";").getBytes(StandardCharsets.US_ASCII);
    assertThat(Arrays.copyOf(request, header.length)).isEqualTo(header);
    assertThat(request).hasSize(header.length + Panel.HEIGHT + 1);
  }

  @Test
  void colour_panels_are_never_sent_compressed() {
    assertThatThrownBy(() -> PrinterCommands.compressedPanel(Panel.blank(PanelColour.MAGENTA, 32)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PrinterCommands.bestPanel(Panel.blank(PanelColour.MAGENTA, 32))[2])
        .isEqualTo((byte) 'b');
  }
}
