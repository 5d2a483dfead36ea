package org.cetak.printing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cetak.common.DomainException;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrinterBoard;
import org.cetak.printing.PrinterBoard.PrinterView;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.Settlements;
import org.cetak.printing.Sighting;
import org.cetak.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The printers of an office: their state, and what an operator does to them. */
@RestController
@RequestMapping("/api/printers")
public class PrinterController {

  private final PrinterBoard board;
  private final PrinterControl control;
  private final Settlements settlements;
  private final OfficeDirectory offices;
  private final CurrentUser currentUser;
  private final Clock clock;

  public PrinterController(
      PrinterBoard board,
      PrinterControl control,
      Settlements settlements,
      OfficeDirectory offices,
      CurrentUser currentUser,
      Clock clock) {
    this.board = board;
    this.control = control;
    this.settlements = settlements;
    this.offices = offices;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** The printers of the signed-in user's office (or of {@code office}, a region code). */
  @GetMapping
  public List<PrinterSummary> list(
      @RequestParam(name = "office", required = false) String officeCode) {
    User user = currentUser.get();
    long officeId =
        officeCode == null
            ? user.officeId()
            : offices
                .officeByCode(officeCode)
                .map(Office::id)
                .orElseThrow(
                    () -> DomainException.notFound("UNKNOWN_OFFICE", "No office " + officeCode));
    return board.printers(officeId, LocalDate.now(clock)).stream().map(control::describe).toList();
  }

  @PostMapping("/{printerId}/pause")
  public PrinterSummary pause(
      @PathVariable("printerId") long printerId,
      @RequestBody(required = false) Map<String, String> body) {
    User user = operator();
    String reason = body == null ? "" : body.getOrDefault("reason", "");
    control.setMode(
        printerId,
        PrinterMode.PAUSED,
        "paused by " + user.username() + (reason.isBlank() ? "" : ": " + reason),
        user);
    return control.describe(view(printerId));
  }

  @PostMapping("/{printerId}/resume")
  public PrinterSummary resume(@PathVariable("printerId") long printerId) {
    User user = operator();
    control.setMode(printerId, PrinterMode.RUNNING, "resumed by " + user.username(), user);
    return control.describe(view(printerId));
  }

  /** The operator loads a stack of blanks from the vault into the printer's feeder. */
  @PostMapping("/{printerId}/load")
  public PrinterSummary load(
      @PathVariable("printerId") long printerId, @RequestBody LoadRequest body) {
    User user = operator();
    if (body == null || body.quantity() <= 0) {
      throw DomainException.invalid("INVALID_QUANTITY", "Load a positive number of blanks");
    }
    control.load(view(printerId), body.quantity(), user);
    return control.describe(view(printerId));
  }

  /** The operator settles a card whose outcome is unknown, from what they see. */
  @PostMapping("/{printerId}/jobs/{jobId}/settle")
  public PrintJob settle(
      @PathVariable("printerId") long printerId,
      @PathVariable("jobId") long jobId,
      @RequestBody SettleRequest body) {
    if (body == null || body.sighting() == null) {
      throw DomainException.invalid(
          "SIGHTING_REQUIRED",
          "Say where the card is: one of " + java.util.Arrays.toString(Sighting.values()));
    }
    PrintJob settled = settlements.settle(printerId, jobId, body.sighting(), operator());
    control.wakeUp(printerId);
    return settled;
  }

  private PrinterView view(long printerId) {
    PrinterView view =
        board
            .printer(printerId, LocalDate.now(clock))
            .orElseThrow(
                () -> DomainException.notFound("UNKNOWN_PRINTER", "No printer " + printerId));
    if (view.officeId() != currentUser.get().officeId() && !currentUser.get().has(Role.ADMIN)) {
      throw DomainException.forbidden(
          "OTHER_OFFICE", "Printer " + printerId + " belongs to another office");
    }
    return view;
  }

  private User operator() {
    User user = currentUser.get();
    if (!user.has(Role.OPERATOR) && !user.has(Role.SUPERVISOR) && !user.has(Role.ADMIN)) {
      throw DomainException.forbidden(
          "NOT_AN_OPERATOR", "Only print-room operators and supervisors run printers");
    }
    return user;
  }

  /** Blanks to load. */
  public record LoadRequest(int quantity) {}

  /** Where the operator saw the card. */
  public record SettleRequest(Sighting sighting) {}
}
