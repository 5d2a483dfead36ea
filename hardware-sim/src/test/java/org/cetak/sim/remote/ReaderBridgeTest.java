package org.cetak.sim.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;
import org.cetak.sim.RawHost;
import org.cetak.sim.chip.CetakSimProvider;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.link.InMemoryEndpoint;
import org.cetak.sim.link.InMemoryPort;
import org.cetak.sim.printer.PrinterConfig;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.time.VirtualTimeline;
import org.cetak.sim.truth.GroundTruth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReaderBridgeTest {

  private final GroundTruth truth = new GroundTruth();
  private InMemoryPort port;
  private RawHost host;
  private ReaderBridge bridge;
  private CardTerminal remote;

  @BeforeEach
  void setUp() throws Exception {
    SimulatedPrinter printer =
        new SimulatedPrinter(
            PrinterConfig.builder("PRN-7").blanks(3).deadChipRate(0).build(),
            new VirtualTimeline(Instant.parse("2026-01-05T01:00:00Z")),
            new FaultPlan(Map.of(), List.of(), 3),
            truth);
    port = InMemoryEndpoint.connect(printer);
    host = new RawHost(port.output(), port.input());
    bridge = ReaderBridge.start(CetakSimProvider.factory(List.of(printer)), 0);
    TerminalFactory factory = RemoteReaders.factory(bridge.port());
    remote = factory.terminals().list().get(0);
  }

  @AfterEach
  void tearDown() {
    bridge.close();
    port.close();
  }

  @Test
  void remote_reader_is_named_after_the_printer_and_sees_no_card_until_one_is_parked()
      throws Exception {
    assertThat(remote.getName()).isEqualTo("Cetak Sim Reader PRN-7");
    assertThat(remote.isCardPresent()).isFalse();
    assertThatThrownBy(() -> remote.connect("*")).isInstanceOf(CardNotPresentException.class);
    assertThat(remote.waitForCardPresent(30)).isFalse();
  }

  @Test
  void remote_reader_reads_the_uid_of_the_card_parked_in_the_other_process() throws Exception {
    host.ask("Sic");

    assertThat(remote.waitForCardPresent(1000)).isTrue();
    Card card = remote.connect("*");
    ResponseAPDU uid = card.getBasicChannel().transmit(new CommandAPDU(0xFF, 0xCA, 0, 0, 256));

    assertThat(uid.getSW()).isEqualTo(0x9000);
    assertThat(HexFormat.of().withUpperCase().formatHex(uid.getData()))
        .isEqualTo(truth.card("PRN-7", 1).orElseThrow().uid());
    card.disconnect(true);
  }

  @Test
  void a_vanished_bridge_looks_like_a_stopped_pcsc_service() {
    bridge.close();
    assertThatThrownBy(() -> remote.isCardPresent())
        .isInstanceOf(CardException.class)
        .hasMessageContaining("NO_SERVICE");
  }
}
