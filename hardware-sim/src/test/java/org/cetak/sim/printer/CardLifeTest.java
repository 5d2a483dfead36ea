package org.cetak.sim.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.cetak.sim.RawHost;
import org.cetak.sim.card.CardSnapshot;
import org.cetak.sim.card.Condition;
import org.cetak.sim.card.Place;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.link.InMemoryEndpoint;
import org.cetak.sim.link.InMemoryPort;
import org.cetak.sim.time.VirtualTimeline;
import org.cetak.sim.truth.GroundTruth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CardLifeTest {

  private final GroundTruth truth = new GroundTruth();
  private SimulatedPrinter printer;
  private InMemoryPort port;
  private RawHost host;

  @BeforeEach
  void connect() {
    printer =
        new SimulatedPrinter(
            PrinterConfig.builder("PRN-1").blanks(5).deadChipRate(0).build(),
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
  void identity_queries_answer_text() throws Exception {
    assertThat(host.ask("Rtp")).isEqualTo("Primacy");
    assertThat(host.ask("Rsn")).isEqualTo("SIM-PRN-1");
    assertThat(host.ask("Rco;c")).isEqualTo("10000");
    assertThat(host.ask("Rlr;p")).isEqualTo("NO CARD");
    assertThat(host.ask("Rcr")).isEqualTo("OK");
  }

  @Test
  void a_card_goes_from_feeder_through_chip_station_and_print_to_the_hopper() throws Exception {
    assertThat(host.ask("Sic")).isEqualTo("OK");
    assertThat(host.ask("Rst")).startsWith("OK;POS=CONTACTLESS;STATE=READY;ERR=NONE;FEED=4;");
    assertThat(host.ask("Rlr;p")).isEqualTo("ERR CARD");

    assertThat(host.printColourCard()).isEqualTo("OK");

    assertThat(host.ask("Rst")).contains("POS=NONE", "FEED=4", "HOP=1/100", "PICKED=10001");
    assertThat(host.ask("Rco;c")).isEqualTo("10001");
    assertThat(host.ask("Rco;p")).isEqualTo("50006");
    CardSnapshot card = truth.card("PRN-1", 1).orElseThrow();
    assertThat(card.place()).isEqualTo(Place.HOPPER);
    assertThat(card.condition()).isEqualTo(Condition.PRINTED);
    assertThat(card.path())
        .extracting(v -> v.place())
        .containsExactly(Place.FEEDER, Place.CONTACTLESS, Place.PRINT, Place.HOPPER);
    assertThat(card.panels()).hasSize(6);
    assertThat(card.panels().get(0).sha256()).isEqualTo(sha(RawHost.panelData(32, 1)));
    assertThat(card.panels().get(4).sha256()).isEqualTo(sha(RawHost.compressedBitmap()));
    assertThat(card.panels().get(5).side()).isEqualTo("back");
  }

  @Test
  void a_command_that_finds_a_card_inside_moves_it_and_never_picks_another() throws Exception {
    host.ask("Sic");
    host.ask("Si");
    host.ask("Sic");
    host.ask("Ss");

    assertThat(host.ask("Rco;c")).isEqualTo("10001");
    assertThat(truth.card("PRN-1", 2).orElseThrow().place()).isEqualTo(Place.FEEDER);
    assertThat(truth.card("PRN-1", 1).orElseThrow().place()).isEqualTo(Place.PRINT);
  }

  @Test
  void reject_sends_the_card_to_the_reject_box() throws Exception {
    host.ask("Sic");
    assertThat(host.ask("Ser")).isEqualTo("OK");
    assertThat(host.ask("Ser")).isEqualTo("ERR NO CARD");
    assertThat(host.ask("Rst")).contains("POS=NONE", "REJ=1/30", "ERR=NONE");
    assertThat(truth.card("PRN-1", 1).orElseThrow().place()).isEqualTo(Place.REJECT_BOX);
  }

  @Test
  void an_empty_feeder_is_an_error_and_picks_nothing() throws Exception {
    for (int i = 0; i < 5; i++) {
      host.ask("Sic");
      host.ask("Ser");
    }
    assertThat(host.ask("Sic")).isEqualTo("ERR FEEDER EMPTY");
    assertThat(host.ask("Rst")).contains("POS=NONE", "STATE=ERROR", "ERR=FEEDER_EMPTY", "FEED=0");
    printer.loadBlanks(1);
    assertThat(host.ask("Sic")).isEqualTo("OK");
  }

  @Test
  void after_a_software_reset_the_sequence_is_gone_and_the_card_stays() throws Exception {
    host.ask("Ss");
    assertThat(host.ask("Srs")).isEqualTo("OK");
    assertThat(host.ask("Sr")).isEqualTo("ERR COMMAND");
    assertThat(host.ask("Rst")).contains("POS=PRINT");
    assertThat(host.ask("Se")).isEqualTo("OK");
    assertThat(truth.card("PRN-1", 1).orElseThrow().condition()).isEqualTo(Condition.BLANK);
  }

  @Test
  void nul_padding_between_requests_is_skipped() throws Exception {
    host.sendRaw(new byte[] {0, 0, 0});
    assertThat(host.ask("Rtp")).isEqualTo("Primacy");
    host.sendRaw(new byte[] {0});
    assertThat(host.ask("Rfv")).isEqualTo("F0.CETAK.SIM-1");
  }

  private static String sha(byte[] d) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(d));
  }
}
