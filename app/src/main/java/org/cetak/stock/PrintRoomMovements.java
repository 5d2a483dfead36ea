package org.cetak.stock;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cetak.common.DomainException;
import org.cetak.common.Transactions;

/**
 * The blank movements of the print station, one method per physical event. Every method joins the
 * caller's transaction (the station records its step and the movement together) and refuses, with
 * nothing written, an unknown printer or a place that does not hold the blank ({@code
 * INSUFFICIENT_BALANCE}). The actor is {@code station:<printer code>}; the reference is the print
 * job.
 */
public final class PrintRoomMovements {

  private final Ledger ledger;
  private final Printers printers;
  private final Transactions transactions;

  /** Printers by id: a printer's office and code never change once registered. */
  private final Map<Long, Printer> known = new ConcurrentHashMap<>();

  public PrintRoomMovements(Ledger ledger, Printers printers, Transactions transactions) {
    this.ledger = ledger;
    this.printers = printers;
    this.transactions = transactions;
  }

  /** The printer picked {@code count} blanks: FEEDER to INSIDE_PRINTER. */
  public void picked(long printerId, int count, long jobId) {
    Printer p = printer(printerId);
    move(p, Place.feeder(p.id()), Place.inside(p.id()), count, "PICKED", jobId, detail(""));
  }

  /** Cards inside the printer failed and went to the reject bin: INSIDE_PRINTER to SPOILED. */
  public void spoiledInside(
      long printerId,
      int count,
      SpoilReason reason,
      Optional<String> chipUid,
      Optional<Long> requestId,
      long jobId,
      String note) {
    Printer p = printer(printerId);
    move(
        p,
        Place.inside(p.id()),
        Place.of(Location.SPOILED),
        count,
        blankReason(reason),
        jobId,
        new Movement.Detail(
            Optional.empty(),
            Optional.empty(),
            ChipUid.normalise(chipUid),
            requestId,
            note == null ? "" : note));
  }

  /** A card came out printed: INSIDE_PRINTER to PRINTED. */
  public void printed(long printerId, String chipUid, long requestId, long jobId) {
    Printer p = printer(printerId);
    move(
        p,
        Place.inside(p.id()),
        Place.of(Location.PRINTED),
        1,
        "PRINTED",
        jobId,
        new Movement.Detail(
            Optional.empty(),
            Optional.empty(),
            Optional.of(ChipUid.normalise(chipUid)),
            Optional.of(requestId),
            ""));
  }

  /** The outcome of a step cannot be known: one blank from the feeder or inside to UNKNOWN. */
  public void toUnknown(long printerId, boolean fromFeeder, long jobId) {
    Printer p = printer(printerId);
    Place from = fromFeeder ? Place.feeder(p.id()) : Place.inside(p.id());
    move(p, from, Place.unknown(p.id()), 1, "OUTCOME_UNKNOWN", jobId, detail(""));
  }

  /** An operator found the blank unused: UNKNOWN back to the feeder or inside the printer. */
  public void backFromUnknown(long printerId, boolean toFeeder, long jobId) {
    Printer p = printer(printerId);
    Place to = toFeeder ? Place.feeder(p.id()) : Place.inside(p.id());
    move(p, Place.unknown(p.id()), to, 1, "RESOLVED_UNUSED", jobId, detail(""));
  }

  /** An operator found the card printed: UNKNOWN to PRINTED. */
  public void unknownPrinted(long printerId, Optional<String> chipUid, long requestId, long jobId) {
    Printer p = printer(printerId);
    move(
        p,
        Place.unknown(p.id()),
        Place.of(Location.PRINTED),
        1,
        "RESOLVED_PRINTED",
        jobId,
        new Movement.Detail(
            Optional.empty(),
            Optional.empty(),
            ChipUid.normalise(chipUid),
            Optional.of(requestId),
            ""));
  }

  /** An operator found the card spoiled: UNKNOWN to SPOILED. */
  public void unknownSpoiled(
      long printerId,
      SpoilReason reason,
      Optional<String> chipUid,
      long requestId,
      long jobId,
      String note) {
    Printer p = printer(printerId);
    move(
        p,
        Place.unknown(p.id()),
        Place.of(Location.SPOILED),
        1,
        blankReason(reason),
        jobId,
        new Movement.Detail(
            Optional.empty(),
            Optional.empty(),
            ChipUid.normalise(chipUid),
            Optional.of(requestId),
            note == null ? "" : note));
  }

  /** Blanks in the printer's feeder now. */
  public int feeder(long printerId) {
    Printer p = printer(printerId);
    return Math.toIntExact(ledger.balance(p.officeId(), Item.BLANK, Place.feeder(p.id())));
  }

  private Printer printer(long printerId) {
    Printer cached = known.get(printerId);
    if (cached != null) {
      return cached;
    }
    Printer found =
        printers
            .byId(printerId)
            .orElseThrow(
                () ->
                    new DomainException(
                        StockError.UNKNOWN_PRINTER, "Printer " + printerId + " not found"));
    known.put(printerId, found);
    return found;
  }

  private static String blankReason(SpoilReason reason) {
    if (reason == null || reason == SpoilReason.WITHDRAWN_OLD_CARD) {
      throw new DomainException(
          StockError.INVALID_SPOIL_REASON,
          "A spoiled blank needs a blank spoil reason, got " + reason);
    }
    return reason.name();
  }

  private static Movement.Detail detail(String note) {
    return Movement.Detail.none().withNote(note);
  }

  private void move(
      Printer printer,
      Place from,
      Place to,
      int count,
      String reason,
      long jobId,
      Movement.Detail d) {
    transactions.run(
        () ->
            ledger.record(
                new Movement(
                    printer.officeId(),
                    Item.BLANK,
                    from,
                    to,
                    count,
                    reason,
                    "station:" + printer.code(),
                    ReferenceKind.PRINT_JOB,
                    jobId,
                    d)));
  }
}
