package org.cetak.drivers.printer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.cetak.drivers.transport.CapturingTransport;
import org.cetak.drivers.transport.LoggingTransport;
import org.cetak.drivers.transport.Transport;
import org.cetak.drivers.transport.TransportException;
import org.cetak.drivers.transport.WireText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The printer driver of PROTOCOL.md part A over any {@link Transport}, in either {@link
 * PrinterDialect}: the dialect decides how the status is read and how a job is set up and ended;
 * the rules of recovery are the same for both.
 *
 * <p>Each command gets its own timeout: its expected time plus the margin ({@link PrinterTimings}).
 * When a command that may move a card ({@code Sic}, {@code Ss}, {@code Se}, {@code Ser}) gets no
 * usable reply, the driver does not send it again: it reads the status (harmless to repeat) until
 * the printer is no longer busy or the recovery budget is spent, compares it with the status read
 * just before the command, and reports done, not done or unknown. The eject that ends a print is
 * sent only when that status read succeeds: a printer that restarts between the panels and the
 * eject has lost them and would eject the card blank with an OK.
 *
 * <p>Without a configured dialect the driver asks once for {@code Rst}: a printer that refuses it
 * as an unknown command speaks the vendor's dialect.
 */
public final class CardPrinterDriver implements CardPrinter {

  private static final Logger log = LoggerFactory.getLogger(CardPrinterDriver.class);

  private final Transport transport;
  private final PrinterTimings timings;
  private final String ribbonType;
  private DialectRules rules;

  /** A driver of Cetak's dialect. */
  public CardPrinterDriver(Transport transport, PrinterTimings timings) {
    this(transport, timings, Optional.of(PrinterDialect.CETAK));
  }

  /**
   * @param dialect the printer's dialect; empty: detected at the first command
   */
  public CardPrinterDriver(
      Transport transport, PrinterTimings timings, Optional<PrinterDialect> dialect) {
    this.transport = transport;
    this.timings = timings;
    this.ribbonType = "ymcko";
    this.rules = dialect.map(this::rules).orElse(null);
  }

