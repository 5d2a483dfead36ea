package org.cetak.drivers.printer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.cetak.drivers.transport.CapturingTransport;
import org.cetak.drivers.transport.LoggingTransport;
import org.cetak.drivers.transport.Transport;
import org.cetak.drivers.transport.TransportException;
import org.cetak.drivers.transport.WireText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The printer driver of PROTOCOL.md part A over any {@link Transport}.
 *
 * <p>Each command gets its own timeout: its expected time plus the margin ({@link PrinterTimings}).
 * When a command that may move a card ({@code Sic}, {@code Ss}, {@code Se}, {@code Ser}) gets no
 * usable reply, the driver does not send it again: it asks for the status ({@code Rst}, harmless to
 * repeat) until the printer is no longer busy or the recovery budget is spent, compares position
 * and counters with the status read just before the command, and reports done, not done or unknown.
 * The eject that ends a print is sent only when that status read succeeds: a printer that restarts
 * between the panels and the eject has lost them and would eject the card blank with an OK.
 */
public final class CardPrinterDriver implements CardPrinter {

  private static final Logger log = LoggerFactory.getLogger(CardPrinterDriver.class);

  /** What the status after a lost reply says about the command. */
  private enum Verdict {
    DONE,
    NOT_DONE,
    CANNOT_TELL
  }

  @FunctionalInterface
  private interface Check {
    Verdict judge(Optional<PrinterStatus> before, PrinterStatus after);
  }

  private sealed interface Exchange {}

  private record Answered(Reply reply) implements Exchange {}

  private record Failed(String why) implements Exchange {}

  private final Transport transport;
  private final PrinterTimings timings;

  public CardPrinterDriver(Transport transport, PrinterTimings timings) {
    this.transport = transport;
    this.timings = timings;
  }

