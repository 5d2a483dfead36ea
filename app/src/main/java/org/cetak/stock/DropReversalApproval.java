package org.cetak.stock;

import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.approval.ApprovalHandler;
import org.cetak.approval.ApprovalSubject;
import org.cetak.common.DomainException;
import org.cetak.office.User;

/**
 * Carries out an approved drop reversal: the drop's blanks go back from the vault to the centre in
 * one correcting movement (reason {@code DROP_REVERSED}) that names the drop, and the drop is
 * marked reversed. If the vault no longer holds them, the approval is refused and nothing changes.
 */
public final class DropReversalApproval implements ApprovalHandler {

  /** Approval kind of a drop reversal. */
  public static final String KIND = "DROP_REVERSAL";

  /** The reason of the correcting movement. */
  public static final String REASON = "DROP_REVERSED";

  private final Ledger ledger;
  private final Drops drops;

  public DropReversalApproval(Ledger ledger, Drops drops) {
    this.ledger = ledger;
    this.drops = drops;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void approved(Approval approval, User approver) {
    Drop drop = locked(approval);
    ledger.record(
        new Movement(
            drop.officeId(),
            Item.BLANK,
            Place.of(Location.VAULT),
            Place.of(Location.CENTRE),
            drop.quantity(),
            REASON,
            approver.username(),
            ReferenceKind.DROP,
            drop.id(),
            Movement.Detail.none()
                .withNote(
                    "pembatalan BA "
                        + drop.documentNo()
                        + " (diajukan "
                        + approval.proposedBy()
                        + "): "
                        + approval.payload())));
    drops.reversed(drop.id());
  }

  @Override
  public void rejected(Approval approval, User approver) {
    drops.proposeReversal(locked(approval).id(), Optional.empty());
  }

  private Drop locked(Approval approval) {
    return ApprovalSubject.lockedUndecided(
        approval,
        id -> drops.lock(approval.officeId(), id),
        id -> new DomainException(StockError.UNKNOWN_DROP, "Drop " + id, id),
        drop ->
            drop.reversed()
                ? Optional.of("Drop " + drop.documentNo() + " was reversed already")
                : Optional.empty());
  }
}
