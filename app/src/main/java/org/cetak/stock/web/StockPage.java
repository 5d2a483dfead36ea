package org.cetak.stock.web;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.approval.Approvals;
import org.cetak.common.DateText;
import org.cetak.notify.Notices;
import org.cetak.office.Access;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.cetak.stock.DestructionReport;
import org.cetak.stock.DestructionReports;
import org.cetak.stock.DropReceipts;
import org.cetak.stock.Item;
import org.cetak.stock.Ledger;
import org.cetak.stock.LedgerQuery;
import org.cetak.stock.Loan;
import org.cetak.stock.Loans;
import org.cetak.stock.Location;
import org.cetak.stock.LossReport;
import org.cetak.stock.Losses;
import org.cetak.stock.Place;
import org.cetak.stock.Printer;
import org.cetak.stock.Printers;
import org.cetak.stock.Reconciliation;
import org.cetak.stock.RecordedMovement;
import org.cetak.stock.ReferenceKind;
import org.cetak.stock.SpoilReason;
import org.cetak.stock.StockLevels;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's stock page of one office: balances, the reconciliation, the ledger with filters and
 * keyset paging, the spoiled pile, drops, loss and destruction reports with their pending
 * approvals, and the forms ({@link DropForms}, {@link LoanForm}, {@link DisposalForms}, {@link
 * LossForm}, {@link StockApprovalForms}) that the user's role may use. Times are in the office's
 * zone.
 */
@Controller
public class StockPage {

  /** Ledger rows on one page. */
  static final int PAGE = 50;

  /** The actor a print station writes its movements under, followed by the printer's code. */
  private static final String STATION = "station:";

  private final Access access;
  private final CurrentUser currentUser;
  private final StockLevels levels;
  private final Ledger ledger;
  private final Printers printers;
  private final Approvals approvals;
  private final DestructionReports destructions;
  private final Losses losses;
  private final DropReceipts drops;
  private final Loans loans;
  private final Notices notices;
  private final MessageSource messages;
  private final org.cetak.console.Labels words;
  private final Clock clock;

  public StockPage(
      Access access,
      CurrentUser currentUser,
      StockLevels levels,
      Ledger ledger,
      Printers printers,
      Approvals approvals,
      DestructionReports destructions,
      Losses losses,
      DropReceipts drops,
      Loans loans,
      Notices notices,
      MessageSource messages,
      org.cetak.console.Labels words,
      Clock clock) {
    this.access = access;
    this.currentUser = currentUser;
    this.levels = levels;
    this.ledger = ledger;
    this.printers = printers;
    this.approvals = approvals;
    this.destructions = destructions;
    this.losses = losses;
    this.drops = drops;
    this.loans = loans;
    this.notices = notices;
    this.messages = messages;
    this.words = words;
    this.clock = clock;
  }

  /** One printer's slots. */
  public record PrinterRow(String code, String name, long feeder, long inside, long unknown) {}

  /** One movement as the page shows it. */
  public record MovementRow(
      long id,
      String when,
      String item,
      String from,
      String to,
      String quantity,
      String reason,
      String actor,
      String kind,
      String detail) {}

  /** A pending two-person approval. */
  public record ApprovalRow(
      long id,
      String summary,
      String proposedBy,
      String proposedAt,
      boolean mayDecide,
      boolean ownProposal) {}

  /** A destruction report with its PDF. */
  public record DestructionRow(
      long id, String number, String date, String status, int cards, String pdf) {}

  /** A loss report. */
  public record LossRow(
      long id, String number, String date, String from, int quantity, String status, int found) {}

  /** A drop received from the centre. */
  public record DropRow(
      long id,
      String documentNo,
      String documentDate,
      String quantity,
      String serials,
      String receivedAt) {}

  /** A loan of blanks to or from another office, with what of it is still out and its returns. */
  public record LoanRow(
      long id,
      String documentNo,
      String direction,
      String counterpart,
      String quantity,
      String returned,
      int outstanding,
      String recordedAt,
      List<ReturnRow> returns) {}

  /** One return of a loan: its document, how many came back, who recorded it and when. */
  public record ReturnRow(
      String documentNo, String quantity, String returnedBy, String returnedAt) {}

  /** A spoil movement still (partly) on the spoiled pile, for the destruction form. */
  public record SpoiledRow(
      long movementId, String item, String when, String quantity, String what) {}

