package org.cetak.drivers.printer;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cetak.drivers.transport.RecordingTransport;
import org.cetak.drivers.transport.StreamTransport;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.fault.FaultType;
import org.cetak.sim.fault.ScriptedFault;
import org.cetak.sim.link.InMemoryEndpoint;
import org.cetak.sim.link.InMemoryPort;
import org.cetak.sim.printer.PrinterConfig;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.time.ScaledTimeline;
import org.cetak.sim.time.Sleeper;
import org.cetak.sim.truth.GroundTruth;

/**
 * Records the transcripts under {@code src/test/resources/transcripts} from conversations with the
 * hardware-sim printer. Run it again when the protocol changes:
 *
 * <pre>./mvnw -q -pl drivers exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.cetak.drivers.printer.TranscriptRecorder -Dexec.args=src/test/resources/transcripts
 * </pre>
 */
public final class TranscriptRecorder {

  static final PrinterTimings TIMINGS =
      PrinterTimings.field()
          .scaled(0.01)
          .withRecovery(Duration.ofMillis(300), Duration.ofSeconds(3), Duration.ofMillis(20))
          .withLinkSpeed(20_000_000);

  private TranscriptRecorder() {}

  /** Cetak's transcripts tell the driver its dialect; the vendor's detect it, or not (ACK/NACK). */
  static java.util.Optional<PrinterDialect> dialect(
      PrinterConfig.Personality personality, boolean ackNack) {
    return switch (personality) {
      case CETAK -> java.util.Optional.of(PrinterDialect.CETAK);
      case EVOLIS ->
          ackNack ? java.util.Optional.of(PrinterDialect.EVOLIS) : java.util.Optional.empty();
    };
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/transcripts");
    Files.createDirectories(dir);
    record(
        dir.resolve("park-print-eject.txt"),
        List.of(),
        driver -> {
          driver.identify();
          driver.parkAtContactless();
          driver.print(TestPanels.ymckoFrontKBack());
          driver.pickCounter();
        });
    record(
        dir.resolve("lost-reply-to-park.txt"),
        List.of(new ScriptedFault(1, FaultType.NO_REPLY, "Sic")),
        CardPrinterDriver::parkAtContactless);
    record(
        dir.resolve("feeder-empty.txt"),
        List.of(ScriptedFault.of(1, FaultType.FEEDER_EMPTY)),
        CardPrinterDriver::parkAtContactless);
    record(
        dir.resolve("evolis-detect-park-print-eject.txt"),
        PrinterConfig.Personality.EVOLIS,
        false,
        List.of(),
        driver -> {
          driver.dialect();
          driver.identify();
          driver.parkAtContactless();
          driver.print(TestPanels.ymckoFrontKBack());
          driver.pickCounter();
        });
    record(
        dir.resolve("evolis-ack-nack-lost-reply-to-eject.txt"),
        PrinterConfig.Personality.EVOLIS,
        true,
        List.of(new ScriptedFault(1, FaultType.NO_REPLY, "Se")),
        driver -> {
          driver.parkAtContactless();
          driver.print(TestPanels.ymckoFrontKBack());
        });
  }

  private static void record(
      Path file, List<ScriptedFault> faults, Consumer<CardPrinterDriver> work) throws IOException {
    record(file, PrinterConfig.Personality.CETAK, false, faults, work);
  }

  private static void record(
      Path file,
      PrinterConfig.Personality personality,
      boolean ackNack,
      List<ScriptedFault> faults,
      Consumer<CardPrinterDriver> work)
      throws IOException {
    SimulatedPrinter printer =
        new SimulatedPrinter(
            PrinterConfig.builder("PRN-R")
                .blanks(5)
                .deadChipRate(0)
                .seed(2)
                .personality(personality)
                .ackNack(ackNack)
                .build(),
            new ScaledTimeline(0.01, Instant.parse("2026-11-24T02:00:00Z"), Sleeper.real()),
            new FaultPlan(Map.of(), faults, 2),
            new GroundTruth());
    InMemoryPort port = InMemoryEndpoint.connect(printer);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CardPrinterDriver driver =
            new CardPrinterDriver(
                new RecordingTransport(
                    StreamTransport.over("PRN-R", port.input(), port.output(), port::close), out),
                TIMINGS,
                dialect(personality, ackNack))) {
      work.accept(driver);
    }
  }
}
