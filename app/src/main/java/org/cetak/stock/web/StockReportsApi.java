package org.cetak.stock.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.common.DomainException;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.platform.Refuses;
import org.cetak.report.StockDocuments;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.cetak.stock.DailyReports;
import org.cetak.stock.DailyStockReport;
import org.cetak.stock.DestructionLine;
import org.cetak.stock.DestructionProposal;
import org.cetak.stock.DestructionReport;
import org.cetak.stock.DestructionReports;
import org.cetak.stock.Destructions;
import org.cetak.stock.Item;
import org.cetak.stock.Location;
import org.cetak.stock.LossReport;
import org.cetak.stock.LossReports;
import org.cetak.stock.Losses;
import org.cetak.stock.Place;
import org.cetak.stock.PrinterRegistry;
import org.cetak.stock.SpoilReason;
import org.cetak.stock.StockError;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stock's documents: write-offs and destruction reports (proposed here, approved by a second
 * person under {@code /api/offices/{office}/approvals}), and the daily stock report, as JSON and
 * PDF.
 */
@RestController
public class StockReportsApi {

  private final PrinterRegistry registry;
  private final WriteOffs writeOffs;
  private final Destructions destructions;
  private final Losses losses;
  private final DestructionReports reports;
  private final DailyReports daily;
  private final CurrentUser currentUser;
  private final StockDocuments documents;

  public StockReportsApi(
      PrinterRegistry registry,
      WriteOffs writeOffs,
      Destructions destructions,
      Losses losses,
      DestructionReports reports,
      DailyReports daily,
      CurrentUser currentUser,
      StockDocuments documents) {
    this.documents = documents;
    this.registry = registry;
    this.writeOffs = writeOffs;
    this.destructions = destructions;
    this.losses = losses;
    this.reports = reports;
    this.daily = daily;
    this.currentUser = currentUser;
  }

  /** A write-off: where the blanks are, how many, why. */
  public record WriteOffBody(
      Location location, String printerCode, Integer quantity, SpoilReason reason, String note) {}

  /** Proposes writing blanks off; a supervisor other than the proposer approves. */
  @PostMapping("/api/offices/{office}/stock/write-offs")
  @ResponseStatus(HttpStatus.CREATED)
  @Allow(Permission.PROPOSE_DISPOSAL)
  @Operation(summary = "Proposes a write-off of spoiled blanks; a supervisor approves it")
  @Refuses({"INVALID_QUANTITY", "INSUFFICIENT_BALANCE", "REASON_REQUIRED", "TEXT_TOO_LONG"})
  public Approval proposeWriteOff(Office office, @RequestBody WriteOffBody body) {
    if (body.location() == null) {
      throw new DomainException(StockError.LOCATION_REQUIRED, "A write-off names its location");
    }
    Place from =
        body.location().isPerPrinter()
            ? new Place(
                body.location(),
                Optional.of(registry.printer(office.id(), String.valueOf(body.printerCode())).id()))
            : Place.of(body.location());
    return writeOffs.propose(
        office.id(),
        from,
        StockMovesApi.required(body.quantity()),
        body.reason(),
        body.note(),
        currentUser.get());
  }

  /** One card to destroy. */
  public record CardBody(Item item, String chipUid, String serial, Long spoilMovementId) {}

  /** A destruction report: date, place, two witnesses, the cards. */
  public record DestructionBody(
      LocalDate date, String place, List<String> witnesses, List<CardBody> cards) {}

