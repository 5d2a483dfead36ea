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

  PrinterProbe(PrinterLinks links) {
    this.links = links;
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
      return CheckResult.ok(
          what,
          device
              + " ada, tetapi tidak dapat dibuka untuk ditanya (dipakai server Cetak yang berjalan?)"
              + " / present, but cannot be opened to ask it (held by the running Cetak server?): "
              + e.getMessage());
    }
    PrinterTimings timings = PrinterTimings.field().withRecovery(TIMEOUT, TIMEOUT, TIMEOUT);
    try (CardPrinterDriver driver = new CardPrinterDriver(transport, timings, Optional.empty())) {
      Optional<PrinterDialect> spoken = driver.dialect();
      if (spoken.isEmpty()) {
        long seconds = TIMEOUT.toSeconds();
        return CheckResult.fail(
            what,
            device
                + " tidak menjawab dalam "
                + seconds
                + " detik: printer menyala? kabel, baud di berkas perangkat",
            device
                + " does not answer within "
                + seconds
                + " s: is the printer on? cable, baud rate in the device file");
      }
      String dialect = spoken.get().word();
      if (configured.isPresent() && configured.get() != spoken.get()) {
        String said = configured.get().word();
        return CheckResult.fail(
            what,
            device
                + " menjawab dengan dialek "
                + dialect
                + ", berkas perangkat menyebut "
                + said
                + ": perbaiki dialect printer ini",
            device
                + " answers in the "
                + dialect
                + " dialect, the device file says "
                + said
                + ": correct this printer's dialect");
      }
      Outcome<PrinterIdentity> identity = driver.identify();
      if (!(identity instanceof Outcome.Done<PrinterIdentity> id)) {
        String why = reason(identity);
        return CheckResult.fail(
            what,
            device + " menjawab (dialek " + dialect + ") tanpa identitas: " + why,
            device + " answers (dialect " + dialect + ") but gives no identity: " + why);
      }
      Outcome<PrinterStatus> status = driver.status();
      if (!(status instanceof Outcome.Done<PrinterStatus> s)) {
        String why = reason(status);
        return CheckResult.fail(
            what,
            device + " " + id.value().model() + " tidak memberi status: " + why,
            device + " " + id.value().model() + " gives no status: " + why);
      }
      return CheckResult.ok(
          what,
          String.format(
              "%s: %s, nomor seri / serial %s, firmware %s, dialek / dialect %s, %s",
              device,
              id.value().model(),
              id.value().serialNumber(),
              id.value().firmware(),
              dialect,
              state(s.value())));
    } catch (TransportException e) {
      return CheckResult.fail(
          what,
          device + " terputus saat ditanya: " + e.getMessage(),
          device + " was lost while asked: " + e.getMessage());
    }
  }

  private static String state(PrinterStatus status) {
    String condition =
        status.state() == PrinterState.READY
            ? ""
            : status.lastError().map(c -> " (" + c.name() + ")").orElse("");
    return switch (status.state()) {
          case READY -> "siap / ready";
          case BUSY -> "sibuk / busy";
          case COOLING -> "mendinginkan kepala cetak / cooling";
          case ERROR -> "galat / error";
        }
        + condition;
  }

  private static String reason(Outcome<?> outcome) {
    if (outcome instanceof Outcome.NotDone<?> n) {
      return n.condition() + " " + n.detail();
    }
    return outcome instanceof Outcome.Unknown<?> u ? u.why() : "";
  }
}
