package org.cetak.printing.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.approval.Approvals;
import org.cetak.common.DateText;
import org.cetak.common.DomainException;
import org.cetak.common.ErrorCode;
import org.cetak.common.OfficeZones;
import org.cetak.office.Access;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.cetak.platform.Problems;
import org.cetak.printing.FirstCard;
import org.cetak.printing.PayloadFetchingQueue;
import org.cetak.printing.PayloadWaits;
import org.cetak.printing.PrinterControl;
import org.cetak.printing.PrinterSummary;
import org.cetak.printing.PrintingError;
import org.cetak.printing.Reprints;
import org.cetak.printing.Sighting;
import org.cetak.printing.config.DeviceFileReloads;
import org.cetak.printing.config.InvalidDeviceFileException;
import org.cetak.quality.QualityChecks;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.cetak.stock.StockError;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's printer page: live state of each printer and the operator's buttons, reprint
 * requests with their approval, the requests waiting for their photo and signature, and the device
 * file reload. The live stream ({@code /live}) pushes the printers' states; when a printer's
 * buttons change the page fetches {@code /printers/table} again, keeping a form being filled in. An
 * action answers with a notice or an error in the officer's language; an action the user may not
 * take is refused with 403.
 */
@Controller
public class PrintersPage {

  /** Reprint requests the page lists, newest first. */
  private static final int REPRINTS_SHOWN = 20;

  private final PrinterControl control;
  private final CurrentUser currentUser;
  private final Access access;
  private final MessageSource messages;
  private final Reprints reprints;
  private final Approvals approvals;
  private final DeviceFileReloads devices;
  private final PayloadWaits payloadWaits;
  private final QualityChecks checks;
  private final Problems problems;
  private final OfficeZones zones;

  public PrintersPage(
      PrinterControl control,
      CurrentUser currentUser,
      Access access,
      MessageSource messages,
      Reprints reprints,
      Approvals approvals,
      DeviceFileReloads devices,
      PayloadWaits payloadWaits,
      QualityChecks checks,
      Problems problems,
      OfficeZones zones) {
    this.control = control;
    this.zones = zones;
    this.problems = problems;
    this.checks = checks;
    this.payloadWaits = payloadWaits;
    this.currentUser = currentUser;
    this.access = access;
    this.messages = messages;
    this.reprints = reprints;
    this.approvals = approvals;
    this.devices = devices;
  }

  /**
   * What a user may do to the printers of an office; the page shows only these controls.
   *
   * @param reprint ask for a printed card to be printed again
   * @param decide approve or reject a reprint
   * @param reload have this node read its device file again
   */
  public record Allowed(
      boolean run, boolean load, boolean settle, boolean reprint, boolean decide, boolean reload) {}

  @GetMapping("/printers")
  @Allow(Permission.SEE_PRINTERS)
  String printers(Office office, Locale locale, Model model) {
    table(office, model);
    User user = currentUser.get();
    model.addAttribute("offices", access.visible(user));
    model.addAttribute(
        "reprints",
        approvals.list(office.id(), Optional.empty()).stream()
            .filter(a -> a.kind().equals(Reprints.KIND))
            .sorted(
                Comparator.comparing((Approval a) -> a.status() != Approval.Status.PROPOSED)
                    .thenComparing(Approval::proposedAt, Comparator.reverseOrder()))
            .limit(REPRINTS_SHOWN)
            .toList());
    model.addAttribute("payloadWaits", payloadWaits.waiting(office.id()));
    model.addAttribute("toCheck", checks.waitingCount(office.id()));
    model.addAttribute("payloadRetryMinutes", PayloadFetchingQueue.RETRY.toMinutes());
    model.addAttribute("when", DateText.of(zones.of(office.id()), locale));
    return "printers";
  }

  /** The printers table alone, for the page to refresh itself. */
  @GetMapping("/printers/table")
  @Allow(Permission.SEE_PRINTERS)
  String table(Office office, Model model) {
    User user = currentUser.get();
    model.addAttribute("office", office);
    List<PrinterSummary> printers = control.printers(office.id());
    model.addAttribute("printers", printers);
    model.addAttribute("vault", control.vault(office.id()));
    List<PrinterSummary> share = control.blanksToShare(office.id(), printers);
    model.addAttribute("share", share);
    model.addAttribute(
        "dry",
        share.isEmpty() ? List.of() : printers.stream().filter(p -> p.feeder() == 0).toList());
    model.addAttribute(
        "allowed",
        new Allowed(
            access.allows(user, Permission.RUN_PRINTER, office.id()),
            access.allows(user, Permission.LOAD_PRINTER, office.id()),
            access.allows(user, Permission.SETTLE_CARD, office.id()),
            access.allows(user, Permission.REQUEST_REPRINT, office.id()),
            access.allows(user, Permission.DECIDE_APPROVAL, office.id()),
            access.allows(user, Permission.RELOAD_DEVICES, office.id())));
    return "printers :: table";
  }