  /** The office named by {@code ?office=32.71}, or the user's own; another is refused. */
  @GetMapping("/stock")
  @Allow(Permission.SEE_STOCK)
  String stock(
      Office shown,
      @RequestParam(name = "from", defaultValue = "") String from,
      @RequestParam(name = "to", defaultValue = "") String to,
      @RequestParam(name = "location", defaultValue = "") String location,
      @RequestParam(name = "kind", defaultValue = "") String kind,
      @RequestParam(name = "printer", defaultValue = "") String printer,
      @RequestParam(name = "before", defaultValue = "") String before,
      Locale locale,
      Model model) {
    User user = currentUser.get();
    long officeId = shown.id();
    ZoneId zone = notices.settings(officeId).zone();
    Labels labels = new Labels(locale, zone, printers.list(officeId));
    Reconciliation r = levels.reconciliation(officeId);
    model.addAttribute("office", shown);
    model.addAttribute(
        "offices",
        access.visible(user).stream()
            .filter(o -> access.allows(user, Permission.SEE_STOCK, o.id()))
            .toList());
    model.addAttribute("rec", r);
    model.addAttribute("printers", labels.printers.stream().map(p -> row(officeId, p)).toList());
    long usable = levels.usable(officeId);
    model.addAttribute("available", levels.available(officeId));
    model.addAttribute("reserved", levels.reserved(officeId));
    model.addAttribute("usable", usable);
    model.addAttribute("threshold", levels.reorderThreshold());
    model.addAttribute("alert", usable < levels.reorderThreshold());
    model.addAttribute("zone", zone.getId());
    model.addAttribute("today", LocalDate.now(clock.withZone(zone)).toString());

    Filter filter = new Filter(from, to, location, kind, printer, before);
    List<String> problems = new ArrayList<>();
    LedgerQuery query = filter.query(officeId, zone, labels.printers, problems, locale);
    List<RecordedMovement> page = ledger.page(query);
    boolean more = page.size() > PAGE;
    List<RecordedMovement> shownRows = more ? page.subList(0, PAGE) : page;
    model.addAttribute("filter", filter);
    model.addAttribute("filterErrors", problems);
    model.addAttribute("movements", shownRows.stream().map(labels::movement).toList());
    model.addAttribute("nextBefore", more ? String.valueOf(shownRows.get(PAGE - 1).id()) : "");
    model.addAttribute("locations", Location.values());
    model.addAttribute("kinds", ReferenceKind.values());
    model.addAttribute("spoilReasons", spoilReasons());
    model.addAttribute("perPrinterLocations", writeOffLocations());

    List<RecordedMovement> spoiledPile =
        ledger.page(
            new LedgerQuery(
                officeId,
                Optional.empty(),
                Optional.empty(),
                Optional.of(Location.SPOILED),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                LedgerQuery.MAX_LIMIT));
    model.addAttribute(
        "spoiled",
        spoiledPile.stream()
            .filter(m -> m.movement().to().location() == Location.SPOILED)
            .limit(100)
            .map(labels::spoiled)
            .toList());

    boolean mayDecide = access.allows(user, Permission.DECIDE_APPROVAL, officeId);
    model.addAttribute(
        "approvals",
        approvals.list(officeId, Optional.of(Approval.Status.PROPOSED)).stream()
            .map(a -> labels.approval(a, mayDecide, a.proposedBy().equals(user.username())))
            .toList());
    model.addAttribute(
        "destructions",
        destructions.list(officeId).stream()
            .sorted((a, b) -> Long.compare(b.id(), a.id()))
            .limit(20)
            .map(d -> labels.destruction(d, shown.code()))
            .toList());
    model.addAttribute(
        "losses",
        losses.list(officeId).stream()
            .sorted((a, b) -> Long.compare(b.id(), a.id()))
            .limit(20)
            .map(labels::loss)
            .toList());
    model.addAttribute(
        "drops",
        drops.drops(officeId).stream()
            .sorted((a, b) -> b.receivedAt().compareTo(a.receivedAt()))
            .limit(10)
            .map(
                d ->
                    new DropRow(
                        d.id(),
                        d.documentNo(),
                        labels.day(d.documentDate()),
                        labels.number(d.quantity()),
                        String.join(", ", d.serials().stream().map(Object::toString).toList()),
                        labels.time(d.receivedAt())))
            .toList());
    Map<Long, List<ReturnRow>> returns = new HashMap<>();
    for (Loan.Returned back : loans.returns(officeId)) {
      returns
          .computeIfAbsent(back.loanId(), id -> new ArrayList<>())
          .add(
              new ReturnRow(
                  back.documentNo(),
                  labels.number(back.quantity()),
                  back.returnedBy(),
                  labels.time(back.returnedAt())));
    }
    model.addAttribute(
        "loans",
        loans.list(officeId).stream()
            .sorted((a, b) -> Long.compare(b.id(), a.id()))
            .limit(20)
            .map(
                l ->
                    new LoanRow(
                        l.id(),
                        l.documentNo(),
                        labels.text("stockpage.location." + l.direction().name()),
                        l.counterpartName(),
                        labels.number(l.quantity()),
                        labels.number(l.returned()),
                        l.outstanding(),
                        labels.time(l.recordedAt()),
                        returns.getOrDefault(l.id(), List.of())))
            .toList());
    Map<String, Boolean> may = new HashMap<>();
    for (Permission p :
        List.of(
            Permission.RECEIVE_DROP,
            Permission.LEND_OR_BORROW,
            Permission.RECORD_SPOIL,
            Permission.PROPOSE_DISPOSAL,
            Permission.REPORT_LOSS,
            Permission.DECIDE_APPROVAL)) {
      may.put(p.name(), access.allows(user, p, officeId));
    }
    model.addAttribute("may", may);
    return "stock";
  }

