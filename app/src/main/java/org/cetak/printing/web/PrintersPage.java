package org.cetak.printing.web;

import java.util.Locale;
import java.util.Optional;
import org.cetak.common.DomainException;
import org.cetak.common.ErrorCode;
import org.cetak.office.Access;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.cetak.printing.PrinterControl;
import org.cetak.printing.PrintingError;
import org.cetak.printing.Sighting;
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
 * The console's printer page: live state of each printer and the operator's buttons. The page polls
 * {@code /printers/table} to follow the printers without a reload. An action answers with a notice
 * or an error in the officer's language; an action the user may not take is refused with 403.
 */
@Controller
public class PrintersPage {

  private final PrinterControl control;
  private final CurrentUser currentUser;
  private final Access access;
  private final MessageSource messages;

  public PrintersPage(
      PrinterControl control, CurrentUser currentUser, Access access, MessageSource messages) {
    this.control = control;
    this.currentUser = currentUser;
    this.access = access;
    this.messages = messages;
  }

  /** What a user may do to the printers of an office; the page shows only these controls. */
  public record Allowed(boolean run, boolean load, boolean settle) {}

  @GetMapping("/printers")
  @Allow(Permission.SEE_PRINTERS)
  String printers(Office office, Model model) {
    table(office, model);
    model.addAttribute("offices", access.visible(currentUser.get()));
    return "printers";
  }

  /** The printers table alone, for the page to refresh itself. */
  @GetMapping("/printers/table")
  @Allow(Permission.SEE_PRINTERS)
  String table(Office office, Model model) {
    User user = currentUser.get();
    model.addAttribute("office", office);
    model.addAttribute("printers", control.printers(office.id()));
    model.addAttribute("vault", control.vault(office.id()));
    model.addAttribute(
        "allowed",
        new Allowed(
            access.allows(user, Permission.RUN_PRINTER, office.id()),
            access.allows(user, Permission.LOAD_PRINTER, office.id()),
            access.allows(user, Permission.SETTLE_CARD, office.id())));
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

  private static int parseQuantity(String typed) {
    if (typed.isBlank()) {
      throw new DomainException(StockError.QUANTITY_REQUIRED, "Say how many blanks to load");
    }
    try {
      return Integer.parseInt(typed.strip());
    } catch (NumberFormatException e) {
      throw new DomainException(
          StockError.INVALID_QUANTITY, "Load a positive number of blanks, not '" + typed + "'");
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
      String generic =
          messages.getMessage(
              "printers.error", new Object[] {e.code(), e.getMessage()}, e.getMessage(), locale);
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
      outcome.printer(), outcome.said(), control.vault(office.id()), String.valueOf(outcome.jobId())
    };
  }

  /**
   * What a message may mention: {0} the printer's code, {1} what the officer entered (a quantity, a
   * sighting), {2} the blanks in the vault, {3} the print job.
   */
  private record Outcome(String printer, Object said, long jobId) {}
}