  @PostMapping("/printers/{code}/pause")
  @Allow(Permission.RUN_PRINTER)
  String pause(
      Office office,
      @PathVariable("code") String code,
      @RequestParam(name = "reason", defaultValue = "") String reason,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        redirect,
        locale,
        office,
        new Outcome(code, "", 0),
        "paused",
        () -> control.pause(office, code, reason, currentUser.get()));
  }

  @PostMapping("/printers/{code}/resume")
  @Allow(Permission.RUN_PRINTER)
  String resume(
      Office office,
      @PathVariable("code") String code,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        redirect,
        locale,
        office,
        new Outcome(code, "", 0),
        "resumed",
        () -> control.resume(office, code, currentUser.get()));
  }

  /** The quantity is taken as typed, so that an empty or odd entry gets a clear answer. */
  @PostMapping("/printers/{code}/load")
  @Allow(Permission.LOAD_PRINTER)
  String load(
      Office office,
      @PathVariable("code") String code,
      @RequestParam(name = "quantity", defaultValue = "") String quantity,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        redirect,
        locale,
        office,
        new Outcome(code, asTyped(quantity), 0),
        "loaded",
        () -> control.load(office, code, parseQuantity(quantity), currentUser.get()));
  }

  /**
   * With the vault empty and a feeder dry, the operator moves blanks from a printer that holds some
   * into the dry one (as {@code POST /api/offices/{office}/printers/{code}/move}).
   */
  @PostMapping("/printers/move")
  @Allow(Permission.LOAD_PRINTER)
  String move(
      Office office,
      @RequestParam(name = "from", defaultValue = "") String from,
      @RequestParam(name = "to", defaultValue = "") String to,
      @RequestParam(name = "quantity", defaultValue = "") String quantity,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        redirect,
        locale,
        office,
        new Outcome(from, asTyped(quantity), 0, to),
        "moved",
        () -> control.move(office, from, to, parseQuantity(quantity), currentUser.get()));
  }

  /**
   * No answer is preselected, and "in the output hopper" (the answer that marks the card printed)
   * needs the officer to confirm they saw the printed card there.
   */
  @PostMapping("/printers/{code}/jobs/{job}/settle")
  @Allow(Permission.SETTLE_CARD)
  String settle(
      Office office,
      @PathVariable("code") String code,
      @PathVariable("job") long job,
      @RequestParam(name = "sighting", defaultValue = "") String sighting,
      @RequestParam(name = "confirm", defaultValue = "") String confirm,
      Locale locale,
      RedirectAttributes redirect) {
    Optional<Sighting> seen = parseSighting(sighting);
    String said =
        seen.map(s -> messages.getMessage("printers.sighting." + s, null, s.name(), locale))
            .orElse("");
    return act(
        redirect,
        locale,
        office,
        new Outcome(code, said, job),
        "settled",
        () -> {
          Sighting where =
              seen.orElseThrow(
                  () ->
                      new DomainException(
                          PrintingError.SIGHTING_REQUIRED,
                          "Say where the card is, not '" + sighting + "'"));
          if (where == Sighting.IN_OUTPUT_HOPPER && !"yes".equals(confirm)) {
            throw new DomainException(
                PrintingError.CONFIRMATION_REQUIRED,
                "Confirm that the printed card is in the output hopper");
          }
          control.settle(office, code, job, where, currentUser.get());
        });
  }

  /**
   * An operator or supervisor asks for a printed card to be printed again, with a reason and, when
   * known, what happened to the first card (as the API's {@code firstCard}): checked by {@link
   * Reprints#propose} and recorded when a supervisor grants the reprint.
   */
  @PostMapping("/printers/reprints")
  @Allow(Permission.REQUEST_REPRINT)
  String reprint(
      Office office,
      @RequestParam(name = "request", defaultValue = "") String request,
      @RequestParam(name = "reason", defaultValue = "") String reason,
      @RequestParam(name = "firstCardOutcome", defaultValue = "") String firstCardOutcome,
      @RequestParam(name = "firstCardUid", defaultValue = "") String firstCardUid,
      @RequestParam(name = "firstCardSerial", defaultValue = "") String firstCardSerial,
      @RequestParam(name = "firstCardPoliceReportNo", defaultValue = "")
          String firstCardPoliceReportNo,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        redirect,
        locale,
        office,
        new Outcome("", request.strip(), 0),
        "reprint",
        () -> {
          long requestId;
          try {
            requestId = Long.parseLong(request.strip());
          } catch (NumberFormatException e) {
            throw new DomainException(
                PrintingError.UNKNOWN_REQUEST, "No print request '" + request + "'");
          }
          reprints.propose(
              office.id(),
              requestId,
              reason,
              FirstCard.of(
                  firstCardOutcome, firstCardUid, firstCardSerial, firstCardPoliceReportNo),
              currentUser.get());
        });
  }

  /**
   * An administrator has this node read its device file again (as {@code POST
   * /api/devices/reload}); the page says which printers were added, removed and changed, or lists
   * the file's mistakes, each with its line.
   */
  @PostMapping("/printers/devices/reload")
  @Allow(Permission.RELOAD_DEVICES)
  String reload(
      Office office,
      @RequestParam(name = "back", defaultValue = "printers") String back,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      redirect.addFlashAttribute(
          "notice", ReloadNotice.of(devices.reload(currentUser.get()), messages, locale));
    } catch (DomainException e) {
      if (e.kind() == ErrorCode.Kind.FORBIDDEN) {
        throw e;
      }
      List<String> mistakes =
          e instanceof InvalidDeviceFileException invalid ? invalid.errors() : List.of();
      redirect.addFlashAttribute(
          "error",
          messages.getMessage("devices.error." + e.code(), new Object[] {mistakes.size()}, locale));
      redirect.addFlashAttribute("mistakes", mistakes);
    }
    redirect.addAttribute("office", office.code());
    return "home".equals(back) ? "redirect:/" : "redirect:/printers";
  }

  private static int parseQuantity(String typed) {
    if (typed.isBlank()) {
      throw new DomainException(StockError.QUANTITY_REQUIRED, "Say how many blanks to load");
    }
    try {
      return Integer.parseInt(typed.strip());
    } catch (NumberFormatException e) {
      throw new DomainException(
          StockError.INVALID_QUANTITY,
          "Load a positive number of blanks, not '" + typed + "'",
          typed);
    }
  }

  /** A number as a number (for the locale to format), anything else as typed. */
  private static Object asTyped(String typed) {
    try {
      return Integer.valueOf(typed.strip());
    } catch (NumberFormatException e) {
      return typed.strip();
    }
  }

  private static Optional<Sighting> parseSighting(String name) {
    try {
      return Optional.of(Sighting.valueOf(name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Runs the action and says what came of it: {@code printers.done.<done>}, or the refusal as
   * {@code printers.error.<done>.<code>} or {@code printers.error.<code>}. A refusal for lack of
   * rights is not a message but a 403: the page never offers such an action, so only a forged
   * request gets one.
   */
  private String act(
      RedirectAttributes redirect,
      Locale locale,
      Office office,
      Outcome outcome,
      String done,
      Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute(
          "notice", messages.getMessage("printers.done." + done, args(office, outcome), locale));
    } catch (DomainException e) {
      if (e.kind() == ErrorCode.Kind.FORBIDDEN) {
        throw e;
      }
      Object[] args = args(office, outcome);
      String said =
          problems
              .detail(e.error(), e.args(), locale)
              .orElseGet(() -> problems.title(e.error(), locale));
      String generic = messages.getMessage("printers.error", new Object[] {said}, said, locale);
      String general = messages.getMessage("printers.error." + e.code(), args, generic, locale);
      redirect.addFlashAttribute(
          "error",
          messages.getMessage("printers.error." + done + "." + e.code(), args, general, locale));
    }
    redirect.addAttribute("office", office.code());
    return "redirect:/printers";
  }

  private Object[] args(Office office, Outcome outcome) {
    return new Object[] {
      outcome.printer(),
      outcome.said(),
      control.vault(office.id()),
      String.valueOf(outcome.jobId()),
      outcome.to()
    };
  }

  /**
   * What a message may mention: {0} the printer's code, {1} what the officer entered (a quantity, a
   * sighting), {2} the blanks in the vault, {3} the print job, {4} the printer blanks are moved to.
   */
  private record Outcome(String printer, Object said, long jobId, String to) {
    Outcome(String printer, Object said, long jobId) {
      this(printer, said, jobId, "");
    }
  }
}
