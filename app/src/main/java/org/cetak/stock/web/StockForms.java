package org.cetak.stock.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.approval.ApprovalError;
import org.cetak.approval.Approvals;
import org.cetak.common.DomainException;
import org.cetak.common.ErrorCode;
import org.cetak.office.Access;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.platform.Problems;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.cetak.stock.DestructionLine;
import org.cetak.stock.DestructionProposal;
import org.cetak.stock.Destructions;
import org.cetak.stock.DropReceipts;
import org.cetak.stock.DropRequest;
import org.cetak.stock.Item;
import org.cetak.stock.Lending;
import org.cetak.stock.LoanRequest;
import org.cetak.stock.Location;
import org.cetak.stock.LossReports;
import org.cetak.stock.Losses;
import org.cetak.stock.Place;
import org.cetak.stock.PrinterRegistry;
import org.cetak.stock.SerialRange;
import org.cetak.stock.SpoilReason;
import org.cetak.stock.SpoilRecords;
import org.cetak.stock.SpoilRequest;
import org.cetak.stock.StockError;
import org.cetak.stock.WriteOffs;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The stock page's forms: a drop received, a loan, spoiled blanks, a write-off, a destruction
 * report, a loss report, and the second person's decision on what needs two. Each answers with the
 * stock page again: a notice when done, or the error in the user's language on the form it came
 * from, with what was typed kept and nothing changed.
 */
@Controller
public class StockForms {

  private final DropReceipts receipts;
  private final Lending lending;
  private final SpoilRecords spoils;
  private final WriteOffs writeOffs;
  private final Destructions destructions;
  private final Losses losses;
  private final Approvals approvals;
  private final PrinterRegistry registry;
  private final Access access;
  private final CurrentUser currentUser;
  private final Problems problems;

  public StockForms(
      DropReceipts receipts,
      Lending lending,
      SpoilRecords spoils,
      WriteOffs writeOffs,
      Destructions destructions,
      Losses losses,
      Approvals approvals,
      PrinterRegistry registry,
      Access access,
      CurrentUser currentUser,
      Problems problems) {
    this.receipts = receipts;
    this.lending = lending;
    this.spoils = spoils;
    this.writeOffs = writeOffs;
    this.destructions = destructions;
    this.losses = losses;
    this.approvals = approvals;
    this.registry = registry;
    this.access = access;
    this.currentUser = currentUser;
    this.problems = problems;
  }

