package org.cetak.drivers.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class VendorReadsTest {

  private static Reply reply(String text) {
    return Reply.parse(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static VendorReads reads(String rok, String rlr, String cover, String feeder) {
    return new VendorReads(
        reply(rok),
        reply(rlr),
        reply(cover),
        reply(feeder),
        reply("10001"),
        reply("50006"),
        reply("299"));
  }

  @Test
  void an_idle_printer_is_ready_with_nothing_inside() {
    PrinterStatus status =
        reads("OK", "NO CARD", "0,00 Volts", "5,00 Volts").status(VendorReads.Seen.NOTHING);

    assertThat(status.position()).isEqualTo(CardPosition.NONE);
    assertThat(status.state()).isEqualTo(PrinterState.READY);
    assertThat(status.lastError()).isEmpty();
    assertThat(status.feeder()).isEqualTo(1);
    assertThat(status.coverOpen()).isFalse();
    assertThat(status.ribbonLeft()).isEqualTo(299);
    assertThat(status.picked()).isEqualTo(10001);
    assertThat(status.panelsPrinted()).isEqualTo(OptionalLong.of(50006));
  }

  @Test
  void a_card_inside_is_where_the_driver_put_it() {
    PrinterStatus status =
        reads("OK", "ERR CARD", "0,00 Volts", "5,00 Volts")
            .status(new VendorReads.Seen(CardPosition.CONTACTLESS, 0, 0));

    assertThat(status.position()).isEqualTo(CardPosition.CONTACTLESS);
  }

  @Test
  void a_card_inside_that_the_driver_did_not_put_there_is_at_the_print_position() {
    PrinterStatus status =
        reads("OK", "ERR CARD", "0,00 Volts", "5,00 Volts").status(VendorReads.Seen.NOTHING);

    assertThat(status.position()).isEqualTo(CardPosition.PRINT);
  }

  @Test
  void a_mechanical_error_with_a_card_inside_is_a_jam() {
    PrinterStatus status =
        reads("ERR MECHANICAL", "ERR CARD", "0,00 Volts", "5,00 Volts")
            .status(new VendorReads.Seen(CardPosition.PRINT, 0, 0));

    assertThat(status.position()).isEqualTo(CardPosition.JAMMED);
    assertThat(status.state()).isEqualTo(PrinterState.ERROR);
    assertThat(status.lastError()).contains(PrinterCondition.MECHANICAL);
  }

  @Test
  void a_hot_head_is_cooling_not_an_error() {
    PrinterStatus status =
        reads("ERR HEAD TEMP", "NO CARD", "0,00 Volts", "5,00 Volts")
            .status(VendorReads.Seen.NOTHING);

    assertThat(status.state()).isEqualTo(PrinterState.COOLING);
    assertThat(status.lastError()).contains(PrinterCondition.HEAD_TEMP);
  }

  @Test
  void high_voltage_on_the_cover_sensor_is_an_open_cover_and_none_on_the_feeder_an_empty_one() {
    PrinterStatus status =
        reads("NACK;C", "NO CARD", "4,98 Volts", "0.02 V").status(VendorReads.Seen.NOTHING);

    assertThat(status.coverOpen()).isTrue();
    assertThat(status.feeder()).isZero();
    assertThat(status.lastError()).contains(PrinterCondition.COVER_OPEN);
  }

  @Test
  void boxes_count_what_the_driver_saw_and_have_no_capacity() {
    PrinterStatus status =
        reads("OK", "NO CARD", "0,00 Volts", "5,00 Volts")
            .status(new VendorReads.Seen(CardPosition.NONE, 7, 2));

    assertThat(status.hopper().count()).isEqualTo(7);
    assertThat(status.rejectBox().count()).isEqualTo(2);
    assertThat(status.hopper().full()).isFalse();
  }

  @Test
  void firmware_without_a_ribbon_count_tells_only_whether_the_ribbon_has_ended() {
    assertThat(VendorReads.ribbonLeft(reply("OK"))).isEqualTo(1);
    assertThat(VendorReads.ribbonLeft(reply("ERR RIBBON"))).isZero();
  }

  @Test
  void a_card_sensor_reply_that_is_neither_answer_is_a_protocol_error() {
    assertThatThrownBy(() -> VendorReads.inside(reply("MAYBE")))
        .isInstanceOf(PrinterProtocolException.class);
    assertThatThrownBy(() -> VendorReads.volts(reply("OK")))
        .isInstanceOf(PrinterProtocolException.class);
  }

  @Test
  void ack_and_nack_parse_to_ok_and_the_codes_conditions() {
    assertThat(reply("ACK")).isInstanceOf(Reply.Ok.class);
    assertThat(((Reply.Refused) reply("NACK;1")).condition()).isEqualTo(PrinterCondition.COMMAND);
    assertThat(((Reply.Refused) reply("NACK;2")).condition()).isEqualTo(PrinterCondition.PARAMETER);
    assertThat(((Reply.Refused) reply("NACK;T")).condition())
        .isEqualTo(PrinterCondition.MECHANICAL);
    assertThat(((Reply.Refused) reply("NACK;C")).condition())
        .isEqualTo(PrinterCondition.COVER_OPEN);
    assertThat(((Reply.Refused) reply("NACK;F")).condition()).isEqualTo(PrinterCondition.FEEDER);
    assertThat(((Reply.Refused) reply("NACK;R")).condition()).isEqualTo(PrinterCondition.RIBBON);
    assertThat(((Reply.Refused) reply("NACK;K")).condition())
        .isEqualTo(PrinterCondition.UNRECOGNISED);
  }

  @Test
  void a_nack_without_exactly_one_code_is_a_protocol_error() {
    assertThatThrownBy(() -> reply("NACK")).isInstanceOf(PrinterProtocolException.class);
    assertThatThrownBy(() -> reply("NACK;12")).isInstanceOf(PrinterProtocolException.class);
  }

  @Test
  void the_dialect_is_read_from_its_configuration_word() {
    assertThat(PrinterDialect.of("evolis")).contains(PrinterDialect.EVOLIS);
    assertThat(PrinterDialect.of(" Cetak ")).contains(PrinterDialect.CETAK);
    assertThat(PrinterDialect.of("zebra")).isEqualTo(Optional.empty());
  }
}
