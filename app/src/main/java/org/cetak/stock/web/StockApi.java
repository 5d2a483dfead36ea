package org.cetak.stock.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.common.DomainException;
import org.cetak.office.Office;
import org.cetak.office.OfficeError;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.cetak.report.StockReportPdf;
import org.cetak.security.CurrentUser;
import org.cetak.stock.Balance;
import org.cetak.stock.DailyReports;
import org.cetak.stock.DailyStockReport;
import org.cetak.stock.DestructionLine;
import org.cetak.stock.DestructionProposal;
import org.cetak.stock.DestructionReport;
import org.cetak.stock.DestructionReports;
import org.cetak.stock.Destructions;
import org.cetak.stock.Drop;
import org.cetak.stock.DropReceipts;
import org.cetak.stock.DropRequest;
import org.cetak.stock.FeederStock;
import org.cetak.stock.Item;
import org.cetak.stock.Ledger;
import org.cetak.stock.LedgerCheck;
import org.cetak.stock.Lending;
import org.cetak.stock.Loan;
import org.cetak.stock.LoanRequest;
import org.cetak.stock.Location;
import org.cetak.stock.LossReport;
import org.cetak.stock.LossReports;
import org.cetak.stock.Losses;
import org.cetak.stock.OfficeAccess;
import org.cetak.stock.Place;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.stock.Printers;
import org.cetak.stock.Reconciliation;
import org.cetak.stock.RecordedMovement;
import org.cetak.stock.SerialRange;
import org.cetak.stock.SpoilReason;
import org.cetak.stock.SpoilRecords;
import org.cetak.stock.SpoilRequest;
import org.cetak.stock.StockError;
import org.cetak.stock.StockLevels;
import org.cetak.stock.WriteOffs;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stock ledger over HTTP (JSON; PDFs as application/pdf). Who may do what is decided by the
 * domain services: inventory managers receive drops, lend, borrow and propose write-offs and
 * destruction; operators load, unload and record spoils; supervisors approve (under {@code
 * /api/approvals}); auditors read.
 */
@RestController
@RequestMapping("/api/stock")
public class StockApi {

  private static final Role[] READERS = {
    Role.INVENTORY_MANAGER, Role.SUPERVISOR, Role.AUDITOR, Role.OPERATOR, Role.ADMIN
  };

  private final PrinterRegistry registry;
  private final DropReceipts receipts;
  private final FeederStock feeders;
  private final SpoilRecords spoils;
  private final Lending lending;
  private final WriteOffs writeOffs;
  private final Destructions destructions;
  private final Losses losses;
  private final StockLevels levels;
  private final Ledger ledger;
  private final Printers printers;
  private final DestructionReports reports;
  private final DailyReports daily;
  private final LedgerCheck check;
  private final OfficeAccess access;
  private final CurrentUser currentUser;

  public StockApi(
      PrinterRegistry registry,
      DropReceipts receipts,
      FeederStock feeders,
      SpoilRecords spoils,
      Lending lending,
      WriteOffs writeOffs,
      Destructions destructions,
      Losses losses,
      StockLevels levels,
      Ledger ledger,
      Printers printers,
      DestructionReports reports,
      DailyReports daily,
      LedgerCheck check,
      OfficeAccess access,
      CurrentUser currentUser) {
    this.registry = registry;
    this.receipts = receipts;
    this.feeders = feeders;
    this.spoils = spoils;
    this.lending = lending;
    this.writeOffs = writeOffs;
    this.destructions = destructions;
    this.losses = losses;
    this.levels = levels;
    this.ledger = ledger;
    this.printers = printers;
    this.reports = reports;
    this.daily = daily;
    this.check = check;
    this.access = access;
    this.currentUser = currentUser;
  }

  // ---- reading

  public record BalanceView(String item, String location, String printer, long quantity) {}

  public record Levels(
      long officeId,
      long available,
      long reserved,
      long usable,
      long reorderThreshold,
      boolean reorderAlert,
      List<BalanceView> balances) {}

  @GetMapping("/offices/{officeId}/balances")
  public Levels balances(@PathVariable long officeId) {
    reader(officeId);
    List<BalanceView> views = ledger.balances(officeId).stream().map(b -> view(b)).toList();
    long usable = levels.usable(officeId);
    return new Levels(
        officeId,
        levels.available(officeId),
        levels.reserved(officeId),
        usable,
        levels.reorderThreshold(),
        usable < levels.reorderThreshold(),
        views);
  }

