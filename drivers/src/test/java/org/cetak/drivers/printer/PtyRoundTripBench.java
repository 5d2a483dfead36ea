package org.cetak.drivers.printer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cetak.drivers.testing.SocatPty;
import org.cetak.drivers.transport.Transport;
import org.cetak.drivers.transport.serial.SerialTransport;
import org.cetak.drivers.transport.tcp.TcpTransport;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.link.TcpEndpoint;
import org.cetak.sim.printer.PrinterConfig;
import org.cetak.sim.printer.SessionOptions;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.time.VirtualTimeline;
import org.cetak.sim.truth.GroundTruth;

/**
 * Round-trip time per command through jSerialComm on a socat pseudo-terminal (and, for comparison,
 * straight over TCP) to the simulator running in virtual time, so the figures are the wire and the
 * two programs, not the simulated mechanics. Prints median and p99 per command.
 *
 * <pre>./mvnw -q -pl drivers org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=org.cetak.drivers.printer.PtyRoundTripBench</pre>
 */
public final class PtyRoundTripBench {

  private PtyRoundTripBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    SimulatedPrinter printer =
        new SimulatedPrinter(
            PrinterConfig.builder("PRN-B")
                .blanks(100_000)
                .deadChipRate(0)
                .ribbonPrints(100_000)
                .build(),
            new VirtualTimeline(Instant.parse("2026-11-24T02:00:00Z")),
            FaultPlan.none(),
            new GroundTruth());
    try (TcpEndpoint endpoint =
            TcpEndpoint.start(printer, "127.0.0.1", 0, SessionOptions.defaults());
        SocatPty pty = SocatPty.toTcp(endpoint.port())) {
      try (Transport serial = SerialTransport.open(SerialTransport.Config.standard(pty.path()))) {
        run("pty (jSerialComm -> socat -> TCP -> simulator)", serial, rounds);
      }
      try (Transport tcp =
          TcpTransport.connect(
              new TcpTransport.Config("127.0.0.1", endpoint.port(), Duration.ofSeconds(2)))) {
        run("tcp (direct -> simulator)", tcp, rounds);
      }
    }
  }

  private static void run(String title, Transport transport, int rounds) {
    Map<String, byte[]> commands = new LinkedHashMap<>();
    commands.put("Rst", PrinterCommands.command("Rst"));
    commands.put("Rtp", PrinterCommands.command("Rtp"));
    commands.put("Rco;c", PrinterCommands.command("Rco", "c"));
    commands.put("Scs", PrinterCommands.command("Scs"));
    Duration timeout = Duration.ofSeconds(5);
    System.out.println(title + ", " + rounds + " rounds per command");
    for (Map.Entry<String, byte[]> command : commands.entrySet()) {
      for (int i = 0; i < 200; i++) {
        transport.transceive(command.getValue(), timeout); // warm-up
      }
      long[] nanos = new long[rounds];
      for (int i = 0; i < rounds; i++) {
        long t0 = System.nanoTime();
        transport.transceive(command.getValue(), timeout);
        nanos[i] = System.nanoTime() - t0;
      }
      print(command.getKey(), nanos);
    }
    // a whole card: Sic, Ss, Sr, 3 x Db (411 KB each), 2 x Dbc, Sv, Dbc, Se
    CardFaces faces = TestPanels.ymckoFrontKBack();
    List<byte[]> card = new java.util.ArrayList<>();
    card.add(PrinterCommands.command("Sic"));
    card.add(PrinterCommands.command("Ss"));
    card.add(PrinterCommands.command("Sr"));
    faces.front().forEach(p -> card.add(PrinterCommands.bestPanel(p)));
    card.add(PrinterCommands.command("Sv"));
    faces.back().forEach(p -> card.add(PrinterCommands.bestPanel(p)));
    card.add(PrinterCommands.command("Se"));
    int cards = Math.max(10, rounds / 100);
    long[] db = new long[cards * 3];
    long[] whole = new long[cards];
    for (int c = 0; c < cards; c++) {
      long start = System.nanoTime();
      int d = 0;
      for (byte[] request : card) {
        long t0 = System.nanoTime();
        byte[] reply = transport.transceive(request, timeout);
        if (!new String(reply, StandardCharsets.US_ASCII).equals("OK")) {
          throw new IllegalStateException(
              "printer said " + new String(reply, StandardCharsets.US_ASCII));
        }
        if (request[1] == 'D' && request[3] == ';') {
          db[c * 3 + d++] = System.nanoTime() - t0;
        }
      }
      whole[c] = System.nanoTime() - start;
    }
    print("Db (411,480 B)", db);
    print("whole card (12 cmds)", whole);
  }

  private static void print(String name, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double median = sorted[sorted.length / 2] / 1e6;
    double p99 =
        sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6;
    System.out.println(
        String.format(
            Locale.ROOT,
            "  %-22s median %8.3f ms   p99 %8.3f ms   (n=%d)",
            name,
            median,
            p99,
            nanos.length));
  }
}
