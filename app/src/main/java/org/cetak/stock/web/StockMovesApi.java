package org.cetak.stock.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.common.DomainException;
import org.cetak.common.Field;
import org.cetak.office.Access;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.platform.Refuses;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.cetak.stock.Drop;
import org.cetak.stock.DropReceipts;
import org.cetak.stock.DropRequest;
import org.cetak.stock.DropReversals;
import org.cetak.stock.Lending;
import org.cetak.stock.Loan;
import org.cetak.stock.LoanRequest;
import org.cetak.stock.LoanReturn;
import org.cetak.stock.SerialRange;
import org.cetak.stock.SpoilReason;
import org.cetak.stock.SpoilRecords;
import org.cetak.stock.SpoilRequest;
import org.cetak.stock.StockError;
import org.cetak.stock.web.StockViews.MovementView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Blanks coming into and going out of an office other than through a printer: drops from the
 * centre, spoiled blanks, withdrawn old cards, loans between offices.
 */
@RestController
public class StockMovesApi {

  private final DropReceipts receipts;
  private final DropReversals reversals;
  private final SpoilRecords spoils;
  private final Lending lending;
  private final Access access;
  private final CurrentUser currentUser;

  public StockMovesApi(
      DropReceipts receipts,
      DropReversals reversals,
      SpoilRecords spoils,
      Lending lending,
      Access access,
      CurrentUser currentUser) {
    this.receipts = receipts;
    this.reversals = reversals;
    this.spoils = spoils;
    this.lending = lending;
    this.access = access;
    this.currentUser = currentUser;
  }

  /** A serial range of a drop. */
  public record SerialBody(String first, String last) {}

  /** A drop: the hand-over document, its date, the quantity and the serial ranges. */
  public record DropBody(
      String documentNo, LocalDate documentDate, Integer quantity, List<SerialBody> serials) {}

  /** The inventory manager receives a drop of blanks from the centre into the vault. */
  @PostMapping("/api/offices/{office}/stock/drops")
  @ResponseStatus(HttpStatus.CREATED)
  @Allow(Permission.RECEIVE_DROP)
  @Operation(summary = "Receives a drop of blanks from the centre into the vault")
  @Refuses({
    "DOCUMENT_REQUIRED",
    "DOCUMENT_DATE_REQUIRED",
    "DOCUMENT_DATE_IN_FUTURE",
    "DOCUMENT_NO_TOO_LONG",
    "DROP_TOO_LARGE",
    "DROP_EXISTS",
    "INVALID_QUANTITY",
    "INVALID_SERIAL_RANGE",
    "SERIALS_DO_NOT_MATCH_QUANTITY",
    "SERIALS_OVERLAP",
    "SERIAL_RANGES_OVERLAP"
  })
  public Drop receiveDrop(Office office, @RequestBody DropBody body) {
    List<SerialRange> serials =
        body.serials() == null
            ? List.of()
            : body.serials().stream().map(s -> SerialRange.parse(s.first(), s.last())).toList();
    return receipts.receive(
        office.id(),
        new DropRequest(body.documentNo(), body.documentDate(), required(body.quantity()), serials),
        currentUser.get());
  }

  /** Why a drop was received by mistake. */
  public record ReversalBody(String reason) {}

  /**
   * The inventory manager proposes reversing a drop received by mistake; a supervisor approves it
   * under {@code /approvals}, and only then do its blanks go back to the centre.
   */
  @PostMapping("/api/offices/{office}/stock/drops/{dropId}/reversal")
  @ResponseStatus(HttpStatus.CREATED)
  @Allow(Permission.RECEIVE_DROP)
  @Operation(summary = "Proposes reversing a drop received by mistake; a supervisor approves it")
  @Refuses({"UNKNOWN_DROP", "DROP_ALREADY_REVERSED", "DROP_IN_USE", "REVERSAL_REASON_REQUIRED"})
  public Approval reverseDrop(
      Office office, @PathVariable long dropId, @RequestBody ReversalBody body) {
    return reversals.propose(office.id(), dropId, body.reason(), currentUser.get());
  }

  /** Spoiled blanks of a printer (from its feeder or from inside it). */
  public record SpoilBody(
      String printerCode,
      Boolean fromInside,
      Integer quantity,
      SpoilReason reason,
      String chipUid,
      Long requestId,
      String note) {}

  /** Records blanks spoiled at a printer onto the spoiled pile. */
  @PostMapping("/api/offices/{office}/stock/spoils")
  @ResponseStatus(HttpStatus.CREATED)
  @Allow(Permission.RECORD_SPOIL)
  @Operation(summary = "Records spoiled blanks onto the spoiled pile")
  @Refuses({
    "UNKNOWN_PRINTER",
    "INVALID_QUANTITY",
    "INVALID_SPOIL_REASON",
    "INVALID_CHIP_UID",
    "CHIP_UID_FOR_ONE_CARD",
    "INSUFFICIENT_BALANCE",
    "TEXT_TOO_LONG"
  })
  public MovementView spoil(Office office, @RequestBody SpoilBody body) {
    return StockViews.view(
        spoils.spoiled(
            office.id(),
            new SpoilRequest(
                body.printerCode(),
                Boolean.TRUE.equals(body.fromInside()),
                required(body.quantity()),
                body.reason(),
                Optional.ofNullable(body.chipUid()),
                Optional.ofNullable(body.requestId()),
                body.note()),
            currentUser.get()));
  }