  public record ReconciliationView(
      Reconciliation figures,
      long sources,
      long accountedFor,
      boolean blanksBalance,
      boolean oldCardsBalance) {}

  @GetMapping("/offices/{officeId}/reconciliation")
  public ReconciliationView reconciliation(@PathVariable long officeId) {
    reader(officeId);
    Reconciliation r = levels.reconciliation(officeId);
    return new ReconciliationView(
        r, r.sources(), r.accountedFor(), r.blanksBalance(), r.oldCardsBalance());
  }

  public record MovementView(
      long id,
      String occurredAt,
      String item,
      String from,
      String to,
      int quantity,
      String reason,
      String actor,
      String referenceKind,
      long referenceId,
      String chipUid,
      String serialFirst,
      String serialLast,
      Long requestId,
      String note) {}

  @GetMapping("/offices/{officeId}/movements")
  public List<MovementView> movements(
      @PathVariable long officeId, @RequestParam(defaultValue = "100") int limit) {
    reader(officeId);
    if (limit <= 0 || limit > 10_000) {
      throw new DomainException(StockError.INVALID_LIMIT, "limit must be 1..10000, was " + limit);
    }
    return ledger.recent(officeId, limit).stream().map(StockApi::view).toList();
  }

  @GetMapping("/ledger-check")
  public Map<String, Object> ledgerCheck() {
    User user = currentUser.get();
    if (!(user.has(Role.AUDITOR)
        || user.has(Role.SUPERVISOR)
        || user.has(Role.ADMIN)
        || user.has(Role.INVENTORY_MANAGER))) {
      throw new DomainException(OfficeError.ROLE_REQUIRED, "The ledger check is for auditors");
    }
    LedgerCheck.Result result = check.run();
    return Map.of(
        "ok", result.ok(),
        "placesChecked", result.placesChecked(),
        "differences", result.differences());
  }

  // ---- printers

  public record PrinterBody(String code, String name, String model) {}

  @GetMapping("/offices/{officeId}/printers")
  public List<Printer> printers(@PathVariable long officeId) {
    reader(officeId);
    return printers.list(officeId);
  }

  @PostMapping("/offices/{officeId}/printers")
  @ResponseStatus(HttpStatus.CREATED)
  public Printer registerPrinter(@PathVariable long officeId, @RequestBody PrinterBody body) {
    return registry.register(officeId, body.code(), body.name(), body.model(), currentUser.get());
  }

  // ---- drops

  public record SerialBody(String first, String last) {}

  public record DropBody(
      String documentNo, LocalDate documentDate, Integer quantity, List<SerialBody> serials) {}

  @PostMapping("/offices/{officeId}/drops")
  @ResponseStatus(HttpStatus.CREATED)
  public Drop receiveDrop(@PathVariable long officeId, @RequestBody DropBody body) {
    List<SerialRange> serials =
        body.serials() == null
            ? List.of()
            : body.serials().stream().map(s -> SerialRange.parse(s.first(), s.last())).toList();
    return receipts.receive(
        officeId,
        new DropRequest(body.documentNo(), body.documentDate(), required(body.quantity()), serials),
        currentUser.get());
  }

  // ---- feeders

  public record QuantityBody(Integer quantity) {}

  @PostMapping("/offices/{officeId}/printers/{code}/load")
  public MovementView load(
      @PathVariable long officeId, @PathVariable String code, @RequestBody QuantityBody body) {
    return view(feeders.load(officeId, code, required(body.quantity()), currentUser.get()));
  }

  @PostMapping("/offices/{officeId}/printers/{code}/unload")
  public MovementView unload(
      @PathVariable long officeId, @PathVariable String code, @RequestBody QuantityBody body) {
    return view(feeders.unload(officeId, code, required(body.quantity()), currentUser.get()));
  }

  // ---- spoils and old cards

  public record SpoilBody(
      String printerCode,
      Boolean fromInside,
      Integer quantity,
      SpoilReason reason,
      String chipUid,
      Long requestId,
      String note) {}

