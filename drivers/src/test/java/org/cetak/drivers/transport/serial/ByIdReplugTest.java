package org.cetak.drivers.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.io.FileUtils;
import org.cetak.drivers.printer.CardPosition;
import org.cetak.drivers.printer.CardPrinterDriver;
import org.cetak.drivers.printer.Outcome;
import org.cetak.drivers.printer.PrinterDialect;
import org.cetak.drivers.printer.PrinterStatus;
import org.cetak.drivers.printer.PrinterTimings;
import org.cetak.drivers.testing.SocatPty;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.link.TcpEndpoint;
import org.cetak.sim.printer.PrinterConfig;
import org.cetak.sim.printer.SessionOptions;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.time.ScaledTimeline;
import org.cetak.sim.time.Sleeper;
import org.cetak.sim.truth.GroundTruth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A USB-serial adapter pulled out and plugged back in under another {@code /dev/ttyUSB*} name: the
 * driver, opened once on the adapter's stable {@code /dev/serial/by-id/…} name, finds it again
 * without being made anew. The adapter is a socat pseudo-terminal to the simulator's vendor
 * personality; udev's by-id link is a symbolic link this test moves as udev would.
 */
class ByIdReplugTest {

  private final Path dev;
  private final Path byId;
  private Process socat;
  private TcpEndpoint endpoint;

  ByIdReplugTest() throws IOException {
    dev = Files.createTempDirectory("cetak-dev");
    byId =
        Files.createDirectories(dev.resolve("serial/by-id"))
            .resolve("usb-FTDI_FT232R_USB_UART_A10KSIM1-if00-port0");
  }

  @AfterEach
  void unplugAll() throws Exception {
    unplug();
    if (endpoint != null) {
      endpoint.close();
    }
    FileUtils.deleteDirectory(dev.toFile());
    assertThat(dev).as("the by-id link is deleted, not followed").doesNotExist();
  }

  /** Plugs the adapter in as {@code tty}: a new pty, and the by-id link pointing at it. */
  private void plugIn(String tty) throws IOException {
    Path node = dev.resolve(tty);
    socat =
        new ProcessBuilder(
                "/usr/bin/socat",
                "pty,raw,echo=0,link=" + node,
                "tcp:127.0.0.1:" + endpoint.port() + ",nodelay")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(node));
    Files.deleteIfExists(byId);
    Files.createSymbolicLink(byId, node);
  }

  /** Pulls the adapter out: the pty vanishes, and udev removes the by-id link. */
  private void unplug() throws Exception {
    if (socat != null) {
      socat.destroy();
      socat.waitFor();
      socat = null;
    }
    Files.deleteIfExists(byId);
  }

  @Test
  void an_adapter_plugged_back_under_another_name_is_found_again_by_its_by_id_name()
      throws Exception {
    SocatPty.assumeInstalled();
    SimulatedPrinter printer =
        new SimulatedPrinter(
            PrinterConfig.builder("PRN-U")
                .blanks(5)
                .deadChipRate(0)
                .personality(PrinterConfig.Personality.EVOLIS)
                .build(),
            new ScaledTimeline(0.01, Instant.parse("2026-11-24T02:00:00Z"), Sleeper.real()),
            new FaultPlan(Map.of(), List.of(), 3),
            new GroundTruth());
    endpoint = TcpEndpoint.start(printer, "127.0.0.1", 0, SessionOptions.defaults());
    plugIn("ttyUSB0");
    try (CardPrinterDriver driver =
        new CardPrinterDriver(
            SerialTransport.open(SerialTransport.Config.standard(byId.toString())),
            PrinterTimings.field().scaled(0.01),
            Optional.of(PrinterDialect.EVOLIS))) {
      assertThat(driver.parkAtContactless().done()).isTrue();

      unplug();
      assertThat(driver.status()).isInstanceOf(Outcome.Unknown.class);

      plugIn("ttyUSB1");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> driver.status() instanceof Outcome.Done<PrinterStatus>);
      PrinterStatus status = ((Outcome.Done<PrinterStatus>) driver.status()).value();
      assertThat(status.position()).isEqualTo(CardPosition.CONTACTLESS);
      assertThat(driver.print(org.cetak.drivers.printer.TestPanels.ymckoFrontKBack()).done())
          .isTrue();
      assertThat(printer.status().cardsPrinted()).isEqualTo(1);
    }
  }
}