  /**
   * A driver with wire logging and, when {@code printStreamCapture} is given, every byte sent also
   * appended to that file (the print stream capture).
   */
  public static CardPrinterDriver over(
      Transport transport,
      PrinterTimings timings,
      Optional<PrinterDialect> dialect,
      Optional<Path> printStreamCapture) {
    Transport wire = new LoggingTransport(transport);
    if (printStreamCapture.isPresent()) {
      try {
        wire = new CapturingTransport(wire, Files.newOutputStream(printStreamCapture.get()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open print stream capture", e);
      }
    }
    return new CardPrinterDriver(wire, timings, dialect);
  }

  private DialectRules rules(PrinterDialect dialect) {
    return switch (dialect) {
      case CETAK -> new CetakRules();
      case EVOLIS -> new VendorRules(ribbonType);
    };
  }

  /**
   * The printer's dialect: configured, or detected now; empty while the printer does not answer.
   */
  public Optional<PrinterDialect> dialect() {
    if (rules == null) {
      Exchange probe = query(PrinterCommands.command("Rst"));
      if (probe instanceof Exchange.Answered answered) {
        boolean refused =
            answered.reply() instanceof Reply.Refused e
                && e.condition() == PrinterCondition.COMMAND;
        rules = rules(refused ? PrinterDialect.EVOLIS : PrinterDialect.CETAK);
        log.info("{}: the printer speaks the {} dialect", transport.name(), rules.dialect().word());
      }
    }
    return Optional.ofNullable(rules).map(DialectRules::dialect);
  }

  private Optional<DialectRules> rules() {
    return dialect().map(d -> rules);
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
    Optional<DialectRules> r = rules();
    if (r.isEmpty()) {
      return new Outcome.Unknown<>("no status: the printer does not answer", Optional.empty());
    }
    return r.get().status(this::query);
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
    Optional<DialectRules> r = rules();
    if (r.isEmpty()) {
      return unanswered("Sic");
    }
    return moving(
        "Sic",
        PrinterCommands.command("Sic"),
        timings.timeout(timings.pickAndPark()),
        r.get().parked());
  }

  @Override
  public Outcome<Acknowledged> print(EncodedFaces faces) {
    Optional<DialectRules> found = rules();
    if (found.isEmpty()) {
      return unanswered("Ss");
    }
    DialectRules r = found.get();
    for (byte[] setting : r.jobSetUp()) {
      Outcome<Acknowledged> set =
          step(
              new String(
                  setting, 1, setting.length - 2, java.nio.charset.StandardCharsets.US_ASCII),
              setting,
              timings.timeout(timings.query()));
      if (!set.done()) {
        return set;
      }
    }
    Outcome<Acknowledged> started =
        moving(
            "Ss",
            PrinterCommands.command("Ss"),
            timings.timeout(timings.pickToPrint()),
            r.started());
    if (!started.done()) {
      return started;
    }
    Outcome<Acknowledged> loaded = loadSide(r, "Sr", faces.front());
    if (!loaded.done()) {
      return loaded;
    }
    if (faces.twoSided()) {
      loaded = loadSide(r, "Sv", faces.back());
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
    int panels = faces.front().size() + faces.back().size();
    return moving("Se", r.endOfJob(), timings.timeout(expected), beforeEject, r.ejected(panels));
  }

  /** A side marker and its panels: none of them moves a card, and a lost reply ends the job. */
  private Outcome<Acknowledged> loadSide(DialectRules r, String side, List<EncodedPanel> panels) {
    Outcome<Acknowledged> outcome =
        step(side, PrinterCommands.command(side), timings.timeout(timings.query()));
    for (int i = 0; i < panels.size() && outcome.done(); i++) {
      EncodedPanel panel = panels.get(i);
      byte[] request = r.panel(panel);
      String name = (panel.compressed() ? "Dbc " : "Db ") + panel.colour().wire();
      outcome = step(name, request, timings.transfer(request.length));
    }
    return outcome;
  }

  private Outcome<Acknowledged> step(String name, byte[] request, Duration timeout) {
    Exchange exchange = send(request, timeout);
    if (exchange instanceof Exchange.Answered answered) {
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
    Optional<DialectRules> r = rules();
    if (r.isEmpty()) {
      return unanswered("Se");
    }
    return moving("Se", r.get().endOfJob(), timings.timeout(timings.eject()), r.get().ejected(0));
  }

  @Override
  public Outcome<Acknowledged> reject() {
    Optional<DialectRules> r = rules();
    if (r.isEmpty()) {
      return unanswered("Ser");
    }
    return moving(
        "Ser",
        PrinterCommands.command("Ser"),
        timings.timeout(timings.reject()),
        r.get().rejected());
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

  private static <T> Outcome<T> unanswered(String name) {
    return new Outcome.NotDone<>(
        PrinterCondition.TIMED_OUT,
        name + " not sent: the printer does not answer (its dialect is not known yet)",
        Optional.empty());
  }

  /** A command that may move a card: status before, and recovery instead of a re-send. */
  private Outcome<Acknowledged> moving(
      String name, byte[] request, Duration timeout, Verdict.Check check) {
    return moving(name, request, timeout, readStatus(), check);
  }

  private Outcome<Acknowledged> moving(
      String name,
      byte[] request,
      Duration timeout,
      Optional<PrinterStatus> before,
      Verdict.Check check) {
    Exchange exchange = send(request, timeout);
    if (exchange instanceof Exchange.Answered answered) {
      if (answered.reply() instanceof Reply.Ok) {
        rules.done(name);
        return new Outcome.Done<>(new Acknowledged(name, Optional.empty()));
      }
      if (answered.reply() instanceof Reply.Refused error) {
        return new Outcome.NotDone<>(error.condition(), error.reason(), readStatus());
      }
    }
    Outcome<Acknowledged> recovered = recover(name, why(exchange), before, check);
    if (recovered.done()) {
      rules.done(name);
    }
    return recovered;
  }

  /** A command that moves nothing; after a lost reply the status still decides. */
  private Outcome<Acknowledged> action(String name, Duration timeout, Verdict.Check check) {
    Exchange exchange = send(PrinterCommands.command(name), timeout);
    if (exchange instanceof Exchange.Answered answered) {
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
      String name, String why, Optional<PrinterStatus> before, Verdict.Check check) {
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
    Exchange exchange = query(PrinterCommands.command(name, parameters));
    if (exchange instanceof Exchange.Failed failed) {
      return new Outcome.Unknown<>(name + ": " + failed.why(), Optional.empty());
    }
    Reply reply = ((Exchange.Answered) exchange).reply();
    if (reply instanceof Reply.Refused error) {
      return new Outcome.NotDone<>(error.condition(), error.reason(), Optional.empty());
    }
    return new Outcome.Done<>(reply instanceof Reply.Value value ? value.text() : "OK");
  }

  private Exchange query(byte[] request) {
    return send(request, timings.timeout(timings.query()));
  }

  private Exchange send(byte[] request, Duration timeout) {
    try {
      return new Exchange.Answered(Reply.parse(transport.transceive(request, timeout)));
    } catch (TransportException e) {
      return new Exchange.Failed(e.getMessage());
    } catch (PrinterProtocolException e) {
      return new Exchange.Failed(
          "garbled reply to " + WireText.render(request) + ": " + e.getMessage());
    }
  }

  private static String why(Exchange exchange) {
    if (exchange instanceof Exchange.Failed failed) {
      return failed.why();
    }
    return "unexpected reply " + ((Exchange.Answered) exchange).reply();
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
