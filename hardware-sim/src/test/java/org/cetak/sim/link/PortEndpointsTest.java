package org.cetak.sim.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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
import org.cetak.sim.time.VirtualTimeline;
import org.cetak.sim.truth.GroundTruth;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PortEndpointsTest {

  private final SessionOptions options =
      SessionOptions.defaults().withPortDown(Duration.ofMillis(300));

  private SimulatedPrinter printer(ScriptedFault... script) {
    return new SimulatedPrinter(
        PrinterConfig.builder("PRN-9").blanks(5).deadChipRate(0).build(),
        new VirtualTimeline(Instant.parse("2026-01-05T01:00:00Z")),
        new FaultPlan(Map.of(), List.of(script), 1),
        new GroundTruth());
  }

  @Test
  void tcp_port_serves_the_protocol_and_disappears_then_returns_on_disconnect() throws Exception {
    SimulatedPrinter p = printer(new ScriptedFault(1, FaultType.DISCONNECT, "Sic"));
    try (TcpEndpoint tcp = TcpEndpoint.start(p, "127.0.0.1", 0, options)) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), tcp.port())) {
        RawHost host = new RawHost(s.getOutputStream(), s.getInputStream());
        assertThat(host.ask("Rtp")).isEqualTo("Primacy");
        host.sendRaw(RawHost.frame("Sic"));
        assertThat(host.reply()).as("connection dropped").isNull();
      }
      assertThat(tcp.listening()).isFalse();
      Thread.sleep(600);
      assertThat(tcp.listening()).isTrue();
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), tcp.port())) {
        RawHost host = new RawHost(s.getOutputStream(), s.getInputStream());
        assertThat(host.ask("Rst")).as("the Sic was done").contains("POS=CONTACTLESS");
      }
    }
  }

  @Test
  void pty_link_appears_serves_and_really_vanishes_on_disconnect() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat is not installed");
    Path link = Path.of("/tmp/ttyCetakSimTest" + ProcessHandle.current().pid());
    SimulatedPrinter p = printer(new ScriptedFault(1, FaultType.DISCONNECT, "Sic"));
    try (PtyEndpoint pty = PtyEndpoint.start(p, link.toString(), options)) {
      try (FileOutputStream out = new FileOutputStream(link.toFile());
          FileInputStream in = new FileInputStream(link.toFile())) {
        RawHost host = new RawHost(out, in);
        assertThat(host.ask("Rtp")).isEqualTo("Primacy");
        host.sendRaw(RawHost.frame("Sic"));
        long end = System.nanoTime() + 3_000_000_000L;
        while (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && System.nanoTime() < end) {
          Thread.sleep(10);
        }
        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).as("pty gone").isFalse();
      }
      assertThat(pty.awaitLink(5_000)).as("pty back").isTrue();
      try (FileOutputStream out = new FileOutputStream(link.toFile());
          FileInputStream in = new FileInputStream(link.toFile())) {
        assertThat(new RawHost(out, in).ask("Rst")).contains("POS=CONTACTLESS");
      }
    }
    assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).as("closed: socat stopped").isFalse();
  }
}