  static List<SpoilReason> spoilReasons() {
    return Arrays.stream(SpoilReason.values())
        .filter(r -> r != SpoilReason.WITHDRAWN_OLD_CARD && r != SpoilReason.REPRINT)
        .filter(r -> !r.qualityCheck())
        .toList();
  }

  /** Where blanks can be written off or reported lost from. */
  static List<Location> writeOffLocations() {
    return List.of(
        Location.VAULT,
        Location.FEEDER,
        Location.INSIDE_PRINTER,
        Location.UNKNOWN,
        Location.SPOILED);
  }

  private PrinterRow row(long officeId, Printer p) {
    long feeder = 0;
    long inside = 0;
    long unknown = 0;
    for (var b : ledger.balances(officeId)) {
      if (b.place().printerId().filter(id -> id == p.id()).isEmpty() || b.item() != Item.BLANK) {
        continue;
      }
      switch (b.place().location()) {
        case FEEDER -> feeder = b.quantity();
        case INSIDE_PRINTER -> inside = b.quantity();
        case UNKNOWN -> unknown = b.quantity();
        default -> {}
      }
    }
    return new PrinterRow(p.code(), p.name(), feeder, inside, unknown);
  }

  /**
   * The ledger filter as typed; what cannot be read is named in {@code problems} and left out, so
   * the page still shows the ledger.
   */
  public record Filter(
      String from, String to, String location, String kind, String printer, String before) {

    LedgerQuery query(
        long officeId, ZoneId zone, List<Printer> printers, List<String> problems, Locale locale) {
      Optional<LocalDate> fromDay = day(from, "stockpage.filter.from", problems);
      Optional<LocalDate> toDay = day(to, "stockpage.filter.to", problems);
      if (fromDay.isPresent() && toDay.isPresent() && toDay.get().isBefore(fromDay.get())) {
        problems.add("stockpage.filter.error.range");
        toDay = Optional.empty();
      }
      Optional<Location> place =
          Arrays.stream(Location.values()).filter(l -> l.name().equals(location)).findFirst();
      if (place.isEmpty() && !location.isBlank()) {
        problems.add("stockpage.filter.error.location");
      }
      Optional<ReferenceKind> refKind =
          Arrays.stream(ReferenceKind.values()).filter(k -> k.name().equals(kind)).findFirst();
      if (refKind.isEmpty() && !kind.isBlank()) {
        problems.add("stockpage.filter.error.kind");
      }
      Optional<Long> printerId =
          printers.stream().filter(p -> p.code().equals(printer)).map(Printer::id).findFirst();
      if (printerId.isEmpty() && !printer.isBlank()) {
        problems.add("stockpage.filter.error.printer");
      }
      Optional<Long> cursor = Optional.empty();
      if (!before.isBlank()) {
        try {
          cursor = Optional.of(Long.parseLong(before.strip()));
        } catch (NumberFormatException e) {
          problems.add("stockpage.filter.error.page");
        }
      }
      return new LedgerQuery(
          officeId,
          fromDay.map(d -> d.atStartOfDay(zone).toInstant()),
          toDay.map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()),
          place,
          refKind,
          printerId,
          cursor,
          PAGE + 1);
    }

