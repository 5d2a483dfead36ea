package org.cetak.cli;

import java.time.Duration;
import java.util.Optional;
import org.cetak.drivers.printer.CardPrinterDriver;
import org.cetak.drivers.printer.Outcome;
import org.cetak.drivers.printer.PrinterDialect;
import org.cetak.drivers.printer.PrinterIdentity;
import org.cetak.drivers.printer.PrinterState;
import org.cetak.drivers.printer.PrinterStatus;
import org.cetak.drivers.printer.PrinterTimings;
import org.cetak.drivers.transport.Transport;
import org.cetak.drivers.transport.TransportException;
import org.cetak.printing.config.PrinterLinks;

/**
 * The printer part of {@code cetak check} on a serial port that exists and may be opened: asks the
 * printer what it is with the driver's own reads, and nothing that moves a card. {@code Rst} tells
 * the dialect (a printer that refuses it speaks the vendor's), then {@code Rtp}, {@code Rsn},
 * {@code Rfv} and the dialect's status reads ({@code Rst}, or {@code Rok}, {@code Rlr;p}, {@code
 * Rse}, {@code Rco}, {@code Rrt;count}). Each read waits {@link #TIMEOUT} at most.
 *
 * <p>A port the running server holds cannot be opened (the serial adapter locks it): the check then
 * says so and sends nothing to it.
 */
final class PrinterProbe {

  /** How long each read waits for the printer's reply. */
  static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final PrinterLinks links;
  private final CliText text;

  PrinterProbe(PrinterLinks links, CliText text) {
    this.links = links;
    this.text = text;
  }

  /**
   * @param what the check's name ("printer PRN-1")
   * @param device the port as shown ("/dev/ttyUSB0")
   * @param link the printer's link ({@code serial:/dev/ttyUSB0?baud=115200})
   * @param configured the dialect the device file gives, empty when the driver detects it
   */
  CheckResult ask(String what, String device, String link, Optional<PrinterDialect> configured) {
    Transport transport;
    try {
      transport = links.open(link).orElseThrow();
    } catch (TransportException e) {
      return CheckResult.ok(what, text.both("cli.check.probe.held", device, e.getMessage()));
    }
    PrinterTimings timings = PrinterTimings.field().withRecovery(TIMEOUT, TIMEOUT, TIMEOUT);
    try (CardPrinterDriver driver = new CardPrinterDriver(transport, timings, Optional.empty())) {
      Optional<PrinterDialect> spoken = driver.dialect();
      if (spoken.isEmpty()) {
        return CheckResult.fail(text, what, "cli.check.probe.silent", device, TIMEOUT.toSeconds());
      }
      String dialect = spoken.get().word();
      if (configured.isPresent() && configured.get() != spoken.get()) {
        return CheckResult.fail(
            text, what, "cli.check.probe.dialect", device, dialect, configured.get().word());
      }
      Outcome<PrinterIdentity> identity = driver.identify();
      if (!(identity instanceof Outcome.Done<PrinterIdentity> id)) {
        return CheckResult.fail(
            text, what, "cli.check.probe.noIdentity", device, dialect, reason(identity));
      }
      Outcome<PrinterStatus> status = driver.status();
      if (!(status instanceof Outcome.Done<PrinterStatus> s)) {
        return CheckResult.fail(
            text, what, "cli.check.probe.noStatus", device, id.value().model(), reason(status));
      }
      return CheckResult.ok(
          what,
          device
              + ": "
              + id.value().model()
              + ", "
              + text.both("cli.serial")
              + " "
              + id.value().serialNumber()
              + ", firmware "
              + id.value().firmware()
              + ", "
              + text.both("cli.dialect")
              + " "
              + dialect
              + ", "
              + state(s.value()));
    } catch (TransportException e) {
      return CheckResult.fail(text, what, "cli.check.probe.lost", device, e.getMessage());
    }
  }

  private String state(PrinterStatus status) {
    String condition =
        status.state() == PrinterState.READY
            ? ""
            : status.lastError().map(c -> " (" + c.name() + ")").orElse("");
    return text.both("cli.printer." + status.state().name()) + condition;
  }

  private static String reason(Outcome<?> outcome) {
    if (outcome instanceof Outcome.NotDone<?> n) {
      return n.condition() + " " + n.detail();
    }
    return outcome instanceof Outcome.Unknown<?> u ? u.why() : "";
  }
}
