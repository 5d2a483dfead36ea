package org.cetak.sim.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cetak.sim.RawHost;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.fault.FaultType;
import org.cetak.sim.fault.ScriptedFault;
import org.cetak.sim.printer.PrinterConfig;
import org.cetak.sim.printer.SessionOptions;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.printer.TimingProfile;
import org.cetak.sim.time.ScaledTimeline;
import org.cetak.sim.time.Sleeper;
import org.cetak.sim.truth.GroundTruth;
import org.junit.jupiter.api.Test;

/**
 * A printer on TCP that reboots, seen from a host that polls its status the way an idle print
 * station does (many times a second) and that reconnects after it was restarted itself.
 */
class RebootOverTcpTest {

  private static final double SCALE = 0.01;

  /** The field reboot time at this scale, plus room for a busy machine. */
  private static final Duration REBOOTED =
      Duration.ofMillis(Math.round(TimingProfile.field().reboot().toMillis() * SCALE))
          .plusMillis(900);

  private static SimulatedPrinter printer(Map<FaultType, Double> rates, ScriptedFault... script) {
    return new SimulatedPrinter(
        PrinterConfig.builder("PRN-R").blanks(5).deadChipRate(0).build(),
        new ScaledTimeline(SCALE, Instant.parse("2026-11-24T02:00:00Z"), Sleeper.real()),
        new FaultPlan(rates, List.of(script), 9),
        new GroundTruth());
  }

  @Test
  void printer_rebooting_at_every_chance_answers_every_status_poll_and_reboots_on_a_pick()
      throws Exception {
    SimulatedPrinter p = printer(Map.of(FaultType.REBOOT, 1.0));
    try (TcpEndpoint tcp = TcpEndpoint.start(p, "127.0.0.1", 0, SessionOptions.defaults())) {
      try (Socket s = connect(tcp)) {
        RawHost host = new RawHost(s.getOutputStream(), s.getInputStream());
        for (int poll = 0; poll < 200; poll++) {
          assertThat(answer(host, "Rst")).as("status poll %d", poll).startsWith("OK;POS=NONE");
        }
        assertThat(answer(host, "Sic")).as("the pick rebooted the printer").isNull();
      }
      try (Socket s = connect(tcp)) {
        RawHost host = new RawHost(s.getOutputStream(), s.getInputStream());
        assertThat(answer(host, "Rst"))
            .as("status after the host reconnected")
            .startsWith("OK;POS=NONE;STATE=READY")
            .endsWith(";PICKED=" + p.config().pickedSinceManufacture());
      }
    }
    assertThat(p.truth().faults())
        .as("reboots struck")
        .extracting(f -> f.command())
        .containsExactly("Sic");
  }

  @Test
  void reboot_on_a_status_query_strikes_only_while_a_print_sequence_is_open() throws Exception {
    SimulatedPrinter p = printer(Map.of(), new ScriptedFault(1, FaultType.REBOOT, "Rst"));
    try (TcpEndpoint tcp = TcpEndpoint.start(p, "127.0.0.1", 0, SessionOptions.defaults());
        Socket s = connect(tcp)) {
      RawHost host = new RawHost(s.getOutputStream(), s.getInputStream());
      assertThat(answer(host, "Rst")).as("idle").startsWith("OK;POS=NONE");
      assertThat(answer(host, "Sic")).isEqualTo("OK");
      assertThat(answer(host, "Rst")).as("card parked").startsWith("OK;POS=CONTACTLESS");
      assertThat(answer(host, "Ss")).isEqualTo("OK");
      assertThat(answer(host, "Sr")).isEqualTo("OK");

      assertThat(answer(host, "Rst")).as("rebooted in the sequence").isNull();

      assertThat(answer(host, "Rst")).startsWith("OK;POS=PRINT;STATE=READY");
      assertThat(answer(host, "Sv")).as("the sequence is gone").isEqualTo("ERR COMMAND");
    }
  }

  private static Socket connect(TcpEndpoint tcp) throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), tcp.port());
    s.setSoTimeout(Math.toIntExact(REBOOTED.toMillis()));
    return s;
  }

  /** The reply to {@code request}, or null when none came within the reboot time. */
  private static String answer(RawHost host, String request) throws IOException {
    host.sendRaw(RawHost.frame(request));
    try {
      return host.reply();
    } catch (SocketTimeoutException e) {
      return null;
    }
  }
}
