package org.cetak.stock;

import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.approval.ApprovalHandler;
import org.cetak.approval.ApprovalSubject;
import org.cetak.common.DomainException;
import org.cetak.office.User;

/** Carries out an approved loss report: the blanks move from where they were last known to LOST. */
public final class LossApproval implements ApprovalHandler {

  /** Approval kind of a loss report. */
  public static final String KIND = "LOSS";

  private final Ledger ledger;
  private final LossReports reports;

  public LossApproval(Ledger ledger, LossReports reports) {
    this.ledger = ledger;
    this.reports = reports;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void approved(Approval approval, User approver) {
    LossReport report = locked(approval);
    ledger.record(
        new Movement(
            report.officeId(),
            Item.BLANK,
            report.from(),
            Place.of(Location.LOST),
            report.quantity(),
            "LOST",
            approver.username(),
            ReferenceKind.LOSS_REPORT,
            report.id(),
            new Movement.Detail(
                report.serial(),
                report.serial(),
                report.chipUid(),
                Optional.empty(),
                "BA kehilangan " + report.number() + ": " + report.circumstances())));
    reports.decide(report.id(), LossReport.Status.LOST, Optional.of(Signatory.of(approver)));
  }

  @Override
  public void rejected(Approval approval, User approver) {
    reports.decide(locked(approval).id(), LossReport.Status.REJECTED, Optional.empty());
  }

  private LossReport locked(Approval approval) {
    return ApprovalSubject.lockedUndecided(
        approval,
        reports::lock,
        id -> new DomainException(StockError.UNKNOWN_LOSS_REPORT, "Loss report " + id, id),
        r ->
            r.status() == LossReport.Status.PROPOSED
                ? Optional.empty()
                : Optional.of("Loss report " + r.number() + " is " + r.status()));
  }
}
