package org.cetak.drivers.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyParsingTest {

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void ok_error_and_value_replies() {
    assertThat(Reply.parse(ascii("OK"))).isEqualTo(new Reply.Ok());
    assertThat(Reply.parse(ascii("ERR COVER OPEN")))
        .isEqualTo(new Reply.Refused(PrinterCondition.COVER_OPEN, "COVER OPEN"));
    assertThat(Reply.parse(ascii("ERR FEEDER EMPTY")))
        .isEqualTo(new Reply.Refused(PrinterCondition.FEEDER_EMPTY, "FEEDER EMPTY"));
    assertThat(Reply.parse(ascii("Primacy"))).isEqualTo(new Reply.Value("Primacy"));
  }

  @Test
  void an_error_reason_we_do_not_know_is_kept_as_unrecognised() {
    assertThat(Reply.parse(ascii("ERR RIB DETECTION")))
        .isEqualTo(new Reply.Refused(PrinterCondition.UNRECOGNISED, "RIB DETECTION"));
  }

  @Test
  void empty_binary_and_reasonless_replies_are_protocol_errors() {
    assertThatThrownBy(() -> Reply.parse(new byte[0])).isInstanceOf(PrinterProtocolException.class);
    assertThatThrownBy(() -> Reply.parse(new byte[] {'O', (byte) 0xCB}))
        .isInstanceOf(PrinterProtocolException.class)
        .hasMessageContaining("\\xCB");
    assertThatThrownBy(() -> Reply.parse(ascii("ERR")))
        .isInstanceOf(PrinterProtocolException.class);
  }

  @Test
  void status_line_is_parsed_into_a_record() {
    PrinterStatus status =
        PrinterStatus.parse(
            ascii(
                "OK;POS=CONTACTLESS;STATE=ERROR;ERR=HOPPER_FULL;FEED=41;RIB=250;REJ=2/30;"
                    + "HOP=100/100;COVER=CLOSED;TEMP=48;PICKED=10001"));

    assertThat(status)
        .isEqualTo(
            new PrinterStatus(
                CardPosition.CONTACTLESS,
                PrinterState.ERROR,
                Optional.of(PrinterCondition.HOPPER_FULL),
                41,
                250,
                new PrinterStatus.Fill(2, 30),
                new PrinterStatus.Fill(100, 100),
                false,
                48,
                10001,
                java.util.OptionalLong.empty()));
    assertThat(status.hopper().full()).isTrue();
  }

  @Test
  void unknown_status_fields_are_ignored_in_any_order() {
    PrinterStatus status =
        PrinterStatus.parse(
            ascii(
                "OK;PICKED=7;HUMIDITY=40;POS=NONE;STATE=READY;ERR=NONE;FEED=1;RIB=2;REJ=0/30;"
                    + "HOP=0/100;COVER=OPEN;TEMP=35;LAMP=ON"));

    assertThat(status.picked()).isEqualTo(7);
    assertThat(status.coverOpen()).isTrue();
    assertThat(status.lastError()).isEmpty();
  }

  @Test
  void a_status_missing_a_field_or_with_a_bad_value_is_a_protocol_error() {
    assertThatThrownBy(
            () ->
                PrinterStatus.parse(
                    ascii(
                        "OK;POS=NONE;STATE=READY;ERR=NONE;FEED=1;RIB=2;REJ=0/30;HOP=0/100;COVER=OPEN;TEMP=35")))
        .isInstanceOf(PrinterProtocolException.class)
        .hasMessageContaining("PICKED");
    assertThatThrownBy(
            () ->
                PrinterStatus.parse(
                    ascii(
                        "OK;POS=FLOOR;STATE=READY;ERR=NONE;FEED=1;RIB=2;REJ=0/30;HOP=0/100;COVER=OPEN;TEMP=35;PICKED=1")))
        .isInstanceOf(PrinterProtocolException.class);
    assertThatThrownBy(() -> PrinterStatus.parse(ascii("OK")))
        .isInstanceOf(PrinterProtocolException.class);
  }
}
