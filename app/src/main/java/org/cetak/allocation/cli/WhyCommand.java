package org.cetak.allocation.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.QueueExplanation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cetak why <nik>}: why a card is not printed yet, and when it is expected. */
@Component
@Command(
    name = "why",
    description = {
      "Mengapa kartu NIK ini belum dicetak?",
      "Why is this NIK's card not printed yet?"
    })
public class WhyCommand implements Callable<Integer> {

  private final AllocationService allocation;
  private final MessageSource messages;

  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "NIK (16 digits)")
  String nik;

  public WhyCommand(AllocationService allocation, MessageSource messages) {
    this.allocation = allocation;
    this.messages = messages;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    QueueExplanation e = allocation.explain(nik);
    out.printf("NIK %s, request %d: %s%n", e.nikMasked(), e.requestId(), e.status());
    out.printf(
        "  tier %s (%s), rule %s, rank %d, %d blanks go before it%n",
        e.tier().map(String::valueOf).orElse("-"),
        e.tierName().orElse("-"),
        e.rule().orElse("-"),
        e.rank(),
        e.blanksAhead());
    out.printf(
        "  usable stock %d, urgent reserve %d, daily cap %s, printed today %d, printers %d/day%n",
        e.usableStock(),
        e.urgentReserve(),
        e.dailyCap().isPresent() ? String.valueOf(e.dailyCap().getAsInt()) : "none",
        e.printedToday(),
        e.printerCardsPerDay());
    out.printf(
        "  expected drops: %d blanks every %d days (%s): %s%n",
        e.expectedDrop().quantity(),
        e.expectedDrop().everyDays(),
        e.expectedDrop().source(),
        e.expectedDrop().assumption());
    e.estimate()
        .ifPresent(d -> out.printf("  estimated print date: %s to %s%n", d.earliest(), d.latest()));
    Locale indonesian = Locale.forLanguageTag("id");
    e.blockers()
        .forEach(
            b ->
                out.println(
                    "  blocked: "
                        + messages.getMessage(
                            "queue.blocker." + b.kind().name(),
                            new Object[] {b.value()},
                            indonesian)));
    out.flush();
    return 0;
  }
}
