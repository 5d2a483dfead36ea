package org.cetak.drivers.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.cetak.drivers.printer.PanelColour;
import org.cetak.drivers.printer.PrinterCommands;
import org.cetak.drivers.printer.TestPanels;
import org.junit.jupiter.api.Test;

class TranscriptTest {

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** A device that answers OK to everything except Se, which it never answers. */
  private static final Transport DEVICE =
      new Transport() {
        @Override
        public byte[] transceive(byte[] request, Duration timeout) {
          if (WireText.render(request).equals("\\eSe\\r")) {
            throw new TransportTimeoutException("dev", timeout, "Se");
          }
          return ascii("OK");
        }

        @Override
        public String name() {
          return "dev";
        }

        @Override
        public void close() {}
      };

  @Test
  void recorded_session_replays_with_panel_data_only_as_digest() {
    StringWriter text = new StringWriter();
    byte[] panel = PrinterCommands.panel(TestPanels.panel(PanelColour.YELLOW, 32, 4));
    try (Transport recording = new RecordingTransport(DEVICE, text)) {
      recording.transceive(ascii("\u001bSs\r"), Duration.ofSeconds(1));
      recording.transceive(panel, Duration.ofSeconds(1));
      assertThatThrownBy(() -> recording.transceive(ascii("\u001bSe\r"), Duration.ofSeconds(1)))
          .isInstanceOf(TransportTimeoutException.class);
    }

    assertThat(text.toString())
        .contains("> \\eDb;y;32;<data 411480 bytes sha256=")
        .contains("! timeout")
        .hasSizeLessThan(1000);

    ReplayTransport replay = ReplayTransport.from("replay", new StringReader(text.toString()));
    assertThat(replay.transceive(ascii("\u001bSs\r"), Duration.ofSeconds(1)))
        .isEqualTo(ascii("OK"));
    assertThat(replay.transceive(panel, Duration.ofSeconds(1))).isEqualTo(ascii("OK"));
    assertThatThrownBy(() -> replay.transceive(ascii("\u001bSe\r"), Duration.ofSeconds(1)))
        .isInstanceOf(TransportTimeoutException.class);
    assertThat(replay.remaining()).isZero();
  }

  @Test
  void a_different_request_is_a_replay_mismatch() {
    ReplayTransport replay =
        ReplayTransport.from("t", new StringReader("> \\eRst\\r\n< OK;POS=NONE\n"));

    assertThatThrownBy(() -> replay.transceive(ascii("\u001bSic\r"), Duration.ofSeconds(1)))
        .isInstanceOf(ReplayMismatchException.class)
        .hasMessageContaining("expected \\eRst\\r but got \\eSic\\r");
  }

  @Test
  void wire_text_escapes_round_trip() {
    byte[] odd = {0x1B, 'a', 0x0D, 0x0A, 0, '\\', '<', (byte) 0xFE};

    assertThat(WireText.render(odd)).isEqualTo("\\ea\\r\\n\\0\\\\\\x3C\\xFE");
    assertThat(WireText.parse(WireText.render(odd))).isEqualTo(odd);
  }

  @Test
  void print_stream_capture_holds_every_byte_sent() {
    ByteArrayOutputStream capture = new ByteArrayOutputStream();
    Transport capturing = new CapturingTransport(DEVICE, capture);
    byte[] panel = PrinterCommands.compressedPanel(TestPanels.panel(PanelColour.BLACK, 2, 2));

    capturing.transceive(ascii("\u001bSs\r"), Duration.ofSeconds(1));
    capturing.transceive(panel, Duration.ofSeconds(1));

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(ascii("\u001bSs\r"));
    expected.writeBytes(panel);
    assertThat(capture.toByteArray()).isEqualTo(expected.toByteArray());
  }
}
