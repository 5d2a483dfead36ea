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

  @Test
  void four_parameter_dbc_starts_at_the_first_line_that_is_not_blank() {
    byte[] dots = new byte[Panel.DOTS];
    dots[10 * Panel.WIDTH] = 1; // line 10, first dot
    Panel panel = new Panel(PanelColour.BLACK, 2, dots);

    byte[] request = PrinterCommands.compressedPanelFromLine(panel);

    // lines 10..1015: line 10 is one data byte (header 1, then 0x80), the rest one 00 each
    int bytes = 2 + (Panel.HEIGHT - 11);
    byte[] header = ("\u001bDbc;k;2;10;" + bytes + ";").getBytes(StandardCharsets.US_ASCII);
    assertThat(Arrays.copyOf(request, header.length)).isEqualTo(header);
    assertThat(request[header.length]).isEqualTo((byte) 1);
    assertThat(request[header.length + 1]).isEqualTo((byte) 0x80);
    assertThat(request).hasSize(header.length + bytes + 1);
  }

  @Test
  void a_blank_panel_in_the_four_parameter_form_still_sends_its_last_line() {
    byte[] request = PrinterCommands.compressedPanelFromLine(Panel.blank(PanelColour.OVERLAY, 2));

    assertThat(new String(request, StandardCharsets.US_ASCII)).startsWith("\u001bDbc;o;2;1015;1;");
  }

  @Test
  void the_end_of_a_job_is_se_padded_with_nul_bytes() {
    byte[] request = PrinterCommands.endOfJob(4);

    assertThat(request).containsExactly(0x1B, 'S', 'e', 0x0D, 0, 0, 0, 0);
  }
}
