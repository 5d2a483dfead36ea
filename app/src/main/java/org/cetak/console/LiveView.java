package org.cetak.console;

import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cetak.allocation.AllocationService;
import org.cetak.common.DateText;
import org.cetak.console.Dashboard.Alert;
import org.cetak.console.Dashboard.Snapshot;
import org.cetak.office.Permission;
import org.cetak.printing.PrinterSummary;
import org.springframework.context.MessageSource;

/**
 * A snapshot as a reader sees it, in their language: every live value of the page by its key (the
 * element with {@code data-live="key"} shows it), the state of some values ({@code data-state}),
 * and the alerts in words. The home page is drawn from it and the live updates send it, so the page
 * and its updates never differ.
 *
 * @param values text of each live element: {@code printer.PRN-1.mode}, {@code stock.usable}, …
 * @param states a machine word for styling and for the page's own logic: {@code printer.PRN-1.mode}
 *     = {@code RUNNING}, {@code printer.PRN-1.controls} = what the printer's buttons depend on,
 *     {@code stock.reorder} = {@code true}
 */
public record LiveView(Map<String, String> values, Map<String, String> states, List<Line> alerts) {

  /**
   * An alert in words.
   *
   * @param level {@code error} or {@code warn}
   * @param link the page where it is dealt with
   */
  public record Line(String kind, String level, String text, String link) {}

  /** Builds views with the console's messages. */
  public static final class Builder {

    private final MessageSource messages;
    private final Labels labels;

    public Builder(MessageSource messages, Labels labels) {
      this.messages = messages;
      this.labels = labels;
    }

    /** The snapshot in the reader's language, limited to what their permissions see. */
    public LiveView of(Snapshot s, Locale locale, Set<Permission> may) {
      NumberFormat number = NumberFormat.getIntegerInstance(locale);
      Map<String, String> values = new LinkedHashMap<>();
      Map<String, String> states = new LinkedHashMap<>();
      DateText dates = DateText.of(s.zone(), locale);
      values.put("at", dates.clock(s.at()));
      if (may.contains(Permission.SEE_PRINTERS)) {
        s.printers()
            .ifPresent(
                part -> {
                  values.put("vault", number.format(part.vault()));
                  for (PrinterSummary p : part.printers()) {
                    String key = "printer." + p.code() + ".";
                    values.put(key + "mode", message("printers.mode." + p.mode(), locale));
                    states.put(key + "mode", p.mode());
                    values.put(
                        key + "reason",
                        labels.printerReasonWithDetail(p.cause(), p.reason(), locale));
                    values.put(
                        key + "card",
                        card(p, part.cards().get(p.currentRequestId().orElse(-1L)), locale));
                    states.put(
                        key + "controls",
                        p.mode()
                            + "|"
                            + p.openJobStage().orElse("")
                            + "|"
                            + String.join(",", p.sightings())
                            + "|"
                            + p.readerState().orElse(""));
                    values.put(key + "feeder", number.format(p.feeder()));
                    values.put(key + "ribbon", p.ribbonLeft().map(number::format).orElse("-"));
                    values.put(key + "printed", number.format(p.printedToday()));
                    values.put(key + "spoiled", number.format(p.spoiledToday()));
                  }
                });
      }
      if (may.contains(Permission.SEE_STOCK)) {
        s.stock()
            .ifPresent(
                st -> {
                  values.put("stock.usable", number.format(st.usable()));
                  values.put("stock.reserved", number.format(st.reserved()));
                  values.put("stock.threshold", number.format(st.threshold()));
                  values.put(
                      "stock.daysLeft",
                      st.daysLeft().isPresent()
                          ? number.format(Math.floor(st.daysLeft().getAsDouble()))
                          : message("dashboard.stock.noUse", locale));
                  values.put(
                      "stock.nextDrop",
                      st.nextDrop()
                          .next()
                          .map(
                              day ->
                                  messages.getMessage(
                                      "dashboard.stock.nextDrop",
                                      new Object[] {
                                        number.format(st.nextDrop().quantity()), dates.day(day)
                                      },
                                      locale))
                          .orElse(message("dashboard.stock.noDrop", locale)));
                  values.put(
                      "stock.reorder",
                      st.reorder() ? message("dashboard.stock.reorder", locale) : "");
                  states.put("stock.reorder", String.valueOf(st.reorder()));
                });
      }
      if (may.contains(Permission.EXPLAIN_QUEUE)) {
        s.queue()
            .ifPresent(
                tiers -> {
                  long waiting = 0;
                  long holding = 0;
                  for (AllocationService.TierLine t : tiers) {
                    values.put("queue.tier." + t.tier() + ".waiting", number.format(t.waiting()));
                    values.put("queue.tier." + t.tier() + ".holding", number.format(t.holding()));
                    waiting += t.waiting();
                    holding += t.holding();
                  }
                  values.put("queue.waiting", number.format(waiting));
                  values.put("queue.holding", number.format(holding));
                });
      }
      if (may.contains(Permission.SEE_APPROVALS)) {
        s.approvals()
            .ifPresent(
                a -> {
                  values.put("approvals.pending", number.format(a.size()));
                  // which ones: a list whose count stays the same still changes (refresh.js)
                  values.put(
                      "approvals.ids",
                      a.stream()
                          .map(approval -> String.valueOf(approval.id()))
                          .collect(java.util.stream.Collectors.joining(" ")));
                });
      }
      if (may.contains(Permission.SEE_HANDOVERS)) {
        s.unclaimed()
            .ifPresent(
                u -> {
                  values.put("unclaimed.cards", number.format(u.cards()));
                  values.put("unclaimed.oldest", number.format(u.oldestDays()));
                });
      }
      if (may.contains(Permission.MANAGE_USERS)) {
        s.users()
            .ifPresent(
                u -> {
                  values.put("users.total", number.format(u.total()));
                  values.put("users.locked", number.format(u.locked()));
                  values.put("users.disabled", number.format(u.disabled()));
                });
      }
      List<Line> alerts =
          s.alerts().stream()
              .filter(a -> may.contains(a.needs()))
              .map(a -> line(a, s, number, locale))
              .toList();
      return new LiveView(Map.copyOf(values), Map.copyOf(states), alerts);
    }

    private String card(PrinterSummary p, String nikMasked, Locale locale) {
      if (p.openJobId().isEmpty()) {
        return "-";
      }
      String stage = message("printers.stage." + p.openJobStage().orElse("UNKNOWN"), locale);
      return messages.getMessage(
          "dashboard.card",
          new Object[] {
            String.valueOf(p.openJobId().get()), stage, nikMasked == null ? "-" : nikMasked
          },
          locale);
    }

    private Line line(Alert a, Snapshot s, NumberFormat number, Locale locale) {
      String office = "?office=" + s.office().code();
      String link =
          switch (a.kind()) {
            case "REORDER" -> "/stock" + office;
            case "SMS_FAILED" -> "/sms";
            case "CENTRE_DOWN" -> "/consolidation";
            default -> "/printers" + office;
          };
      String level =
          switch (a.kind()) {
            case "QUARANTINED", "UNKNOWN_CARD", "CENTRE_DOWN" -> "error";
            default -> "warn";
          };
      return new Line(
          a.kind(),
          level,
          messages.getMessage(
              "dashboard.alert." + a.kind(),
              new Object[] {a.subject(), number.format(a.value())},
              locale),
          link);
    }

    private String message(String key, Locale locale) {
      return messages.getMessage(key, null, key, locale);
    }
  }
}
