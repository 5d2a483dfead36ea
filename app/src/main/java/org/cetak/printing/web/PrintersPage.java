package org.cetak.printing.web;

import java.time.Clock;
import java.time.LocalDate;
import org.cetak.common.DomainException;
import org.cetak.office.User;
import org.cetak.printing.PrinterBoard;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.Settlements;
import org.cetak.printing.Sighting;
import org.cetak.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's printer page: live state of each printer and the operator's buttons. */
@Controller
public class PrintersPage {

  private final PrinterBoard board;
  private final PrinterControl control;
  private final Settlements settlements;
  private final CurrentUser currentUser;
  private final Clock clock;

  public PrintersPage(
      PrinterBoard board,
      PrinterControl control,
      Settlements settlements,
      CurrentUser currentUser,
      Clock clock) {
    this.board = board;
    this.control = control;
    this.settlements = settlements;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @GetMapping("/printers")
  String printers(Model model) {
    User user = currentUser.get();
    model.addAttribute(
        "printers",
        board.printers(user.officeId(), LocalDate.now(clock)).stream()
            .map(control::describe)
            .toList());
    model.addAttribute("sightings", Sighting.values());
    return "printers";
  }

  @PostMapping("/printers/{id}/pause")
  String pause(@PathVariable("id") long id, RedirectAttributes redirect) {
    return act(
        redirect,
        () -> control.setMode(id, PrinterMode.PAUSED, "paused by " + user().username(), user()));
  }

  @PostMapping("/printers/{id}/resume")
  String resume(@PathVariable("id") long id, RedirectAttributes redirect) {
    return act(
        redirect,
        () -> control.setMode(id, PrinterMode.RUNNING, "resumed by " + user().username(), user()));
  }

  @PostMapping("/printers/{id}/load")
  String load(
      @PathVariable("id") long id,
      @RequestParam("quantity") int quantity,
      RedirectAttributes redirect) {
    return act(
        redirect,
        () -> {
          if (quantity <= 0) {
            throw DomainException.invalid("INVALID_QUANTITY", "Load a positive number of blanks");
          }
          control.load(
              board
                  .printer(id, LocalDate.now(clock))
                  .orElseThrow(
                      () -> DomainException.notFound("UNKNOWN_PRINTER", "No printer " + id)),
              quantity,
              user());
        });
  }

  @PostMapping("/printers/{id}/jobs/{job}/settle")
  String settle(
      @PathVariable("id") long id,
      @PathVariable("job") long job,
      @RequestParam("sighting") Sighting sighting,
      RedirectAttributes redirect) {
    return act(
        redirect,
        () -> {
          settlements.settle(id, job, sighting, user());
          control.wakeUp(id);
        });
  }

  private User user() {
    return currentUser.get();
  }

  private String act(RedirectAttributes redirect, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("notice", "ok");
    } catch (DomainException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/printers";
  }
}
