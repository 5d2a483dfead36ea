package org.cetak.stock;

import java.util.Optional;
import org.cetak.common.DomainException;
import org.cetak.common.Field;
import org.cetak.common.Transactions;
import org.cetak.office.Access;
import org.cetak.office.Permission;
import org.cetak.office.User;

/**
 * Cards that go onto the spoiled pile to await destruction outside the print station's own steps:
 * blanks an operator spoils at a printer, and old cards withdrawn from residents at pickup.
 */
public final class SpoilRecords {

  /** The longest note a spoiled blank or a write-off keeps. */
  static final int MAX_NOTE = 500;

  private final Ledger ledger;
  private final PrinterRegistry printers;
  private final Access access;
  private final Transactions transactions;

  public SpoilRecords(
      Ledger ledger, PrinterRegistry printers, Access access, Transactions transactions) {
    this.ledger = ledger;
    this.printers = printers;
    this.access = access;
    this.transactions = transactions;
  }

  /**
   * Records blanks spoiled at a printer (from its feeder, or from inside it) onto the spoiled pile.
   * Spoils in the vault are write-offs and need a second person.
   */
  public RecordedMovement spoiled(long officeId, SpoilRequest request, User by) {
    access.require(by, Permission.RECORD_SPOIL, officeId);
    Quantities.positive(request.quantity());
    Field.atMost(Optional.ofNullable(request.note()), MAX_NOTE, "stockpage.note");
    if (request.reason() == null
        || request.reason() == SpoilReason.WITHDRAWN_OLD_CARD
        || request.reason() == SpoilReason.REPRINT
        || request.reason().qualityCheck()) {
      throw new DomainException(
          StockError.INVALID_SPOIL_REASON, "A spoiled blank needs a blank spoil reason");
    }
    Optional<String> uid = ChipUid.normalise(request.chipUid());
    if (uid.isPresent() && request.quantity() != 1) {
      throw new DomainException(
          StockError.CHIP_UID_FOR_ONE_CARD, "A chip UID identifies one card; quantity must be 1");
    }
    Printer printer = printers.printer(officeId, request.printerCode());
    Place from = request.fromInside() ? Place.inside(printer.id()) : Place.feeder(printer.id());
    return transactions.inTransaction(
        () ->
            ledger.record(
                new Movement(
                    officeId,
                    Item.BLANK,
                    from,
                    Place.of(Location.SPOILED),
                    request.quantity(),
                    request.reason().name(),
                    by.username(),
                    ReferenceKind.PRINTER,
                    printer.id(),
                    new Movement.Detail(
                        Optional.empty(),
                        Optional.empty(),
                        uid,
                        request.requestId(),
                        request.note() == null ? "" : request.note()))));
  }

  /**
   * Records a printed card rejected at the print room's quality check: it leaves the printed cards
   * for the spoiled pile with its QC reason and chip UID, to await destruction. The print job that
   * made it is its document.
   */
  public RecordedMovement rejectedAtCheck(
      long officeId,
      long requestId,
      long printJobId,
      Optional<String> chipUid,
      SpoilReason reason,
      String note,
      User by) {
    access.require(by, Permission.CHECK_CARD, officeId);
    if (reason == null || !reason.qualityCheck()) {
      throw new DomainException(
          StockError.INVALID_SPOIL_REASON, "A card rejected at the check needs a QC reason");
    }
    return transactions.inTransaction(
        () ->
            ledger.record(
                new Movement(
                    officeId,
                    Item.BLANK,
                    Place.of(Location.PRINTED),
                    Place.of(Location.SPOILED),
                    1,
                    reason.name(),
                    by.username(),
                    ReferenceKind.PRINT_JOB,
                    printJobId,
                    new Movement.Detail(
                        Optional.empty(),
                        Optional.empty(),
                        ChipUid.normalise(chipUid),
                        Optional.of(requestId),
                        note == null ? "" : note))));
  }

  /** Records an old card withdrawn from a resident at pickup: it awaits destruction. */
  public RecordedMovement withdrawnOldCard(
      long officeId,
      long requestId,
      Optional<String> chipUid,
      Optional<String> serial,
      String note,
      User by) {
    access.require(by, Permission.WITHDRAW_OLD_CARD, officeId);
    Optional<String> uid = ChipUid.normalise(chipUid);
    return transactions.inTransaction(
        () ->
            ledger.record(
                new Movement(
                    officeId,
                    Item.OLD_CARD,
                    Place.of(Location.WITHDRAWN),
                    Place.of(Location.SPOILED),
                    1,
                    SpoilReason.WITHDRAWN_OLD_CARD.name(),
                    by.username(),
                    ReferenceKind.REQUEST,
                    requestId,
                    new Movement.Detail(
                        serial, serial, uid, Optional.of(requestId), note == null ? "" : note))));
  }

  /**
   * Records the first card of a reprinted request, back in the office (returned, damaged): it
   * leaves the printed cards for the spoiled pile with reason {@link SpoilReason#REPRINT}, naming
   * its chip UID or, without one, its serial, to await destruction. The reprint's approval is its
   * document.
   */
  public RecordedMovement reprintedFirstCardSpoiled(
      long officeId,
      long requestId,
      long approvalId,
      Optional<String> chipUid,
      Optional<String> serial,
      User by) {
    access.require(by, Permission.RECORD_FIRST_CARD, officeId);
    return transactions.inTransaction(
        () ->
            ledger.record(
                new Movement(
                    officeId,
                    Item.BLANK,
                    Place.of(Location.PRINTED),
                    Place.of(Location.SPOILED),
                    1,
                    SpoilReason.REPRINT.name(),
                    by.username(),
                    ReferenceKind.APPROVAL,
                    approvalId,
                    new Movement.Detail(
                        serial,
                        serial,
                        ChipUid.normalise(chipUid),
                        Optional.of(requestId),
                        "kartu pertama permohonan " + requestId + ", dicetak ulang"))));
  }

  /**
   * Records the first card of a reprinted request as lost (the resident or the office lost it, the
   * police report names the loss): it leaves the printed cards for {@link Location#LOST}, not the
   * spoiled pile, because there is nothing to destroy.
   */
  public RecordedMovement reprintedFirstCardLost(
      long officeId,
      long requestId,
      long approvalId,
      Optional<String> chipUid,
      Optional<String> serial,
      String policeReportNo,
      User by) {
    access.require(by, Permission.RECORD_FIRST_CARD, officeId);
    return transactions.inTransaction(
        () ->
            ledger.record(
                new Movement(
                    officeId,
                    Item.BLANK,
                    Place.of(Location.PRINTED),
                    Place.of(Location.LOST),
                    1,
                    "REPRINT_LOST",
                    by.username(),
                    ReferenceKind.APPROVAL,
                    approvalId,
                    new Movement.Detail(
                        serial,
                        serial,
                        ChipUid.normalise(chipUid),
                        Optional.of(requestId),
                        "kartu pertama permohonan "
                            + requestId
                            + " hilang, surat kehilangan kepolisian "
                            + policeReportNo))));
  }
}
