package org.cetak.printing.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cetak.common.DomainException;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.platform.Refuses;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrinterControl;
import org.cetak.printing.PrinterSummary;
import org.cetak.printing.PrintingError;
import org.cetak.printing.Sighting;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.stock.StockError;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The printers of an office ({@code {office}} is its region code, e.g. {@code 32.71}): their state,
 * and what an operator does to them. A printer is named by its code within the office.
 */
@RestController
@RequestMapping("/api/offices/{office}/printers")
public class PrinterController {

  private final PrinterControl control;
  private final PrinterRegistry registry;
  private final CurrentUser currentUser;

  public PrinterController(
      PrinterControl control, PrinterRegistry registry, CurrentUser currentUser) {
    this.control = control;
    this.registry = registry;
    this.currentUser = currentUser;
  }

  /** The printers of the office with their live state and today's counts. */
  @GetMapping
  @Allow(Permission.SEE_PRINTERS)
  @Operation(
      summary = "The office's printers: state and why, card in flight, feeder, ribbon, cards today")
  @Refuses({})
  public List<PrinterSummary> list(Office office) {
    return control.printers(office.id());
  }

  /** Registers a printer of the office; its feeder starts empty. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Allow(Permission.REGISTER_PRINTER)
  @Operation(summary = "Registers a printer of the office")
  @Refuses({"PRINTER_EXISTS", "INVALID_PRINTER_CODE"})
  public Printer register(Office office, @RequestBody PrinterBody body) {
    return registry.register(
        office.id(), body.code(), body.name(), body.model(), currentUser.get());
  }

  /** Pauses the printer after its current card (body: {@code {"reason": "..."}}, optional). */
  @PostMapping("/{code}/pause")
  @Allow(Permission.RUN_PRINTER)
  @Operation(summary = "Pauses a printer, with a reason")
  @Refuses({"UNKNOWN_PRINTER"})
  public PrinterSummary pause(
      Office office,
      @PathVariable("code") String code,
      @RequestBody(required = false) Map<String, String> body) {
    control.pause(
        office, code, body == null ? "" : body.getOrDefault("reason", ""), currentUser.get());
    return control.printer(office, code);
  }

  /** Lets the printer take the next card. */
  @PostMapping("/{code}/resume")
  @Allow(Permission.RUN_PRINTER)
  @Operation(summary = "Resumes a printer")
  @Refuses({"UNKNOWN_PRINTER"})
  public PrinterSummary resume(Office office, @PathVariable("code") String code) {
    control.resume(office, code, currentUser.get());
    return control.printer(office, code);
  }

  /**
   * The operator loads a stack of blanks from the vault into the printer's feeder: the ledger moves
   * them and the printer is told (the one load of Cetak).
   */
  @PostMapping("/{code}/load")
  @Allow(Permission.LOAD_PRINTER)
  @Operation(
      summary =
          "Loads blanks from the vault into a printer's feeder (the ledger moves them and the printer is told)")
  @Refuses({
    "UNKNOWN_PRINTER",
    "INVALID_QUANTITY",
    "QUANTITY_REQUIRED",
    "INSUFFICIENT_BALANCE",
    "FEEDER_CAPACITY_EXCEEDED"
  })
  public PrinterSummary load(
      Office office, @PathVariable("code") String code, @RequestBody QuantityBody body) {
    control.load(office, code, quantity(body), currentUser.get());
    return control.printer(office, code);
  }

  /** The operator takes blanks out of the feeder back to the vault. */
  @PostMapping("/{code}/unload")
  @Allow(Permission.LOAD_PRINTER)
  @Operation(summary = "Takes blanks out of a printer's feeder back to the vault")
  @Refuses({
    "UNKNOWN_PRINTER",
    "INVALID_QUANTITY",
    "QUANTITY_REQUIRED",
    "INSUFFICIENT_BALANCE",
    "FEEDER_BLANK_BEING_PICKED"
  })
  public PrinterSummary unload(
      Office office, @PathVariable("code") String code, @RequestBody QuantityBody body) {
    control.unload(office, code, quantity(body), currentUser.get());
    return control.printer(office, code);
  }

  /**
   * When the vault is empty and one feeder ran dry while another holds blanks: the operator moves
   * blanks from the feeder of printer {@code code} into the feeder of printer {@code to}, one
   * ledger movement (FEEDER_TO_FEEDER), and both printers are told. Answers both printers as they
   * are now.
   */
  @PostMapping("/{code}/move")
  @Allow(Permission.LOAD_PRINTER)
  @Operation(
      summary =
          "Moves blanks from this printer's feeder into another printer's of the office (body: to,"
              + " quantity) in one ledger movement, refused beyond this feeder's blanks or the other"
              + " feeder's capacity")
  @Refuses({
    "UNKNOWN_PRINTER",
    "SAME_PLACE",
    "INVALID_QUANTITY",
    "QUANTITY_REQUIRED",
    "INSUFFICIENT_BALANCE",
    "FEEDER_CAPACITY_EXCEEDED",
    "FEEDER_BLANK_BEING_PICKED"
  })
  public List<PrinterSummary> move(
      Office office, @PathVariable("code") String code, @RequestBody MoveBody body) {
    if (body == null || body.quantity() == null) {
      throw new DomainException(StockError.QUANTITY_REQUIRED, "Say how many blanks");
    }
    control.move(office, code, body.to(), body.quantity(), currentUser.get());
    return List.of(control.printer(office, code), control.printer(office, body.to().strip()));
  }

  /** The operator settles a card whose outcome is unknown, from what they see. */
  @PostMapping("/{code}/jobs/{job}/settle")
  @Allow(Permission.SETTLE_CARD)
  @Operation(summary = "Settles a card whose outcome is unknown from where the operator sees it")
  @Refuses({
    "UNKNOWN_PRINTER",
    "NO_SUCH_OPEN_JOB",
    "NOT_UNKNOWN",
    "CARD_WAS_PICKED",
    "JOB_CHANGED",
    "SIGHTING_REQUIRED",
    "CONFIRMATION_REQUIRED",
    "CHIP_UID_TAKEN",
    "NOT_AN_OPERATOR"
  })
  public PrintJob settle(
      Office office,
      @PathVariable("code") String code,
      @PathVariable("job") long job,
      @RequestBody(required = false) SettleRequest body) {
    if (body == null || body.sighting() == null) {
      throw new DomainException(
          PrintingError.SIGHTING_REQUIRED,
          "Say where the card is: one of " + Arrays.toString(Sighting.values()));
    }
    return control.settle(office, code, job, body.sighting(), currentUser.get());
  }

  private static int quantity(QuantityBody body) {
    if (body == null || body.quantity() == null) {
      throw new DomainException(StockError.QUANTITY_REQUIRED, "Say how many blanks");
    }
    return body.quantity();
  }

  /** A printer to register. */
  public record PrinterBody(String code, String name, String model) {}

  /** Blanks to load or unload. */
  public record QuantityBody(Integer quantity) {}

  /** Blanks to move into the feeder of printer {@code to}. */
  public record MoveBody(String to, Integer quantity) {}

  /** Where the operator saw the card. */
  public record SettleRequest(Sighting sighting) {}
}
