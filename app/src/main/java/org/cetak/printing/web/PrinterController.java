package org.cetak.printing.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cetak.common.DomainException;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.OfficeError;
import org.cetak.office.User;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrintingError;
import org.cetak.printing.Sighting;
import org.cetak.security.CurrentUser;
import org.cetak.stock.StockError;
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

  private final PrinterControl control;
  private final OfficeDirectory offices;
  private final CurrentUser currentUser;

  public PrinterController(
      PrinterControl control, OfficeDirectory offices, CurrentUser currentUser) {
    this.control = control;
    this.offices = offices;
    this.currentUser = currentUser;
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
                    () ->
                        new DomainException(OfficeError.UNKNOWN_OFFICE, "No office " + officeCode));
    return control.printers(officeId);
  }

  @PostMapping("/{printerId}/pause")
  public PrinterSummary pause(
      @PathVariable("printerId") long printerId,
      @RequestBody(required = false) Map<String, String> body) {
    User user = currentUser.get();
    control.pause(printerId, body == null ? "" : body.getOrDefault("reason", ""), user);
    return control.printer(printerId, user);
  }

  @PostMapping("/{printerId}/resume")
  public PrinterSummary resume(@PathVariable("printerId") long printerId) {
    User user = currentUser.get();
    control.resume(printerId, user);
    return control.printer(printerId, user);
  }

  /** The operator loads a stack of blanks from the vault into the printer's feeder. */
  @PostMapping("/{printerId}/load")
  public PrinterSummary load(
      @PathVariable("printerId") long printerId, @RequestBody LoadRequest body) {
    User user = currentUser.get();
    if (body == null) {
      throw new DomainException(StockError.INVALID_QUANTITY, "Say how many blanks to load");
    }
    control.load(printerId, body.quantity(), user);
    return control.printer(printerId, user);
  }

  /** The operator settles a card whose outcome is unknown, from what they see. */
  @PostMapping("/{printerId}/jobs/{jobId}/settle")
  public PrintJob settle(
      @PathVariable("printerId") long printerId,
      @PathVariable("jobId") long jobId,
      @RequestBody SettleRequest body) {
    if (body == null || body.sighting() == null) {
      throw new DomainException(
          PrintingError.SIGHTING_REQUIRED,
          "Say where the card is: one of " + Arrays.toString(Sighting.values()));
    }
    return control.settle(printerId, jobId, body.sighting(), currentUser.get());
  }

  /** Blanks to load. */
  public record LoadRequest(int quantity) {}

  /** Where the operator saw the card. */
  public record SettleRequest(Sighting sighting) {}
}