  /** An old card withdrawn at hand-over. */
  public record OldCardBody(Long requestId, String chipUid, String serial, String note) {}

  /** Records an old card withdrawn when its holder collected the new one. */
  @PostMapping("/api/offices/{office}/stock/old-cards")
  @ResponseStatus(HttpStatus.CREATED)
  @Allow(Permission.WITHDRAW_OLD_CARD)
  @Operation(summary = "Records an old e-KTP withdrawn at hand-over")
  @Refuses({"INVALID_CHIP_UID", "REQUEST_REQUIRED"})
  public MovementView oldCard(Office office, @RequestBody OldCardBody body) {
    if (body.requestId() == null) {
      throw new DomainException(
          StockError.REQUEST_REQUIRED, "An old card is withdrawn for a request");
    }
    return StockViews.view(
        spoils.withdrawnOldCard(
            office.id(),
            body.requestId(),
            Optional.ofNullable(body.chipUid()),
            Optional.ofNullable(body.serial()),
            body.note(),
            currentUser.get()));
  }

  /** A loan: {@code LEND} or {@code BORROW}, the other office, the document, the quantity. */
  public record LoanBody(
      String direction,
      String counterpartOffice,
      String counterpartName,
      String documentNo,
      Integer quantity) {}

  /** Lends blanks to, or borrows from, another office. */
  @PostMapping("/api/offices/{office}/stock/loans")
  @ResponseStatus(HttpStatus.CREATED)
  @Allow(Permission.LEND_OR_BORROW)
  @Operation(summary = "Lends blanks to or borrows them from another office")
  @Refuses({
    "COUNTERPART_REQUIRED",
    "LOAN_TO_SELF",
    "LOAN_EXISTS",
    "LOAN_RECORDED_BY_LENDER",
    "INVALID_DIRECTION",
    "INVALID_QUANTITY",
    "INSUFFICIENT_BALANCE",
    "UNKNOWN_OFFICE",
    "DOCUMENT_NO_TOO_LONG",
    "TEXT_TOO_LONG"
  })
  public Loan loan(Office office, @RequestBody LoanBody body) {
    LoanRequest request =
        new LoanRequest(
            Optional.ofNullable(body.counterpartOffice()).map(code -> access.office(code).id()),
            body.counterpartName(),
            body.documentNo(),
            required(body.quantity()));
    if ("LEND".equals(body.direction())) {
      return lending.lend(office.id(), request, currentUser.get());
    }
    if ("BORROW".equals(body.direction())) {
      return lending.borrow(office.id(), request, currentUser.get());
    }
    throw new DomainException(
        StockError.INVALID_DIRECTION,
        "direction must be LEND or BORROW, was " + body.direction(),
        String.valueOf(body.direction()),
        new Field("stockpage.direction.LEND.api"),
        new Field("stockpage.direction.BORROW.api"));
  }

  /** The office's loans, newest first: what each still has out and each of its returns. */
  @GetMapping("/api/offices/{office}/stock/loans")
  @Allow(Permission.SEE_STOCK)
  @Operation(
      summary =
          "The office's loans of blanks, newest first, with what is still out and their returns")
  @Refuses({})
  public List<StockViews.LoanView> loans(Office office) {
    return lending.loans(office.id()).stream()
        .map(
            l ->
                StockViews.view(
                    l,
                    l.loan()
                        .counterpartOfficeId()
                        .map(id -> access.office(id).code())
                        .orElse(null)))
        .toList();
  }

  /** Blanks of a loan coming back: the return's document and how many. */
  public record LoanReturnBody(String documentNo, Integer quantity) {}

  /**
   * Records blanks of a loan returned, whole or in part: lent blanks back in the vault, borrowed
   * blanks back with their lender; an office of this installation on the other side moves too.
   */
  @PostMapping("/api/offices/{office}/stock/loans/{loanId}/return")
  @Allow(Permission.LEND_OR_BORROW)
  @Operation(summary = "Records blanks of a loan returned, whole or in part")
  @Refuses({
    "UNKNOWN_LOAN",
    "LOAN_RETURN_TOO_LARGE",
    "INSUFFICIENT_BALANCE",
    "INVALID_QUANTITY",
    "QUANTITY_REQUIRED",
    "DOCUMENT_REQUIRED",
    "DOCUMENT_NO_TOO_LONG"
  })
  public Loan giveBack(Office office, @PathVariable long loanId, @RequestBody LoanReturnBody body) {
    return lending.giveBack(
        office.id(),
        loanId,
        new LoanReturn(body.documentNo(), required(body.quantity())),
        currentUser.get());
  }

  static int required(Integer quantity) {
    if (quantity == null) {
      throw new DomainException(StockError.QUANTITY_REQUIRED, "quantity is required");
    }
    return quantity;
  }
}
