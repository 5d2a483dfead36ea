package org.cetak.drivers.printer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The vendor's dialect (Evolis family): no {@code Rst}. The status is built from {@code Rok},
 * {@code Rlr;p}, {@code Rse;o}, {@code Rse;f}, {@code Rco;c}, {@code Rco;p} and {@code Rrt;count}
 * (or {@code Rcr} on firmware without it) with what the driver saw happen ({@link
 * VendorReads.Seen}); every job is set up with {@code Pr} and {@code Pmi;B}, its K and O panels go
 * in the four-parameter {@code Dbc}, and it ends with {@code Se} padded with NUL bytes.
 *
 * <p>The vendor's printers count cards picked and panels printed, but not cards in the output
 * hopper or the reject box. After a lost reply a command is judged done only when those counters
 * and the card sensor prove it: a card gone after {@code Se} with more panels printed was printed
 * and ejected; a card gone after {@code Ser} could as well have been taken out by hand, so that
 * outcome stays unknown. The driver's own count of cards it saw reach the hopper and the reject box
 * starts at zero, so a job left open across a restart of the application finds the counts changed
 * and is settled by an operator.
 *
 * <p>Not thread-safe, like the driver that owns it.
 */
final class VendorRules implements DialectRules {

  /** NUL bytes after {@code Se}, as the vendor's drivers send them. */
  static final int END_PADDING = 64;

  private final String ribbonType;
  private VendorReads.Seen seen = VendorReads.Seen.NOTHING;
  private boolean ribbonCount = true;
  private boolean readyProbe = true;

  /**
   * @param ribbonType the ribbon fitted, sent with {@code Pr} before every job ({@code ymcko})
   */
  VendorRules(String ribbonType) {
    this.ribbonType = ribbonType;
  }

  @Override
  public PrinterDialect dialect() {
    return PrinterDialect.EVOLIS;
  }

  @Override
  public Outcome<PrinterStatus> status(Link link) {
    List<Reply> replies = new ArrayList<>();
    Reply ready = new Reply.Ok();
    if (readyProbe) {
      Exchange rok = link.query(PrinterCommands.command("Rok"));
      if (rok instanceof Exchange.Failed f) {
        return new Outcome.Unknown<>("no status: Rok " + f.why(), Optional.empty());
      }
      ready = ((Exchange.Answered) rok).reply();
      if (unknownCommand(ready)) {
        readyProbe = false; // older firmware: no error state to read
        ready = new Reply.Ok();
      }
    }
    for (byte[] read :
        List.of(
            PrinterCommands.command("Rlr", "p"),
            PrinterCommands.command("Rse", "o"),
            PrinterCommands.command("Rse", "f"),
            PrinterCommands.command("Rco", "c"),
            PrinterCommands.command("Rco", "p"))) {
      Exchange exchange = link.query(read);
      if (exchange instanceof Exchange.Failed f) {
        return new Outcome.Unknown<>("no status: " + f.why(), Optional.empty());
      }
      replies.add(((Exchange.Answered) exchange).reply());
    }
    Exchange ribbon =
        link.query(
            ribbonCount ? PrinterCommands.command("Rrt", "count") : PrinterCommands.command("Rcr"));
    if (ribbon instanceof Exchange.Answered a && ribbonCount && unknownCommand(a.reply())) {
      ribbonCount = false; // firmware without Rrt: only whether the ribbon is at its end
      ribbon = link.query(PrinterCommands.command("Rcr"));
    }
    if (ribbon instanceof Exchange.Failed f) {
      return new Outcome.Unknown<>("no status: " + f.why(), Optional.empty());
    }
    for (Reply r : replies) {
      if (r instanceof Reply.Refused e && e.condition() == PrinterCondition.BUSY) {
        return new Outcome.NotDone<>(PrinterCondition.BUSY, "busy", Optional.empty());
      }
    }
    try {
      PrinterStatus status =
          new VendorReads(
                  ready,
                  replies.get(0),
                  replies.get(1),
                  replies.get(2),
                  replies.get(3),
                  replies.get(4),
                  ((Exchange.Answered) ribbon).reply())
              .status(seen);
      if (status.position() == CardPosition.NONE && seen.place() != CardPosition.NONE) {
        seen = new VendorReads.Seen(CardPosition.NONE, seen.hopper(), seen.rejectBox());
      }
      return new Outcome.Done<>(status);
    } catch (PrinterProtocolException e) {
      return new Outcome.Unknown<>("garbled status: " + e.getMessage(), Optional.empty());
    }
  }

