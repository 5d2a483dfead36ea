package org.cetak.printing.web;

import java.util.Locale;
import java.util.Optional;
import org.cetak.common.DomainException;
import org.cetak.common.ErrorCode;
import org.cetak.office.User;
import org.cetak.printing.PrintingError;
import org.cetak.printing.Sighting;
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
  private final MessageSource messages;

  public PrintersPage(PrinterControl control, CurrentUser currentUser, MessageSource messages) {
    this.control = control;
    this.currentUser = currentUser;
    this.messages = messages;
  }

  @GetMapping("/printers")
  String printers(Model model) {
    table(model);
    return "printers";
  }

  /** The printers table alone, for the page to refresh itself. */
  @GetMapping("/printers/table")
  String table(Model model) {
    User user = currentUser.get();
    model.addAttribute("printers", control.printers(user.officeId()));
    model.addAttribute("vault", control.vault(user.officeId()));
    model.addAttribute("allowed", PrinterControl.Allowed.of(user));
    return "printers :: table";
  }

  @PostMapping("/printers/{id}/pause")
  String pause(
      @PathVariable("id") long id,
      @RequestParam(name = "reason", defaultValue = "") String reason,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        redirect,
        locale,
        new Outcome(id, "", 0),
        "paused",
        () -> control.pause(id, reason, currentUser.get()));
  }

  @PostMapping("/printers/{id}/resume")
  String resume(@PathVariable("id") long id, Locale locale, RedirectAttributes redirect) {
    return act(
        redirect,
        locale,
        new Outcome(id, "", 0),
        "resumed",
        () -> control.resume(id, currentUser.get()));
  }

  /** The quantity is taken as typed, so that an empty or odd entry gets a clear answer. */
  @PostMapping("/printers/{id}/load")
  String load(
      @PathVariable("id") long id,
      @RequestParam(name = "quantity", defaultValue = "") String quantity,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        redirect,
        locale,
        new Outcome(id, asTyped(quantity), 0),
        "loaded",
        () -> control.load(id, parseQuantity(quantity), currentUser.get()));
  }

  @PostMapping("/printers/{id}/jobs/{job}/settle")
  String settle(
      @PathVariable("id") long id,
      @PathVariable("job") long job,
      @RequestParam(name = "sighting", defaultValue = "") String sighting,
      Locale locale,
      RedirectAttributes redirect) {
    Optional<Sighting> seen = parseSighting(sighting);
    String said =
        seen.map(s -> messages.getMessage("printers.sighting." + s, null, s.name(), locale))
            .orElse("");
    return act(
        redirect,
        locale,
        new Outcome(id, said, job),
        "settled",
        () ->
            control.settle(
                id,
                job,
                seen.orElseThrow(
                    () ->
                        new DomainException(
                            PrintingError.SIGHTING_REQUIRED,
                            "Say where the card is, not '" + sighting + "'")),
                currentUser.get()));
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
      RedirectAttributes redirect, Locale locale, Outcome outcome, String done, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute(
          "notice", messages.getMessage("printers.done." + done, args(outcome), locale));
    } catch (DomainException e) {
      if (e.kind() == ErrorCode.Kind.FORBIDDEN) {
        throw e;
      }
      Object[] args = args(outcome);
      String generic =
          messages.getMessage(
              "printers.error", new Object[] {e.code(), e.getMessage()}, e.getMessage(), locale);
      String general = messages.getMessage("printers.error." + e.code(), args, generic, locale);
      redirect.addFlashAttribute(
          "error",
          messages.getMessage("printers.error." + done + "." + e.code(), args, general, locale));
    }
    return "redirect:/printers";
  }

  private Object[] args(Outcome outcome) {
    return new Object[] {
      control.code(outcome.printerId()).orElse("#" + outcome.printerId()),
      outcome.said(),
      control.vault(currentUser.get().officeId()),
      String.valueOf(outcome.jobId())
    };
  }

  /**
   * What a message may mention: {0} the printer's code, {1} what the officer entered (a quantity, a
   * sighting), {2} the blanks in the vault, {3} the print job.
   */
  private record Outcome(long printerId, Object said, long jobId) {}
}
