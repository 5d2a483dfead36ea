package org.cetak.allocation.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.QueueExplanation;
import org.cetak.cli.CliText;
import org.cetak.common.DateText;
import org.cetak.common.OfficeZones;
import org.cetak.console.Labels;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cetak why <nik>}: why a card is not printed yet, and when it is expected, worded as the
 * queue page's "Mengapa belum dicetak?" ({@code queue.*}), Indonesian with English beside it; days
 * as the office's calendar has them.
 */
@Component
@Command(
    name = "why",
    description = {
      "Mengapa kartu NIK ini belum dicetak?",
      "Why is this NIK's card not printed yet?"
    })
public class WhyCommand implements Callable<Integer> {

  private final AllocationService allocation;
  private final OfficeZones zones;
  private final MessageSource messages;
  private final Labels labels;
  private final CliText text;

  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "NIK (16 angka / 16 digits)")
  String nik;

  public WhyCommand(
      AllocationService allocation,
      OfficeZones zones,
      MessageSource messages,
      Labels labels,
      CliText text) {
    this.allocation = allocation;
    this.zones = zones;
    this.messages = messages;
    this.labels = labels;
    this.text = text;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    QueueExplanation e = allocation.explain(nik);
    long officeId = allocation.officeOf(nik);
    out.println(
        "NIK "
            + e.nikMasked()
            + ", "
            + text.both("queue.request")
            + " "
            + e.requestId()
            + ": "
            + text.both(locale -> labels.of("status", e.status(), locale)));
    e.blockers().forEach(b -> out.println("  " + text.both(locale -> blocker(b, locale))));
    out.println("  " + text.both(locale -> estimate(e, officeId, locale)));
    out.println("  " + text.labelled("queue.tier", tier(e)));
    out.println("  " + text.labelled("queue.rank", e.rank()));
    out.println("  " + text.labelled("queue.blanksAhead", e.blanksAhead()));
    out.println("  " + text.labelled("queue.usable", e.usableStock()));
    out.println("  " + text.labelled("queue.reserve", e.urgentReserve()));
    String printing =
        CliText.number(e.printedToday()) + " / " + CliText.number(e.printerCardsPerDay());
    if (e.dailyCap().isPresent()) {
      printing += " · " + text.both("queue.dailyCap", e.dailyCap().getAsInt());
    }
    out.println("  " + text.labelled("cli.why.printing", printing));
    out.println(
        "  "
            + text.labelled(
                "queue.drops", text.both(locale -> drop(e.expectedDrop(), officeId, locale))));
    out.flush();
    return 0;
  }

  private static String tier(QueueExplanation e) {
    if (e.tier().isEmpty()) {
      return "-";
    }
    return e.tier().get()
        + e.tierName().map(name -> " · " + name).orElse("")
        + e.rule().map(rule -> " (" + rule + ")").orElse("");
  }

  private String blocker(QueueExplanation.Blocker b, Locale locale) {
    Object value =
        b.kind() == QueueExplanation.Blocker.Kind.NOT_WAITING
            ? labels.of("status", b.value(), locale)
            : b.value();
    return messages.getMessage("queue.blocker." + b.kind().name(), new Object[] {value}, locale);
  }

  private String estimate(QueueExplanation e, long officeId, Locale locale) {
    if (e.estimate().isEmpty()) {
      return messages.getMessage("queue.estimate.none", null, locale);
    }
    DateText dates = DateText.of(zones.of(officeId), locale);
    QueueExplanation.DateRange range = e.estimate().get();
    return range.earliest().equals(range.latest())
        ? messages.getMessage(
            "queue.estimate.day", new Object[] {dates.day(range.earliest())}, locale)
        : messages.getMessage(
            "queue.estimate",
            new Object[] {dates.day(range.earliest()), dates.day(range.latest())},
            locale);
  }

  private String drop(QueueExplanation.ExpectedDrop drop, long officeId, Locale locale) {
    DateText dates = DateText.of(zones.of(officeId), locale);
    return messages.getMessage(
        "queue.drop." + drop.source(),
        new Object[] {drop.quantity(), drop.everyDays(), drop.deliveries(), dates.day(drop.next())},
        locale);
  }
}
