package org.cetak.printing.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cetak.cli.CommandRun;
import org.cetak.sim.chip.CetakSimProvider;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.link.TcpEndpoint;
import org.cetak.sim.printer.PrinterConfig;
import org.cetak.sim.printer.SessionOptions;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.time.ScaledTimeline;
import org.cetak.sim.time.Sleeper;
import org.cetak.sim.truth.GroundTruth;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./cetak devices} against a vendor printer of the simulator behind a socat pseudo-terminal
 * and the simulator's chip reader.
 */
class DevicesCommandTest {

  @Test
  void lists_a_serial_printer_with_its_identity_and_dialect_and_a_reader_with_its_card(
      @TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/socat")), "socat is not installed: skipped");
    SimulatedPrinter printer =
        new SimulatedPrinter(
            PrinterConfig.builder("PRN-D")
                .blanks(3)
                .deadChipRate(0)
                .personality(PrinterConfig.Personality.EVOLIS)
                .build(),
            new ScaledTimeline(0.01, Instant.parse("2026-11-24T02:00:00Z"), Sleeper.real()),
            new FaultPlan(Map.of(), List.of(), 3),
            new GroundTruth());
    Path tty = dir.resolve("ttyUSB0");
    try (TcpEndpoint endpoint =
        TcpEndpoint.start(printer, "127.0.0.1", 0, SessionOptions.defaults())) {
      Process socat =
          new ProcessBuilder(
                  "/usr/bin/socat",
                  "pty,raw,echo=0,link=" + tty,
                  "tcp:127.0.0.1:" + endpoint.port() + ",nodelay")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      try {
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(tty));
        StringWriter out = new StringWriter();
        CommandLine cli =
            new CommandLine(
                new DevicesCommand(CetakSimProvider.factory(List.of(printer)), CommandRun.text()));
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("--port", tty.toString(), "--timeout", "PT2S");

        assertThat(exit).isZero();
        assertThat(out.toString())
            .contains(tty.toString())
            .contains("printer Primacy, nomor seri / serial SIM-PRN-D")
            .contains("dialect: evolis")
            .contains("Cetak Sim Reader PRN-D")
            .contains("tanpa kartu / no card");
      } finally {
        socat.destroy();
        socat.waitFor();
      }
    }
  }

  @Test
  void lists_without_asking_under_headings_in_indonesian_and_english(@TempDir Path dir) {
    String port = dir.resolve("ttyUSB9").toString();

    CommandRun run =
        CommandRun.of(
            new DevicesCommand(CetakSimProvider.factory(List.of()), CommandRun.text()),
            "--no-probe",
            "--port",
            port);

    assertThat(run.exit()).isZero();
    assertThat(run.out().lines())
        .containsExactly(
            "Port serial / serial ports:",
            "  " + port,
            "Pembaca PC/SC / PC/SC readers:",
            "  (tidak ada / none)");
  }
}
