package org.cetak.stock;

import java.util.List;
import java.util.Optional;
import org.cetak.common.Transactions;
import org.cetak.printing.BlankMove;
import org.cetak.printing.CardHeld;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrintRoomLedger;
import org.cetak.printing.SpoilCause;
import org.cetak.printing.Stage;

/**
 * The print station's blank movements one by one, for ledger tests that move blanks as the station
 * would without running it: each call records one {@link BlankMove} of a job through {@link
 * PrintRoomLedger}, joining the caller's transaction.
 */
final class PrintRoomMoves {

  private final PrintRoomLedger ledger;
  private final Ledger stock;
  private final Printers printers;
  private final Transactions transactions;

  PrintRoomMoves(Ledger ledger, Printers printers, Transactions transactions) {
    this.ledger = new PrintRoomLedger(ledger, printers);
    this.stock = ledger;
    this.printers = printers;
    this.transactions = transactions;
  }

  void picked(long printerId, int count, long jobId) {
    record(printerId, jobId, 0, new BlankMove.Picked(count));
  }

  void spoiledInside(
      long printerId,
      int count,
      SpoilReason reason,
      Optional<String> chipUid,
      Optional<Long> requestId,
      long jobId,
      String note) {
    if (reason != SpoilReason.PRINT_FAIL && reason != SpoilReason.ENCODE_FAIL) {
      // not a cause of the station's: a blank found defective once inside, say
      Printer p = printers.byId(printerId).orElseThrow();
      transactions.run(
          () ->
              stock.record(
                  new Movement(
                      p.officeId(),
                      Item.BLANK,
                      Place.inside(printerId),
                      Place.of(Location.SPOILED),
                      count,
                      reason.name(),
                      "station:" + p.code(),
                      ReferenceKind.PRINT_JOB,
                      jobId,
                      new Movement.Detail(
                          Optional.empty(),
                          Optional.empty(),
                          ChipUid.normalise(chipUid),
                          requestId,
                          note))));
      return;
    }
    record(
        printerId,
        jobId,
        requestId.orElse(0L),
        new BlankMove.Spoiled(count, cause(reason), chipUid, requestId.isPresent(), note));
  }

  void printed(long printerId, String chipUid, long requestId, long jobId) {
    record(printerId, jobId, requestId, new BlankMove.Printed(chipUid));
  }

  void toUnknown(long printerId, boolean fromFeeder, long jobId) {
    record(printerId, jobId, 0, new BlankMove.ToUnknown(fromFeeder));
  }

  void backFromUnknown(long printerId, boolean toFeeder, long jobId) {
    record(printerId, jobId, 0, new BlankMove.BackFromUnknown(toFeeder));
  }

  void unknownPrinted(long printerId, Optional<String> chipUid, long requestId, long jobId) {
    record(printerId, jobId, requestId, new BlankMove.UnknownPrinted(chipUid, ""));
  }

  void unknownSpoiled(
      long printerId,
      SpoilReason reason,
      Optional<String> chipUid,
      long requestId,
      long jobId,
      String note) {
    record(printerId, jobId, requestId, new BlankMove.UnknownSpoiled(cause(reason), chipUid, note));
  }

  int feeder(long printerId) {
    return ledger.feeder(printerId);
  }

  private void record(long printerId, long jobId, long requestId, BlankMove move) {
    // an unknown printer is refused by the ledger (UNKNOWN_PRINTER)
    long officeId = printers.byId(printerId).map(Printer::officeId).orElse(0L);
    PrintJob job =
        new PrintJob(
            jobId,
            printerId,
            officeId,
            requestId,
            Stage.PICKING,
            Optional.empty(),
            CardHeld.NONE,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "",
            0);
    transactions.run(() -> ledger.record(job, List.of(move)));
  }

  private static SpoilCause cause(SpoilReason reason) {
    return switch (reason) {
      case PRINT_FAIL -> SpoilCause.PRINT_FAIL;
      case ENCODE_FAIL -> SpoilCause.ENCODE_FAIL;
      case FACTORY_DEFECT,
          DATA_CHANGED,
          DAMAGED_IN_STORAGE,
          WITHDRAWN_OLD_CARD,
          REPRINT,
          QC_MISPRINT,
          QC_COLOUR,
          QC_CHIP_UNREADABLE,
          QC_DAMAGED ->
          throw new IllegalArgumentException("the print station never spoils for " + reason);
    };
  }
}
