package org.cetak.stock;

import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.approval.Approvals;
import org.cetak.common.DomainException;
import org.cetak.common.Field;
import org.cetak.office.Access;
import org.cetak.office.Permission;
import org.cetak.office.User;

/**
 * Proposals to write blanks off onto the spoiled pile (penghapusan blanko). Nothing moves until a
 * supervisor other than the proposer approves; {@link WriteOffApproval} then moves the blanks.
 */
public final class WriteOffs {

  private final Ledger ledger;
  private final PrinterRegistry printers;
  private final Approvals approvals;
  private final Access access;

  public WriteOffs(Ledger ledger, PrinterRegistry printers, Approvals approvals, Access access) {
    this.ledger = ledger;
    this.printers = printers;
    this.approvals = approvals;
    this.access = access;
  }

  /**
   * Proposes writing blanks off from the vault, a feeder or an outcome-unknown slot; a supervisor
   * other than the proposer must approve it before anything moves.
   */
  public Approval propose(
      long officeId, Place from, int quantity, SpoilReason reason, String note, User by) {
    access.require(by, Permission.PROPOSE_DISPOSAL, officeId);
    Quantities.positive(quantity);
    Field.atMost(Optional.ofNullable(note), SpoilRecords.MAX_NOTE, "stockpage.note");
    if (reason == null || reason == SpoilReason.WITHDRAWN_OLD_CARD) {
      throw new DomainException(
          StockError.INVALID_SPOIL_REASON, "A write-off needs a blank reason");
    }
    Location location = from.location();
    if (location != Location.VAULT && location != Location.FEEDER && location != Location.UNKNOWN) {
      throw new DomainException(
          StockError.INVALID_PLACE,
          "Blanks are written off from the vault, a feeder or outcome unknown");
    }
    from.printerId().ifPresent(id -> printers.printer(officeId, id));
    long held = ledger.balance(officeId, Item.BLANK, from);
    if (held < quantity) {
      throw new DomainException(
          StockError.INSUFFICIENT_BALANCE,
          from + " holds " + held + " blanks; cannot write off " + quantity,
          held,
          quantity);
    }
    WriteOffApproval.Payload payload =
        new WriteOffApproval.Payload(from, quantity, reason, note == null ? "" : note);
    return approvals.propose(
        officeId,
        WriteOffApproval.KIND,
        Optional.empty(),
        "Write off " + quantity + " blanks from " + from + " (" + reason + ")",
        payload.encode(),
        by);
  }
}