  @PostMapping("/stock/drops")
  @Allow(Permission.RECEIVE_DROP)
  String drop(
      Office office,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        office,
        "drop",
        form,
        locale,
        redirect,
        () -> {
          List<SerialRange> serials = new ArrayList<>();
          List<String> firsts = form.getOrDefault("serialFirst", List.of());
          List<String> lasts = form.getOrDefault("serialLast", List.of());
          for (int i = 0; i < Math.max(firsts.size(), lasts.size()); i++) {
            String first = i < firsts.size() ? firsts.get(i).strip() : "";
            String last = i < lasts.size() ? lasts.get(i).strip() : "";
            if (!first.isEmpty() || !last.isEmpty()) {
              serials.add(SerialRange.parse(first, last));
            }
          }
          var drop =
              receipts.receive(
                  office.id(),
                  new DropRequest(
                      text(form, "documentNo"),
                      date(form, "documentDate", StockError.DOCUMENT_DATE_REQUIRED),
                      quantity(form),
                      serials),
                  currentUser.get());
          return problems.message(
              "stockpage.done.drop", locale, drop.documentNo(), drop.quantity());
        });
  }

  @PostMapping("/stock/loans")
  @Allow(Permission.LEND_OR_BORROW)
  String loan(
      Office office,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        office,
        "loan",
        form,
        locale,
        redirect,
        () -> {
          String counterpart = text(form, "counterpartOffice");
          LoanRequest request =
              new LoanRequest(
                  counterpart.isEmpty()
                      ? Optional.empty()
                      : Optional.of(access.office(counterpart).id()),
                  text(form, "counterpartName"),
                  text(form, "documentNo"),
                  quantity(form));
          String direction = text(form, "direction");
          var loan =
              switch (direction) {
                case "LEND" -> lending.lend(office.id(), request, currentUser.get());
                case "BORROW" -> lending.borrow(office.id(), request, currentUser.get());
                default ->
                    throw new DomainException(
                        StockError.INVALID_DIRECTION, "direction must be LEND or BORROW");
              };
          return problems.message(
              "stockpage.done.loan." + loan.direction().name(),
              locale,
              loan.quantity(),
              loan.documentNo());
        });
  }

  @PostMapping("/stock/spoils")
  @Allow(Permission.RECORD_SPOIL)
  String spoil(
      Office office,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        office,
        "spoil",
        form,
        locale,
        redirect,
        () -> {
          var recorded =
              spoils.spoiled(
                  office.id(),
                  new SpoilRequest(
                      text(form, "printerCode"),
                      "true".equals(text(form, "fromInside")),
                      quantity(form),
                      spoilReason(form),
                      optional(form, "chipUid"),
                      Optional.empty(),
                      text(form, "note")),
                  currentUser.get());
          return problems.message(
              "stockpage.done.spoil", locale, recorded.movement().quantity(), recorded.id());
        });
  }

  @PostMapping("/stock/write-offs")
  @Allow(Permission.PROPOSE_DISPOSAL)
  String writeOff(
      Office office,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        office,
        "writeOff",
        form,
        locale,
        redirect,
        () -> {
          Approval approval =
              writeOffs.propose(
                  office.id(),
                  place(office, form),
                  quantity(form),
                  spoilReason(form),
                  text(form, "note"),
                  currentUser.get());
          return problems.message("stockpage.done.proposed", locale, approval.id());
        });
  }

  @PostMapping("/stock/destruction-reports")
  @Allow(Permission.PROPOSE_DISPOSAL)
  String destruction(
      Office office,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        office,
        "destruction",
        form,
        locale,
        redirect,
        () -> {
          List<DestructionLine> lines = new ArrayList<>();
          for (String picked : form.getOrDefault("spoil", List.of())) {
            String[] parts = picked.split(":", -1);
            try {
              lines.add(DestructionLine.spoil(Item.valueOf(parts[0]), Long.parseLong(parts[1])));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
              throw new DomainException(
                  StockError.INVALID_DESTRUCTION_LINE, "Unreadable spoiled card " + picked);
            }
          }
          for (String serial : text(form, "serials").lines().toList()) {
            if (!serial.isBlank()) {
              lines.add(DestructionLine.serial(Item.BLANK, serial.strip()));
            }
          }
          List<String> witnesses =
              form.getOrDefault("witness", List.of()).stream()
                  .map(String::strip)
                  .filter(w -> !w.isEmpty())
                  .toList();
          var report =
              destructions.propose(
                  office.id(),
                  new DestructionProposal(
                      date(form, "date", StockError.DATE_REQUIRED),
                      text(form, "place"),
                      witnesses,
                      lines),
                  currentUser.get());
          return problems.message(
              "stockpage.done.destruction", locale, report.number(), report.cards().size());
        });
  }

  @PostMapping("/stock/loss-reports")
  @Allow(Permission.REPORT_LOSS)
  String loss(
      Office office,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        office,
        "loss",
        form,
        locale,
        redirect,
        () -> {
          var report =
              losses.propose(
                  office.id(),
                  new LossReports.Proposal(
                      date(form, "date", StockError.DATE_REQUIRED),
                      place(office, form),
                      quantity(form),
                      text(form, "circumstances"),
                      optional(form, "chipUid"),
                      optional(form, "serial"),
                      Optional.empty()),
                  currentUser.get());
          return problems.message("stockpage.done.loss", locale, report.number());
        });
  }

  @PostMapping("/stock/approvals/{id}/approve")
  @Allow(Permission.DECIDE_APPROVAL)
  String approve(
      Office office,
      @PathVariable("id") long id,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        office,
        "approval",
        form,
        locale,
        redirect,
        () -> {
          Approval decided =
              approvals.approve(inOffice(office, id), currentUser.get(), text(form, "note"));
          return problems.message("stockpage.done.approved", locale, decided.id());
        });
  }

  @PostMapping("/stock/approvals/{id}/reject")
  @Allow(Permission.DECIDE_APPROVAL)
  String reject(
      Office office,
      @PathVariable("id") long id,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        office,
        "approval",
        form,
        locale,
        redirect,
        () -> {
          Approval decided =
              approvals.reject(inOffice(office, id), currentUser.get(), text(form, "note"));
          return problems.message("stockpage.done.rejected", locale, decided.id());
        });
  }

  private long inOffice(Office office, long id) {
    return approvals
        .byId(id)
        .filter(a -> a.officeId() == office.id())
        .map(Approval::id)
        .orElseThrow(
            () ->
                new DomainException(
                    ApprovalError.UNKNOWN_APPROVAL,
                    "No approval " + id + " in office " + office.code()));
  }

  /** What a form does, answering with its notice. */
  private interface Action {
    String run();
  }

  private String act(
      Office office,
      String formName,
      MultiValueMap<String, String> form,
      Locale locale,
      RedirectAttributes redirect,
      Action action) {
    try {
      redirect.addFlashAttribute("notice", action.run());
    } catch (DomainException e) {
      if (e.kind() == ErrorCode.Kind.FORBIDDEN) {
        throw e;
      }
      redirect.addFlashAttribute("formError", problems.title(e.error(), locale));
      redirect.addFlashAttribute("errorCode", e.code());
      redirect.addFlashAttribute("failedForm", formName);
      Map<String, String> typed = new LinkedHashMap<>();
      form.forEach((k, v) -> typed.put(k, String.join("\n", v)));
      redirect.addFlashAttribute("typed", typed);
    }
    redirect.addAttribute("office", office.code());
    return "redirect:/stock#form-" + formName;
  }

  private static String text(MultiValueMap<String, String> form, String name) {
    String value = form.getFirst(name);
    return value == null ? "" : value.strip();
  }

  private static Optional<String> optional(MultiValueMap<String, String> form, String name) {
    String value = text(form, name);
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static int quantity(MultiValueMap<String, String> form) {
    String value = text(form, "quantity").replace(".", "");
    if (value.isEmpty()) {
      throw new DomainException(StockError.QUANTITY_REQUIRED, "quantity is required");
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new DomainException(StockError.INVALID_QUANTITY, "quantity is not a whole number");
    }
  }

  private static LocalDate date(
      MultiValueMap<String, String> form, String name, StockError missing) {
    String value = text(form, name);
    if (value.isEmpty()) {
      throw new DomainException(missing, name + " is required");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new DomainException(missing, name + " is not a date");
    }
  }

  private static SpoilReason spoilReason(MultiValueMap<String, String> form) {
    try {
      return SpoilReason.valueOf(text(form, "reason"));
    } catch (IllegalArgumentException e) {
      throw new DomainException(StockError.INVALID_SPOIL_REASON, "Choose why the blanks spoiled");
    }
  }

  private Place place(Office office, MultiValueMap<String, String> form) {
    Location location;
    try {
      location = Location.valueOf(text(form, "location"));
    } catch (IllegalArgumentException e) {
      throw new DomainException(StockError.LOCATION_REQUIRED, "Choose where the blanks are");
    }
    return location.isPerPrinter()
        ? new Place(
            location, Optional.of(registry.printer(office.id(), text(form, "printerCode")).id()))
        : Place.of(location);
  }
}
