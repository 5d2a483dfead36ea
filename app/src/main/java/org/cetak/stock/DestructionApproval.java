package org.cetak.stock;

import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.approval.ApprovalHandler;
import org.cetak.approval.ApprovalSubject;
import org.cetak.common.DomainException;
import org.cetak.office.User;

/**
 * Carries out an approved destruction report: each card listed moves from the spoiled pile to
 * destroyed, one ledger row per card.
 */
public final class DestructionApproval implements ApprovalHandler {

  /** Approval kind of a destruction report. */
  public static final String KIND = "DESTRUCTION";

  private final Ledger ledger;
  private final DestructionReports reports;

  public DestructionApproval(Ledger ledger, DestructionReports reports) {
    this.ledger = ledger;
    this.reports = reports;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void approved(Approval approval, User approver) {
    DestructionReport report = locked(approval);
    for (DestructionReport.Card card : report.cards()) {
      ledger.record(
          new Movement(
              report.officeId(),
              card.item(),
              Place.of(Location.SPOILED),
              Place.of(Location.DESTROYED),
              1,
              card.reason(),
              approver.username(),
              ReferenceKind.DESTRUCTION_REPORT,
              report.id(),
              new Movement.Detail(
                  card.serial(),
                  card.serial(),
                  card.chipUid(),
                  card.requestId(),
                  "BA " + report.number())));
    }
    reports.markDestroyed(report.id(), Signatory.of(approver));
  }

  @Override
  public void rejected(Approval approval, User approver) {
    reports.markRejected(locked(approval).id());
  }

  private DestructionReport locked(Approval approval) {
    return ApprovalSubject.lockedUndecided(
        approval,
        reports::lock,
        id ->
            new DomainException(
                StockError.UNKNOWN_DESTRUCTION_REPORT, "Destruction report " + id, id),
        r ->
            r.status() == DestructionReport.Status.PROPOSED
                ? Optional.empty()
                : Optional.of("Destruction report " + r.number() + " is " + r.status()));
  }
}