  /**
   * A driver with wire logging and, when {@code printStreamCapture} is given, every byte sent also
   * appended to that file (the print stream capture).
   */
  public static CardPrinterDriver over(
      Transport transport, PrinterTimings timings, Optional<Path> printStreamCapture) {
    Transport wire = new LoggingTransport(transport);
    if (printStreamCapture.isPresent()) {
      try {
        wire = new CapturingTransport(wire, Files.newOutputStream(printStreamCapture.get()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open print stream capture", e);
      }
    }
    return new CardPrinterDriver(wire, timings);
  }

  @Override
  public Outcome<PrinterIdentity> identify() {
    Outcome<String> model = query("Rtp");
    if (!(model instanceof Outcome.Done<String> m)) {
      return retype(model);
    }
    Outcome<String> serial = query("Rsn");
    if (!(serial instanceof Outcome.Done<String> s)) {
      return retype(serial);
    }
    Outcome<String> firmware = query("Rfv");
    if (!(firmware instanceof Outcome.Done<String> f)) {
      return retype(firmware);
    }
    return new Outcome.Done<>(new PrinterIdentity(m.value(), s.value(), f.value()));
  }

  @Override
  public Outcome<PrinterStatus> status() {
    Exchange exchange = send(PrinterCommands.command("Rst"), timings.timeout(timings.query()));
    if (exchange instanceof Failed failed) {
      return new Outcome.Unknown<>("no status: " + failed.why(), Optional.empty());
    }
    Reply reply = ((Answered) exchange).reply();
    if (reply instanceof Reply.Refused error) {
      return new Outcome.NotDone<>(error.condition(), error.reason(), Optional.empty());
    }
    String text = reply instanceof Reply.Value value ? value.text() : "OK";
    try {
      return new Outcome.Done<>(
          PrinterStatus.parse(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    } catch (PrinterProtocolException e) {
      return new Outcome.Unknown<>("garbled status: " + e.getMessage(), Optional.empty());
    }
  }

  @Override
  public Outcome<Long> pickCounter() {
    Outcome<String> counter = query("Rco", "c");
    if (!(counter instanceof Outcome.Done<String> c)) {
      return retype(counter);
    }
    try {
      return new Outcome.Done<>(PrinterStatus.counter(c.value(), c.value()));
    } catch (PrinterProtocolException e) {
      return new Outcome.Unknown<>("garbled pick counter: " + e.getMessage(), Optional.empty());
    }
  }

  @Override
  public Outcome<Acknowledged> parkAtContactless() {
    return moving(
        "Sic",
        PrinterCommands.command("Sic"),
        timings.timeout(timings.pickAndPark()),
        (before, after) ->
            after.position() == CardPosition.CONTACTLESS ? Verdict.DONE : Verdict.NOT_DONE);
  }

  @Override
  public Outcome<Acknowledged> print(CardFaces faces) {
    Outcome<Acknowledged> started =
        moving(
            "Ss",
            PrinterCommands.command("Ss"),
            timings.timeout(timings.pickToPrint()),
            (before, after) ->
                after.position() == CardPosition.PRINT ? Verdict.DONE : Verdict.NOT_DONE);
    if (!started.done()) {
      return started;
    }
    Outcome<Acknowledged> loaded = loadSide("Sr", faces.front().toArray(new Panel[0]));
    if (!loaded.done()) {
      return loaded;
    }
    if (faces.twoSided()) {
      loaded = loadSide("Sv", faces.back().toArray(new Panel[0]));
      if (!loaded.done()) {
        return loaded;
      }
    }
    Optional<PrinterStatus> beforeEject = readStatus();
    if (beforeEject.isEmpty()) {
      // A printer that restarted on this status request has lost the panels; an eject would put
      // the card out blank and answer OK. The card stays where it is, not printed.
      return new Outcome.NotDone<>(
          PrinterCondition.TIMED_OUT,
          "Se not sent: no status after the panels (a restarted printer loses them)",
          Optional.empty());
    }
    Duration expected =
        timings
            .printFront()
            .plus(faces.twoSided() ? timings.printBack() : Duration.ZERO)
            .plus(timings.eject());
    return moving(
        "Se",
        PrinterCommands.command("Se"),
        timings.timeout(expected),
        beforeEject,
        CardPrinterDriver::ejected);
  }

  /** A side marker and its panels: none of them moves a card, and a lost reply ends the job. */
  private Outcome<Acknowledged> loadSide(String side, Panel... panels) {
    Outcome<Acknowledged> outcome =
        step(side, PrinterCommands.command(side), timings.timeout(timings.query()));
    for (int i = 0; i < panels.length && outcome.done(); i++) {
      byte[] request = PrinterCommands.bestPanel(panels[i]);
      String name = (panels[i].levels() == 2 ? "Dbc " : "Db ") + panels[i].colour().wire();
      outcome = step(name, request, timings.transfer(request.length));
    }
    return outcome;
  }

  private Outcome<Acknowledged> step(String name, byte[] request, Duration timeout) {
    Exchange exchange = send(request, timeout);
    if (exchange instanceof Answered answered) {
      if (answered.reply() instanceof Reply.Ok) {
        return new Outcome.Done<>(new Acknowledged(name, Optional.empty()));
      }
      if (answered.reply() instanceof Reply.Refused error) {
        return new Outcome.NotDone<>(error.condition(), name + ": " + error.reason(), readStatus());
      }
    }
    // a lost panel leaves the sequence incomplete: whatever the status says, the card is not
    // printed
    return recover(name, why(exchange), Optional.empty(), (before, after) -> Verdict.NOT_DONE);
  }

  @Override
  public Outcome<Acknowledged> eject() {
    return moving(
        "Se",
        PrinterCommands.command("Se"),
        timings.timeout(timings.eject()),
        CardPrinterDriver::ejected);
  }

  @Override
  public Outcome<Acknowledged> reject() {
    return moving(
        "Ser",
        PrinterCommands.command("Ser"),
        timings.timeout(timings.reject()),
        (before, after) -> {
          if (after.position() == CardPosition.REJECT
              || before.map(b -> after.rejectBox().count() > b.rejectBox().count()).orElse(false)) {
            return Verdict.DONE;
          }
          return before.isPresent() || after.position() != CardPosition.NONE
              ? Verdict.NOT_DONE
              : Verdict.CANNOT_TELL;
        });
  }

  @Override
  public Outcome<Acknowledged> clearError() {
    return action(
        "Scs",
        timings.timeout(timings.query()),
        (before, after) -> after.state() == PrinterState.ERROR ? Verdict.NOT_DONE : Verdict.DONE);
  }

  @Override
  public Outcome<Acknowledged> reset() {
    return action(
        "Srs",
        timings.timeout(timings.reset()),
        (before, after) -> after.state() == PrinterState.READY ? Verdict.DONE : Verdict.NOT_DONE);
  }

  @Override
  public void close() {
    transport.close();
  }

  private static Verdict ejected(Optional<PrinterStatus> before, PrinterStatus after) {
    if (after.position() == CardPosition.EJECT
        || before.map(b -> after.hopper().count() > b.hopper().count()).orElse(false)) {
      return Verdict.DONE;
    }
    if (before.isPresent() || after.position() != CardPosition.NONE) {
      return Verdict.NOT_DONE;
    }
    return Verdict.CANNOT_TELL;
  }

  /** A command that may move a card: status before, and recovery instead of a re-send. */
  private Outcome<Acknowledged> moving(String name, byte[] request, Duration timeout, Check check) {
    return moving(name, request, timeout, readStatus(), check);
  }

  private Outcome<Acknowledged> moving(
      String name, byte[] request, Duration timeout, Optional<PrinterStatus> before, Check check) {
    Exchange exchange = send(request, timeout);
    if (exchange instanceof Answered answered) {
      if (answered.reply() instanceof Reply.Ok) {
        return new Outcome.Done<>(new Acknowledged(name, Optional.empty()));
      }
      if (answered.reply() instanceof Reply.Refused error) {
        return new Outcome.NotDone<>(error.condition(), error.reason(), readStatus());
      }
    }
    return recover(name, why(exchange), before, check);
  }

  /** A command that moves nothing; after a lost reply the status still decides. */
  private Outcome<Acknowledged> action(String name, Duration timeout, Check check) {
    Exchange exchange = send(PrinterCommands.command(name), timeout);
    if (exchange instanceof Answered answered) {
      if (answered.reply() instanceof Reply.Ok) {
        return new Outcome.Done<>(new Acknowledged(name, Optional.empty()));
      }
      if (answered.reply() instanceof Reply.Refused error) {
        return new Outcome.NotDone<>(error.condition(), error.reason(), Optional.empty());
      }
    }
    return recover(name, why(exchange), Optional.empty(), check);
  }

  private Outcome<Acknowledged> recover(
      String name, String why, Optional<PrinterStatus> before, Check check) {
    log.warn(
        "{}: {} got no usable reply ({}); reading status instead", transport.name(), name, why);
    long deadline = System.nanoTime() + timings.recoveryBudget().toNanos();
    Optional<PrinterStatus> last = Optional.empty();
    while (true) {
      Optional<PrinterStatus> status = readStatus();
      if (status.isPresent()) {
        last = status;
        if (status.get().state() != PrinterState.BUSY) {
          break;
        }
      }
      if (System.nanoTime() - deadline >= 0) {
        break;
      }
      try {
        Thread.sleep(timings.pollInterval().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (last.isEmpty()) {
      return new Outcome.Unknown<>(
          name + ": " + why + "; no status afterwards", before.isPresent() ? before : last);
    }
    PrinterStatus after = last.get();
    if (after.state() == PrinterState.BUSY) {
      return new Outcome.Unknown<>(name + ": " + why + "; printer still busy", last);
    }
    return switch (check.judge(before, after)) {
      case DONE -> new Outcome.Done<>(new Acknowledged(name, last));
      case NOT_DONE ->
          new Outcome.NotDone<>(
              after.state() == PrinterState.ERROR
                  ? after.lastError().orElse(PrinterCondition.UNRECOGNISED)
                  : PrinterCondition.TIMED_OUT,
              name + ": " + why + "; status shows it not done",
              last);
      case CANNOT_TELL -> new Outcome.Unknown<>(name + ": " + why + "; status cannot tell", last);
    };
  }

  private Optional<PrinterStatus> readStatus() {
    Outcome<PrinterStatus> status = status();
    return status instanceof Outcome.Done<PrinterStatus> done
        ? Optional.of(done.value())
        : Optional.empty();
  }

  private Outcome<String> query(String name, String... parameters) {
    Exchange exchange =
        send(PrinterCommands.command(name, parameters), timings.timeout(timings.query()));
    if (exchange instanceof Failed failed) {
      return new Outcome.Unknown<>(name + ": " + failed.why(), Optional.empty());
    }
    Reply reply = ((Answered) exchange).reply();
    if (reply instanceof Reply.Refused error) {
      return new Outcome.NotDone<>(error.condition(), error.reason(), Optional.empty());
    }
    return new Outcome.Done<>(reply instanceof Reply.Value value ? value.text() : "OK");
  }

  private Exchange send(byte[] request, Duration timeout) {
    try {
      return new Answered(Reply.parse(transport.transceive(request, timeout)));
    } catch (TransportException e) {
      return new Failed(e.getMessage());
    } catch (PrinterProtocolException e) {
      return new Failed("garbled reply to " + WireText.render(request) + ": " + e.getMessage());
    }
  }

  private static String why(Exchange exchange) {
    if (exchange instanceof Failed failed) {
      return failed.why();
    }
    return "unexpected reply " + ((Answered) exchange).reply();
  }

  @SuppressWarnings("unchecked")
  private static <T> Outcome<T> retype(Outcome<?> notDone) {
    // NotDone and Unknown carry no value, so they are valid at any type
    if (notDone.done()) {
      throw new IllegalArgumentException("only a failed outcome can change its type");
    }
    return (Outcome<T>) notDone;
  }
}
