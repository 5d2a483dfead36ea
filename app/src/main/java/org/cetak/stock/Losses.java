package org.cetak.stock;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.approval.Approvals;
import org.cetak.common.DomainException;
import org.cetak.common.OfficeZones;
import org.cetak.common.Transactions;
import org.cetak.office.Access;
import org.cetak.office.Audit;
import org.cetak.office.Permission;
import org.cetak.office.User;

/**
 * Blanks that cannot be found (kehilangan blanko). A missing blank is state property gone, not a
 * spoiled card: there is nothing to destroy. It is reported with its circumstances on a loss report
 * (berita acara kehilangan) that a supervisor other than the proposer approves ({@link
 * LossApproval} then moves it to {@link Location#LOST}); when it turns up again it moves back to
 * the vault with a correcting movement that names the report.
 */
public final class Losses {

  private final Ledger ledger;
  private final LossReports reports;
  private final PrinterRegistry printers;
  private final Approvals approvals;
  private final Access access;
  private final Audit audit;
  private final Transactions transactions;
  private final OfficeZones zones;
  private final Clock clock;

  public Losses(
      Ledger ledger,
      LossReports reports,
      PrinterRegistry printers,
      Approvals approvals,
      Access access,
      Audit audit,
      Transactions transactions,
      OfficeZones zones,
      Clock clock) {
    this.zones = zones;
    this.ledger = ledger;
    this.reports = reports;
    this.printers = printers;
    this.approvals = approvals;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Proposes a loss report. Refused with nothing written: a place blanks are not lost from, a
   * quantity the place does not hold (counting other reports still awaiting approval), no
   * circumstances.
   */
  public LossReport propose(long officeId, LossReports.Proposal proposal, User by) {
    access.require(by, Permission.REPORT_LOSS, officeId);
    Quantities.positive(proposal.quantity());
    Location location = proposal.from().location();
    if (location != Location.VAULT
        && location != Location.FEEDER
        && location != Location.INSIDE_PRINTER
        && location != Location.UNKNOWN) {
      throw new DomainException(
          StockError.INVALID_PLACE,
          "Blanko hilang dari gudang, feeder, dalam printer atau hasil tidak diketahui / Blanks"
              + " are lost from the vault, a feeder, inside a printer or outcome unknown");
    }
    proposal.from().printerId().ifPresent(id -> printers.printer(officeId, id));
    if (proposal.circumstances() == null || proposal.circumstances().isBlank()) {
      throw new DomainException(
          StockError.CIRCUMSTANCES_REQUIRED,
          "Berita acara kehilangan menjelaskan keadaannya / A loss report states the"
              + " circumstances");
    }
    Optional<String> uid = ChipUid.normalise(proposal.chipUid());
    LocalDate date =
        proposal.date() == null
            ? LocalDate.now(clock.withZone(zones.of(officeId)))
            : proposal.date();
    return transactions.inTransaction(
        () -> {
          long held = ledger.balance(officeId, Item.BLANK, proposal.from());
          long pending =
              reports.list(officeId).stream()
                  .filter(r -> r.status() == LossReport.Status.PROPOSED)
                  .filter(r -> r.from().equals(proposal.from()))
                  .mapToLong(LossReport::quantity)
                  .sum();
          if (held - pending < proposal.quantity()) {
            throw new DomainException(
                StockError.INSUFFICIENT_BALANCE,
                proposal.from()
                    + " holds "
                    + held
                    + " blanks, "
                    + pending
                    + " already reported lost; cannot report "
                    + proposal.quantity(),
                held,
                proposal.quantity());
          }
          LossReport report =
              reports.insert(
                  officeId,
                  new LossReports.Proposal(
                      date,
                      proposal.from(),
                      proposal.quantity(),
                      proposal.circumstances().strip(),
                      uid,
                      proposal.serial(),
                      proposal.printJobId()),
                  by.username(),
                  Signatory.of(by));
          Approval approval =
              approvals.propose(
                  officeId,
                  LossApproval.KIND,
                  Optional.of(report.id()),
                  "Berita acara kehilangan "
                      + report.number()
                      + ": "
                      + report.quantity()
                      + " blanko dari "
                      + report.from(),
                  "",
                  by);
          reports.attachApproval(report.id(), approval.id());
          audit.record(
              officeId,
              by.username(),
              "LOSS_REPORTED",
              "loss report " + report.number(),
              report.quantity() + " blanks from " + report.from());
          return reports.byId(report.id()).orElseThrow();
        });
  }

  /**
   * Moves blanks of an approved loss report that turned up again back into the vault, with a
   * correcting movement naming the report. Refused: a report not (or no longer) lost, more blanks
   * than are still lost on it.
   */
  public RecordedMovement foundAgain(
      long officeId, long reportId, int quantity, String note, User by) {
    access.require(by, Permission.REPORT_LOSS, officeId);
    Quantities.positive(quantity);
    return transactions.inTransaction(
        () -> {
          LossReport report =
              reports
                  .lock(reportId)
                  .filter(r -> r.officeId() == officeId)
                  .orElseThrow(
                      () ->
                          new DomainException(
                              StockError.UNKNOWN_LOSS_REPORT,
                              "Loss report " + reportId + " not found in office " + officeId,
                              reportId));
          if (report.stillLost() < quantity) {
            throw new DomainException(
                StockError.NOT_THAT_MANY_LOST,
                "Berita acara "
                    + report.number()
                    + " masih mencatat "
                    + report.stillLost()
                    + " blanko hilang / Loss report "
                    + report.number()
                    + " has "
                    + report.stillLost()
                    + " blanks still lost, not "
                    + quantity,
                report.number(),
                report.stillLost(),
                quantity);
          }
          reports.addFound(report.id(), quantity);
          RecordedMovement moved =
              ledger.record(
                  new Movement(
                      officeId,
                      Item.BLANK,
                      Place.of(Location.LOST),
                      Place.of(Location.VAULT),
                      quantity,
                      "FOUND_AGAIN",
                      by.username(),
                      ReferenceKind.LOSS_REPORT,
                      report.id(),
                      new Movement.Detail(
                          report.serial(),
                          report.serial(),
                          report.chipUid(),
                          Optional.empty(),
                          "ditemukan kembali, BA kehilangan "
                              + report.number()
                              + (note == null || note.isBlank() ? "" : ": " + note.strip()))));
          audit.record(
              officeId,
              by.username(),
              "LOST_BLANKS_FOUND",
              "loss report " + report.number(),
              quantity + " blanks back in the vault");
          return moved;
        });
  }

  public List<LossReport> list(long officeId) {
    return reports.list(officeId);
  }

  public LossReport report(long officeId, long reportId) {
    return reports
        .byId(reportId)
        .filter(r -> r.officeId() == officeId)
        .orElseThrow(
            () ->
                new DomainException(
                    StockError.UNKNOWN_LOSS_REPORT,
                    "Loss report " + reportId + " not found in office " + officeId,
                    reportId));
  }
}
