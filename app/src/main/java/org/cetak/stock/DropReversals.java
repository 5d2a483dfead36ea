package org.cetak.stock;

import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.approval.Approvals;
import org.cetak.common.DomainException;
import org.cetak.common.Transactions;
import org.cetak.office.Access;
import org.cetak.office.Audit;
import org.cetak.office.Permission;
import org.cetak.office.User;

/**
 * Reversing a drop received by mistake (pembatalan serah terima): the ledger is never edited. The
 * inventory manager proposes the reversal with the reason; a supervisor other than the proposer
 * approves it ({@link DropReversalApproval}), and only then do the drop's blanks go back from the
 * vault to the centre with a correcting movement that names the drop. The drop's document number
 * and serial ranges are then free for the drop as it should have been received.
 */
public final class DropReversals {

  private final Ledger ledger;
  private final Drops drops;
  private final Approvals approvals;
  private final Access access;
  private final Audit audit;
  private final Transactions transactions;

  public DropReversals(
      Ledger ledger,
      Drops drops,
      Approvals approvals,
      Access access,
      Audit audit,
      Transactions transactions) {
    this.ledger = ledger;
    this.drops = drops;
    this.approvals = approvals;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
  }

  /**
   * Proposes reversing a whole drop. Refused with nothing written: no reason, a drop of another
   * office, a drop reversed or proposed for reversal already, a vault that no longer holds the
   * drop's blanks.
   */
  public Approval propose(long officeId, long dropId, String reason, User by) {
    access.require(by, Permission.RECEIVE_DROP, officeId);
    if (reason == null || reason.isBlank()) {
      throw new DomainException(
          StockError.REVERSAL_REASON_REQUIRED,
          "Pembatalan serah terima menyebutkan alasannya / A drop reversal states its reason");
    }
    return transactions.inTransaction(
        () -> {
          Drop drop = locked(officeId, dropId);
          if (drop.reversed() || drop.reversalApprovalId().isPresent()) {
            throw new DomainException(
                StockError.DROP_ALREADY_REVERSED,
                "Serah terima "
                    + drop.documentNo()
                    + (drop.reversed() ? " sudah dibatalkan" : " sedang diajukan untuk dibatalkan")
                    + " / drop "
                    + drop.documentNo()
                    + (drop.reversed() ? " was reversed already" : " awaits its reversal"),
                drop.documentNo());
          }
          refuseWhenInUse(drop);
          Approval approval =
              approvals.propose(
                  officeId,
                  DropReversalApproval.KIND,
                  Optional.of(drop.id()),
                  "Pembatalan serah terima "
                      + drop.documentNo()
                      + ": "
                      + drop.quantity()
                      + " blanko kembali ke pusat",
                  reason.strip(),
                  by);
          drops.proposeReversal(drop.id(), Optional.of(approval.id()));
          audit.record(
              officeId,
              by.username(),
              "DROP_REVERSAL_PROPOSED",
              "drop " + drop.documentNo(),
              drop.quantity() + " blanks");
          return approval;
        });
  }

  private Drop locked(long officeId, long dropId) {
    return drops
        .lock(officeId, dropId)
        .orElseThrow(
            () ->
                new DomainException(
                    StockError.UNKNOWN_DROP,
                    "Drop " + dropId + " not found in office " + officeId,
                    dropId));
  }

  /** Refuses when the vault holds fewer blanks than the drop brought. */
  void refuseWhenInUse(Drop drop) {
    long vault = ledger.balance(drop.officeId(), Item.BLANK, Place.of(Location.VAULT));
    if (vault < drop.quantity()) {
      throw new DomainException(
          StockError.DROP_IN_USE,
          "Gudang tinggal "
              + vault
              + " blanko, serah terima "
              + drop.documentNo()
              + " membawa "
              + drop.quantity()
              + " / the vault holds "
              + vault
              + " blanks, drop "
              + drop.documentNo()
              + " brought "
              + drop.quantity(),
          drop.documentNo(),
          vault,
          drop.quantity());
    }
  }
}