  private static boolean unknownCommand(Reply reply) {
    return reply instanceof Reply.Refused e
        && (e.condition() == PrinterCondition.COMMAND
            || e.condition() == PrinterCondition.PARAMETER);
  }

  @Override
  public List<byte[]> jobSetUp() {
    return List.of(PrinterCommands.command("Pr", ribbonType), PrinterCommands.command("Pmi", "B"));
  }

  @Override
  public byte[] panel(EncodedPanel panel) {
    return panel.compressed()
        ? PrinterCommands.compressedPanelFromLine(panel)
        : PrinterCommands.bestPanel(panel);
  }

  @Override
  public byte[] endOfJob() {
    return PrinterCommands.endOfJob(END_PADDING);
  }

  @Override
  public Verdict.Check parked() {
    return VendorRules::arrived;
  }

  @Override
  public Verdict.Check started() {
    return VendorRules::arrived;
  }

  /** A card inside now, and exactly the pick that was needed for it. */
  private static Verdict arrived(Optional<PrinterStatus> before, PrinterStatus after) {
    if (before.isEmpty()) {
      return Verdict.CANNOT_TELL;
    }
    PrinterStatus b = before.get();
    boolean wasInside = b.position() != CardPosition.NONE;
    boolean inside = after.position() != CardPosition.NONE;
    if (inside
        && after.position() != CardPosition.JAMMED
        && after.picked() == b.picked() + (wasInside ? 0 : 1)) {
      return Verdict.DONE;
    }
    if (!inside && !wasInside && after.picked() == b.picked()) {
      return Verdict.NOT_DONE;
    }
    return Verdict.CANNOT_TELL;
  }

  @Override
  public Verdict.Check ejected(int panels) {
    return (before, after) -> {
      boolean inside = after.position() != CardPosition.NONE;
      if (before.isEmpty()) {
        return inside ? Verdict.NOT_DONE : Verdict.CANNOT_TELL;
      }
      PrinterStatus b = before.get();
      if (after.picked() != b.picked() || b.position() == CardPosition.NONE) {
        return Verdict.CANNOT_TELL;
      }
      if (inside) {
        return Verdict.NOT_DONE;
      }
      long printed =
          after.panelsPrinted().orElse(0)
              - b.panelsPrinted().orElse(after.panelsPrinted().orElse(0));
      return panels > 0 && printed > 0 ? Verdict.DONE : Verdict.CANNOT_TELL;
    };
  }

  @Override
  public Verdict.Check rejected() {
    return (before, after) -> {
      boolean inside = after.position() != CardPosition.NONE;
      boolean samePicks = before.map(b -> b.picked() == after.picked()).orElse(false);
      return inside && samePicks ? Verdict.NOT_DONE : Verdict.CANNOT_TELL;
    };
  }

  @Override
  public void done(String command) {
    seen =
        switch (command) {
          case "Sic" ->
              new VendorReads.Seen(CardPosition.CONTACTLESS, seen.hopper(), seen.rejectBox());
          case "Ss" -> new VendorReads.Seen(CardPosition.PRINT, seen.hopper(), seen.rejectBox());
          case "Se" -> new VendorReads.Seen(CardPosition.NONE, seen.hopper() + 1, seen.rejectBox());
          case "Ser" ->
              new VendorReads.Seen(CardPosition.NONE, seen.hopper(), seen.rejectBox() + 1);
          default -> seen;
        };
  }
}