    private static Optional<LocalDate> day(String text, String field, List<String> problems) {
      if (text == null || text.isBlank()) {
        return Optional.empty();
      }
      try {
        return Optional.of(LocalDate.parse(text.strip()));
      } catch (DateTimeParseException e) {
        problems.add(field + ".error");
        return Optional.empty();
      }
    }

    /** Whether any filter is set (the page then offers to clear them). */
    public boolean any() {
      return !(from.isBlank()
          && to.isBlank()
          && location.isBlank()
          && kind.isBlank()
          && printer.isBlank());
    }
  }

  /** Words, numbers and times in the reader's language and the office's time zone. */
  private final class Labels {
    final Locale locale;
    final List<Printer> printers;
    final DateText dates;
    final NumberFormat numbers;

    Labels(Locale locale, ZoneId zone, List<Printer> printers) {
      this.locale = locale;
      this.printers = printers;
      this.dates = DateText.of(zone, locale);
      this.numbers = NumberFormat.getIntegerInstance(locale);
    }

    String text(String key, Object... args) {
      return messages.getMessage(key, args, key, locale);
    }

    String number(long n) {
      return numbers.format(n);
    }

    String day(LocalDate date) {
      return dates.day(date);
    }

    String time(Instant instant) {
      return dates.time(instant);
    }

    String place(Place place) {
      String name = text("stockpage.location." + place.location().name());
      return place
          .printerId()
          .map(
              id ->
                  name
                      + " "
                      + printers.stream()
                          .filter(p -> p.id() == id)
                          .map(Printer::code)
                          .findFirst()
                          .orElse("#" + id))
          .orElse(name);
    }

    String reason(String reason) {
      return messages.getMessage("stockpage.reason." + reason, null, reason, locale);
    }

    MovementRow movement(RecordedMovement r) {
      var m = r.movement();
      List<String> detail = new ArrayList<>();
      m.detail()
          .serialFirst()
          .ifPresent(
              f ->
                  detail.add(
                      text("stockpage.serials")
                          + " "
                          + f
                          + m.detail()
                              .serialLast()
                              .filter(l -> !l.equals(f))
                              .map(l -> "–" + l)
                              .orElse("")));
      m.detail().chipUid().ifPresent(c -> detail.add(text("stockpage.chip") + " " + c));
      boolean byStation = m.actor().startsWith(STATION);
      if (!m.detail().note().isBlank()) {
        // a station writes what the device answered, as the device said it
        detail.add(byStation ? text("stockpage.deviceNote", m.detail().note()) : m.detail().note());
      }
      return new MovementRow(
          r.id(),
          time(r.occurredAt()),
          text("stockpage.item." + m.item().name()),
          place(m.from()),
          place(m.to()),
          number(m.quantity()),
          reason(m.reason()),
          words.actor(m.actor(), locale),
          text("stockpage.kind." + m.referenceKind().name()) + " " + m.referenceId(),
          String.join(" · ", detail));
    }

    SpoiledRow spoiled(RecordedMovement r) {
      var m = r.movement();
      String what =
          reason(m.reason())
              + m.detail().chipUid().map(c -> " · " + text("stockpage.chip") + " " + c).orElse("")
              + m.detail().serialFirst().map(s -> " · " + s).orElse("");
      return new SpoiledRow(
          r.id(), m.item().name(), time(r.occurredAt()), number(m.quantity()), what);
    }

    ApprovalRow approval(Approval a, boolean mayDecide, boolean own) {
      return new ApprovalRow(
          a.id(),
          words.approvalSummary(a, locale),
          a.proposedBy(),
          time(a.proposedAt()),
          mayDecide && !own,
          own);
    }

    DestructionRow destruction(DestructionReport d, String officeCode) {
      return new DestructionRow(
          d.id(),
          d.number(),
          day(d.date()),
          text("stockpage.destruction.status." + d.status().name()),
          d.cards().size(),
          "/api/offices/" + officeCode + "/stock/destruction-reports/" + d.id() + "/pdf");
    }

    LossRow loss(LossReport l) {
      return new LossRow(
          l.id(),
          l.number(),
          day(l.date()),
          place(l.from()),
          l.quantity(),
          text("stockpage.loss.status." + l.status().name()),
          l.found());
    }
  }
}
