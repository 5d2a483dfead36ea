package org.cetak.sim.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.cetak.sim.RawHost;
import org.cetak.sim.card.Condition;
import org.cetak.sim.card.Place;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.link.InMemoryEndpoint;
import org.cetak.sim.link.InMemoryPort;
import org.cetak.sim.time.VirtualTimeline;
import org.cetak.sim.truth.GroundTruth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VendorPersonalityTest {

  private final GroundTruth truth = new GroundTruth();
  private SimulatedPrinter printer;
  private InMemoryPort port;
  private RawHost host;

  private void connect(boolean ackNack, int blanks) {
    printer =
        new SimulatedPrinter(
            PrinterConfig.builder("PRN-V")
                .blanks(blanks)
                .deadChipRate(0)
                .personality(PrinterConfig.Personality.EVOLIS)
                .ackNack(ackNack)
                .build(),
            new VirtualTimeline(Instant.parse("2026-01-05T01:00:00Z")),
            FaultPlan.none(),
            truth);
    port = InMemoryEndpoint.connect(printer);
    host = new RawHost(port.output(), port.input());
  }

  @AfterEach
  void close() {
    port.close();
  }

  @Test
  void refuses_the_cetak_status_line_as_an_unknown_command() throws Exception {
    connect(false, 5);
    assertThat(host.ask("Rst")).isEqualTo("ERR COMMAND");
  }

  @Test
  void answers_the_vendor_reads_from_its_own_model() throws Exception {
    connect(false, 5);
    assertThat(host.ask("Rok")).isEqualTo("OK");
    assertThat(host.ask("Rse;f")).isEqualTo("5,00 Volts");
    assertThat(host.ask("Rse;n")).isEqualTo("5,00 Volts");
    assertThat(host.ask("Rse;o")).isEqualTo("0,00 Volts");
    assertThat(host.ask("Rse;p")).isEqualTo("0,00 Volts");
    assertThat(host.ask("Rrt;count")).isEqualTo("300");
    assertThat(host.ask("Sic")).isEqualTo("OK");
    assertThat(host.ask("Rse;p")).isEqualTo("5,00 Volts");
    assertThat(host.ask("Rlr;p")).isEqualTo("ERR CARD");
    assertThat(host.ask("Rco;c")).isEqualTo("10001");
    printer.openCover();
    assertThat(host.ask("Rse;o")).isEqualTo("5,00 Volts");
  }

  @Test
  void reports_its_error_state_through_rok_until_it_is_cleared() throws Exception {
    connect(false, 0);
    assertThat(host.ask("Sic")).isEqualTo("ERR FEEDER EMPTY");
    assertThat(host.ask("Rok")).isEqualTo("ERR FEEDER EMPTY");
    assertThat(host.ask("Rse;f")).isEqualTo("0,00 Volts");
    printer.loadBlanks(3);
    assertThat(host.ask("Rok")).isEqualTo("OK");
  }

  @Test
  void in_ack_nack_mode_acts_with_ack_and_refuses_with_a_nack_code() throws Exception {
    connect(false, 1);
    assertThat(host.ask("Pcom;1;115200;N;8;1;ACK/NACK;E")).isEqualTo("ACK");
    assertThat(host.ask("Sic")).isEqualTo("ACK");
    assertThat(host.ask("Rco;c")).isEqualTo("10001");
    assertThat(host.ask("Rst")).isEqualTo("NACK;1");
    assertThat(host.ask("Pmi;X")).isEqualTo("NACK;2");
    printer.openCover();
    assertThat(host.ask("Ser")).isEqualTo("NACK;C");
    printer.closeCover();
    assertThat(host.ask("Ser")).isEqualTo("ACK");
    assertThat(host.ask("Sic")).isEqualTo("NACK;F");
  }

  @Test
  void a_port_set_back_to_no_protocol_answers_ok_again() throws Exception {
    connect(true, 1);
    assertThat(host.ask("Pr;ymcko")).isEqualTo("ACK");
    assertThat(host.ask("Pcom;1;115200;N;8;1;NONE;E")).isEqualTo("OK");
    assertThat(host.ask("Pmi;B")).isEqualTo("OK");
  }

  @Test
  void prints_a_card_whose_k_panels_come_in_the_four_parameter_form() throws Exception {
    connect(false, 1);
    assertThat(host.ask("Pr;ymcko")).isEqualTo("OK");
    assertThat(host.ask("Pmi;B")).isEqualTo("OK");
    assertThat(host.ask("Sic")).isEqualTo("OK");
    assertThat(host.ask("Ss")).isEqualTo("OK");
    assertThat(host.ask("Sr")).isEqualTo("OK");
    assertThat(host.send(RawHost.panel("y", 32, RawHost.panelData(32, 1)))).isEqualTo("OK");
    assertThat(host.send(firstLine("k", 0, RawHost.compressedData()))).isEqualTo("OK");
    assertThat(host.send(firstLine("o", 1000, blankLines(16)))).isEqualTo("OK");
    host.sendRaw(RawHost.frame("Se"));
    host.sendRaw(new byte[64]); // the vendor's drivers pad the end of a job with NULs
    assertThat(host.reply()).isEqualTo("OK");
    assertThat(host.ask("Rlr;p")).isEqualTo("NO CARD");
    assertThat(truth.card("PRN-V", 1).orElseThrow().place()).isEqualTo(Place.HOPPER);
    assertThat(truth.card("PRN-V", 1).orElseThrow().condition()).isEqualTo(Condition.PRINTED);
    assertThat(truth.card("PRN-V", 1).orElseThrow().panels()).hasSize(3);
  }

  @Test
  void a_compressed_panel_in_the_three_parameter_form_is_a_bad_parameter() throws Exception {
    connect(false, 1);
    host.ask("Ss");
    assertThat(host.send(RawHost.compressed("k", RawHost.compressedData())))
        .isEqualTo("ERR PARAMETER");
  }

  private static byte[] firstLine(String panel, int first, byte[] data) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(0x1B);
    b.writeBytes(
        ("Dbc;" + panel + ";2;" + first + ";" + data.length + ";")
            .getBytes(StandardCharsets.US_ASCII));
    b.writeBytes(data);
    b.write(0x0D);
    return b.toByteArray();
  }

  private static byte[] blankLines(int n) {
    return new byte[n];
  }
}