  @PostMapping("/offices/{officeId}/spoils")
  @ResponseStatus(HttpStatus.CREATED)
  public MovementView spoil(@PathVariable long officeId, @RequestBody SpoilBody body) {
    return view(
        spoils.spoiled(
            officeId,
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

  public record OldCardBody(Long requestId, String chipUid, String serial, String note) {}

  @PostMapping("/offices/{officeId}/old-cards")
  @ResponseStatus(HttpStatus.CREATED)
  public MovementView oldCard(@PathVariable long officeId, @RequestBody OldCardBody body) {
    if (body.requestId() == null) {
      throw new DomainException(
          StockError.REQUEST_REQUIRED, "An old card is withdrawn for a request");
    }
    return view(
        spoils.withdrawnOldCard(
            officeId,
            body.requestId(),
            Optional.ofNullable(body.chipUid()),
            Optional.ofNullable(body.serial()),
            body.note(),
            currentUser.get()));
  }

  // ---- loans

  public record LoanBody(
      String direction,
      Long counterpartOfficeId,
      String counterpartName,
      String documentNo,
      Integer quantity) {}

  @PostMapping("/offices/{officeId}/loans")
  @ResponseStatus(HttpStatus.CREATED)
  public Loan loan(@PathVariable long officeId, @RequestBody LoanBody body) {
    LoanRequest request =
        new LoanRequest(
            Optional.ofNullable(body.counterpartOfficeId()),
            body.counterpartName(),
            body.documentNo(),
            required(body.quantity()));
    if ("LEND".equals(body.direction())) {
      return lending.lend(officeId, request, currentUser.get());
    }
    if ("BORROW".equals(body.direction())) {
      return lending.borrow(officeId, request, currentUser.get());
    }
    throw new DomainException(
        StockError.INVALID_DIRECTION, "direction must be LEND or BORROW, was " + body.direction());
  }

  // ---- write-offs and destruction

  public record WriteOffBody(
      Location location, String printerCode, Integer quantity, SpoilReason reason, String note) {}

  @PostMapping("/offices/{officeId}/write-offs")
  @ResponseStatus(HttpStatus.CREATED)
  public Approval proposeWriteOff(@PathVariable long officeId, @RequestBody WriteOffBody body) {
    if (body.location() == null) {
      throw new DomainException(StockError.LOCATION_REQUIRED, "A write-off names its location");
    }
    Place from =
        body.location().isPerPrinter()
            ? new Place(
                body.location(),
                Optional.of(registry.printer(officeId, String.valueOf(body.printerCode())).id()))
            : Place.of(body.location());
    return writeOffs.propose(
        officeId, from, required(body.quantity()), body.reason(), body.note(), currentUser.get());
  }

  public record CardBody(Item item, String chipUid, String serial, Long spoilMovementId) {}

  public record DestructionBody(
      LocalDate date, String place, List<String> witnesses, List<CardBody> cards) {}

  @PostMapping("/offices/{officeId}/destruction-reports")
  @ResponseStatus(HttpStatus.CREATED)
  public DestructionReport proposeDestruction(
      @PathVariable long officeId, @RequestBody DestructionBody body) {
    List<DestructionLine> lines =
        body.cards() == null
            ? List.of()
            : body.cards().stream()
                .map(
                    c ->
                        new DestructionLine(
                            c.item() == null ? Item.BLANK : c.item(),
                            Optional.ofNullable(c.chipUid()),
                            Optional.ofNullable(c.serial()),
                            Optional.ofNullable(c.spoilMovementId())))
                .toList();
    return destructions.propose(
        officeId,
        new DestructionProposal(body.date(), body.place(), body.witnesses(), lines),
        currentUser.get());
  }

  @GetMapping("/offices/{officeId}/destruction-reports")
  public List<DestructionReport> destructionReports(@PathVariable long officeId) {
    reader(officeId);
    return reports.list(officeId);
  }

  @GetMapping("/offices/{officeId}/destruction-reports/{id}")
  public DestructionReport destructionReport(@PathVariable long officeId, @PathVariable long id) {
    reader(officeId);
    return report(officeId, id);
  }

  @GetMapping("/offices/{officeId}/destruction-reports/{id}/pdf")
  public ResponseEntity<byte[]> destructionReportPdf(
      @PathVariable long officeId, @PathVariable long id) {
    Office office = reader(officeId);
    DestructionReport report = report(officeId, id);
    return pdf(
        StockReportPdf.destruction(report, office),
        "berita-acara-pemusnahan-" + report.number().replace('/', '-') + ".pdf");
  }

  // ---- lost blanks (berita acara kehilangan)

  public record LossBody(
      Location location,
      String printerCode,
      Integer quantity,
      String circumstances,
      String chipUid,
      String serial,
      Long printJobId,
      LocalDate date) {}

  @PostMapping("/offices/{officeId}/loss-reports")
  @ResponseStatus(HttpStatus.CREATED)
  public LossReport proposeLoss(@PathVariable long officeId, @RequestBody LossBody body) {
    if (body.location() == null) {
      throw new DomainException(StockError.LOCATION_REQUIRED, "A loss report names its location");
    }
    Place from =
        body.location().isPerPrinter()
            ? new Place(
                body.location(),
                Optional.of(registry.printer(officeId, String.valueOf(body.printerCode())).id()))
            : Place.of(body.location());
    return losses.propose(
        officeId,
        new LossReports.Proposal(
            body.date(),
            from,
            required(body.quantity()),
            body.circumstances(),
            Optional.ofNullable(body.chipUid()),
            Optional.ofNullable(body.serial()),
            Optional.ofNullable(body.printJobId())),
        currentUser.get());
  }

  @GetMapping("/offices/{officeId}/loss-reports")
  public List<LossReport> lossReports(@PathVariable long officeId) {
    reader(officeId);
    return losses.list(officeId);
  }

  public record FoundBody(Integer quantity, String note) {}

  @PostMapping("/offices/{officeId}/loss-reports/{reportId}/found")
  @ResponseStatus(HttpStatus.CREATED)
  public MovementView foundAgain(
      @PathVariable long officeId, @PathVariable long reportId, @RequestBody FoundBody body) {
    return view(
        losses.foundAgain(
            officeId, reportId, required(body.quantity()), body.note(), currentUser.get()));
  }

  // ---- daily report

  @GetMapping("/offices/{officeId}/daily-report")
  public DailyStockReport dailyReport(@PathVariable long officeId, @RequestParam LocalDate date) {
    reader(officeId);
    return daily.report(officeId, date);
  }

  @GetMapping("/offices/{officeId}/daily-report/pdf")
  public ResponseEntity<byte[]> dailyReportPdf(
      @PathVariable long officeId, @RequestParam LocalDate date) {
    Office office = reader(officeId);
    return pdf(
        StockReportPdf.daily(daily.report(officeId, date), office),
        "laporan-stok-" + office.code() + "-" + date + ".pdf");
  }

  // ---- helpers

  private Office reader(long officeId) {
    return access.require(currentUser.get(), officeId, READERS);
  }

  private DestructionReport report(long officeId, long id) {
    return reports
        .byId(id)
        .filter(r -> r.officeId() == officeId)
        .orElseThrow(
            () ->
                new DomainException(
                    StockError.UNKNOWN_DESTRUCTION_REPORT,
                    "Destruction report " + id + " not found in office " + officeId));
  }

  private static int required(Integer quantity) {
    if (quantity == null) {
      throw new DomainException(StockError.QUANTITY_REQUIRED, "quantity is required");
    }
    return quantity;
  }

  private static ResponseEntity<byte[]> pdf(byte[] body, String filename) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_PDF);
    headers.setContentDisposition(ContentDisposition.inline().filename(filename).build());
    return new ResponseEntity<>(body, headers, HttpStatus.OK);
  }

  private static BalanceView view(Balance b) {
    return new BalanceView(
        b.item().name(),
        b.place().location().name(),
        b.place().printerId().map(String::valueOf).orElse(null),
        b.quantity());
  }

  private static MovementView view(RecordedMovement r) {
    var m = r.movement();
    return new MovementView(
        r.id(),
        r.occurredAt().toString(),
        m.item().name(),
        m.from().toString(),
        m.to().toString(),
        m.quantity(),
        m.reason(),
        m.actor(),
        m.referenceKind().name(),
        m.referenceId(),
        m.detail().chipUid().orElse(null),
        m.detail().serialFirst().orElse(null),
        m.detail().serialLast().orElse(null),
        m.detail().requestId().orElse(null),
        m.detail().note());
  }
}