  /** Proposes a destruction report (berita acara pemusnahan); a supervisor approves it. */
  @PostMapping("/api/offices/{office}/stock/destruction-reports")
  @ResponseStatus(HttpStatus.CREATED)
  @Allow(Permission.PROPOSE_DISPOSAL)
  @Operation(
      summary =
          "Proposes a destruction report (berita acara pemusnahan) of spoiled cards; a supervisor approves it")
  @Refuses({
    "NO_CARDS",
    "NOT_IN_SPOILED_PILE",
    "WITNESSES_REQUIRED",
    "INVALID_DESTRUCTION_LINE",
    "DOCUMENT_DATE_IN_FUTURE",
    "TEXT_TOO_LONG"
  })
  public DestructionReport proposeDestruction(Office office, @RequestBody DestructionBody body) {
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
        office.id(),
        new DestructionProposal(body.date(), body.place(), body.witnesses(), lines),
        currentUser.get());
  }

  /** The office's destruction reports. */
  @GetMapping("/api/offices/{office}/stock/destruction-reports")
  @Allow(Permission.SEE_STOCK)
  @Operation(summary = "The office's destruction reports")
  @Refuses({})
  public List<DestructionReport> destructionReports(Office office) {
    return reports.list(office.id());
  }

  /** One destruction report. */
  @GetMapping("/api/offices/{office}/stock/destruction-reports/{id}")
  @Allow(Permission.SEE_STOCK)
  @Operation(summary = "One destruction report with its cards")
  @Refuses({"UNKNOWN_DESTRUCTION_REPORT"})
  public DestructionReport destructionReport(Office office, @PathVariable("id") long id) {
    return report(office, id);
  }

  /** One destruction report as the PDF document its signatories sign, in Bahasa Indonesia. */
  @GetMapping("/api/offices/{office}/stock/destruction-reports/{id}/pdf")
  @Allow(Permission.SEE_STOCK)
  @Operation(summary = "A destruction report as PDF")
  @Refuses({"UNKNOWN_DESTRUCTION_REPORT"})
  public ResponseEntity<byte[]> destructionReportPdf(Office office, @PathVariable("id") long id) {
    DestructionReport report = report(office, id);
    return pdf(
        documents.destruction(office, report),
        "berita-acara-pemusnahan-" + report.number().replace('/', '-') + ".pdf");
  }

  /** Lost blanks: where they were, how many, what happened. */
  public record LossBody(
      Location location,
      String printerCode,
      Integer quantity,
      String circumstances,
      String chipUid,
      String serial,
      Long printJobId,
      LocalDate date) {}

  /** Reports blanks lost (berita acara kehilangan); a supervisor approves it. */
  @PostMapping("/api/offices/{office}/stock/loss-reports")
  @ResponseStatus(HttpStatus.CREATED)
  @Allow(Permission.REPORT_LOSS)
  @Operation(summary = "Reports blanks lost (berita acara kehilangan); a supervisor approves it")
  @Refuses({
    "INVALID_QUANTITY",
    "LOCATION_REQUIRED",
    "CIRCUMSTANCES_REQUIRED",
    "DOCUMENT_REQUIRED",
    "INSUFFICIENT_BALANCE"
  })
  public LossReport proposeLoss(Office office, @RequestBody LossBody body) {
    if (body.location() == null) {
      throw new DomainException(StockError.LOCATION_REQUIRED, "A loss report names its location");
    }
    Place from =
        body.location().isPerPrinter()
            ? new Place(
                body.location(),
                Optional.of(registry.printer(office.id(), String.valueOf(body.printerCode())).id()))
            : Place.of(body.location());
    return losses.propose(
        office.id(),
        new LossReports.Proposal(
            body.date(),
            from,
            StockMovesApi.required(body.quantity()),
            body.circumstances(),
            Optional.ofNullable(body.chipUid()),
            Optional.ofNullable(body.serial()),
            Optional.ofNullable(body.printJobId())),
        currentUser.get());
  }

  /** The office's loss reports. */
  @GetMapping("/api/offices/{office}/stock/loss-reports")
  @Allow(Permission.SEE_STOCK)
  @Operation(summary = "The office's loss reports")
  @Refuses({})
  public List<LossReport> lossReports(Office office) {
    return losses.list(office.id());
  }

  /** One loss report as the PDF document its signatories sign, in Bahasa Indonesia. */
  @GetMapping("/api/offices/{office}/stock/loss-reports/{id}/pdf")
  @Allow(Permission.SEE_STOCK)
  @Operation(summary = "A loss report (berita acara kehilangan) as PDF")
  @Refuses({"UNKNOWN_LOSS_REPORT"})
  public ResponseEntity<byte[]> lossReportPdf(Office office, @PathVariable("id") long id) {
    LossReport report = losses.report(office.id(), id);
    return pdf(
        documents.loss(office, report),
        "berita-acara-kehilangan-" + report.number().replace('/', '-') + ".pdf");
  }

  /** Blanks found again: how many, and a note. */
  public record FoundBody(Integer quantity, String note) {}

  /** Records blanks of a loss report found again; they go back where they belong. */
  @PostMapping("/api/offices/{office}/stock/loss-reports/{reportId}/found")
  @ResponseStatus(HttpStatus.CREATED)
  @Allow(Permission.REPORT_LOSS)
  @Operation(summary = "Records lost blanks found again")
  @Refuses({"UNKNOWN_LOSS_REPORT", "NOT_THAT_MANY_LOST", "INVALID_QUANTITY"})
  public StockViews.MovementView foundAgain(
      Office office, @PathVariable("reportId") long reportId, @RequestBody FoundBody body) {
    return StockViews.view(
        losses.foundAgain(
            office.id(),
            reportId,
            StockMovesApi.required(body.quantity()),
            body.note(),
            currentUser.get()));
  }

  /** The daily stock report of a day ({@code date=2026-11-02}). */
  @GetMapping("/api/offices/{office}/stock/daily-report")
  @Allow(Permission.SEE_STOCK)
  @Operation(summary = "The daily stock report of a day")
  @Refuses({"DATE_REQUIRED"})
  public DailyStockReport dailyReport(Office office, @RequestParam("date") LocalDate date) {
    return daily.report(office.id(), date);
  }

  /** The daily stock report as PDF, in Bahasa Indonesia. */
  @GetMapping("/api/offices/{office}/stock/daily-report/pdf")
  @Allow(Permission.SEE_STOCK)
  @Operation(summary = "The daily stock report of a day as PDF")
  @Refuses({"DATE_REQUIRED"})
  public ResponseEntity<byte[]> dailyReportPdf(
      Office office, @RequestParam("date") LocalDate date) {
    return pdf(
        documents.daily(office, daily.report(office.id(), date)),
        "laporan-stok-" + office.code() + "-" + date + ".pdf");
  }

  private DestructionReport report(Office office, long id) {
    return reports
        .byId(id)
        .filter(r -> r.officeId() == office.id())
        .orElseThrow(
            () ->
                new DomainException(
                    StockError.UNKNOWN_DESTRUCTION_REPORT,
                    "Destruction report " + id + " not found in office " + office.code(),
                    id));
  }

  private static ResponseEntity<byte[]> pdf(byte[] body, String filename) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_PDF);
    headers.setContentDisposition(ContentDisposition.inline().filename(filename).build());
    return new ResponseEntity<>(body, headers, HttpStatus.OK);
  }
}
