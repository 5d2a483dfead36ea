package org.cetak.drivers.printer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Cetak's dialect: the status is one {@code Rst} line whose position and box counts are the
 * printer's own evidence; a job is {@code Ss} … {@code Se} with {@code Dbc} in its three-parameter
 * form.
 */
final class CetakRules implements DialectRules {

  @Override
  public PrinterDialect dialect() {
    return PrinterDialect.CETAK;
  }

  @Override
  public Outcome<PrinterStatus> status(Link link) {
    Exchange exchange = link.query(PrinterCommands.command("Rst"));
    if (exchange instanceof Exchange.Failed failed) {
      return new Outcome.Unknown<>("no status: " + failed.why(), Optional.empty());
    }
    Reply reply = ((Exchange.Answered) exchange).reply();
    if (reply instanceof Reply.Refused error) {
      return new Outcome.NotDone<>(error.condition(), error.reason(), Optional.empty());
    }
    String text = reply instanceof Reply.Value value ? value.text() : "OK";
    try {
      return new Outcome.Done<>(PrinterStatus.parse(text.getBytes(StandardCharsets.US_ASCII)));
    } catch (PrinterProtocolException e) {
      return new Outcome.Unknown<>("garbled status: " + e.getMessage(), Optional.empty());
    }
  }

  @Override
  public List<byte[]> jobSetUp() {
    return List.of();
  }

  @Override
  public byte[] panel(EncodedPanel panel) {
    return PrinterCommands.bestPanel(panel);
  }

  @Override
  public byte[] endOfJob() {
    return PrinterCommands.command("Se");
  }

  @Override
  public Verdict.Check parked() {
    return (before, after) ->
        after.position() == CardPosition.CONTACTLESS ? Verdict.DONE : Verdict.NOT_DONE;
  }

  @Override
  public Verdict.Check started() {
    return (before, after) ->
        after.position() == CardPosition.PRINT ? Verdict.DONE : Verdict.NOT_DONE;
  }

  @Override
  public Verdict.Check ejected(int panels) {
    return (before, after) -> {
      if (after.position() == CardPosition.EJECT
          || before.map(b -> after.hopper().count() > b.hopper().count()).orElse(false)) {
        return Verdict.DONE;
      }
      if (before.isPresent() || after.position() != CardPosition.NONE) {
        return Verdict.NOT_DONE;
      }
      return Verdict.CANNOT_TELL;
    };
  }

  @Override
  public Verdict.Check rejected() {
    return (before, after) -> {
      if (after.position() == CardPosition.REJECT
          || before.map(b -> after.rejectBox().count() > b.rejectBox().count()).orElse(false)) {
        return Verdict.DONE;
      }
      return before.isPresent() || after.position() != CardPosition.NONE
          ? Verdict.NOT_DONE
          : Verdict.CANNOT_TELL;
    };
  }

  @Override
  public void done(String command) {
    // the printer's own counters carry the evidence: nothing to remember
  }
}
