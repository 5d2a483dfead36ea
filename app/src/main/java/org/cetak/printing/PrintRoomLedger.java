package org.cetak.printing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cetak.common.DomainException;
import org.cetak.stock.ChipUid;
import org.cetak.stock.Item;
import org.cetak.stock.Ledger;
import org.cetak.stock.Location;
import org.cetak.stock.Movement;
import org.cetak.stock.Place;
import org.cetak.stock.Printer;
import org.cetak.stock.Printers;
import org.cetak.stock.ReferenceKind;
import org.cetak.stock.SpoilReason;
import org.cetak.stock.StockError;

/**
 * How a blank leaves a feeder, and everywhere it goes inside the print room: each {@link BlankMove}
 * of a job's step as one movement of the stock {@link Ledger}, from one place to another, with the
 * reason an auditor reads. The actor is {@code station:<printer code>}; the reference is the print
 * job. Runs in the caller's transaction ({@link StepRecorder}); the ledger refuses, with nothing
 * written, a place that does not hold the blank ({@code INSUFFICIENT_BALANCE}).
 */
public final class PrintRoomLedger {

  private final Ledger ledger;
  private final Printers printers;

  /** Printers by id: a printer's office and code never change once registered. */
  private final Map<Long, Printer> known = new ConcurrentHashMap<>();

  public PrintRoomLedger(Ledger ledger, Printers printers) {
    this.ledger = ledger;
    this.printers = printers;
  }

  /** Records the moves of the job's step, in their order. */
  public void record(PrintJob job, List<BlankMove> moves) {
    if (moves.isEmpty()) {
      return;
    }
    Printer p = printer(job.printerId());
    List<Movement> movements = moves.stream().map(move -> movement(p, job, move)).toList();
    if (pendingPick(job, moves)) {
      ledger.recordPendingPick(movements);
    } else {
      ledger.recordAll(movements);
    }
  }

  /**
   * Whether the step is the pick of the job's own blank and nothing else: one blank from the
   * feeder. Picks come only from a job at {@link Stage#PICKING} ({@link StepRules}), and the step
   * takes it out of that stage; until then the reservation ceiling counted the job's blank as held
   * (a job starts in the transaction that takes its request's reservation, or, for a reprint,
   * checks the ceiling), so the pick leaves reservations and blanks as far apart as they were. A
   * double feed (more blanks) is checked as any other blank leaving the feeder.
   */
  static boolean pendingPick(PrintJob job, List<BlankMove> moves) {
    return job.stage() != Stage.PICKING
        && moves.size() == 1
        && moves.get(0) instanceof BlankMove.Picked picked
        && picked.count() == 1;
  }

  /** Blanks in the printer's feeder now. */
  public int feeder(long printerId) {
    Printer p = printer(printerId);
    return Math.toIntExact(ledger.balance(p.officeId(), Item.BLANK, Place.feeder(p.id())));
  }

  /** The ledger movement of one move: where it takes the blank from and to, and why. */
  static Movement movement(Printer printer, PrintJob job, BlankMove move) {
    long id = printer.id();
    Place feeder = Place.feeder(id);
    Place inside = Place.inside(id);
    Place unknown = Place.unknown(id);
    Place printed = Place.of(Location.PRINTED);
    Place spoiled = Place.of(Location.SPOILED);
    Optional<Long> request = Optional.of(job.requestId());
    return switch (move.kind()) {
      case PICKED -> {
        BlankMove.Picked p = (BlankMove.Picked) move;
        yield move(printer, job, feeder, inside, p.count(), "PICKED", Movement.Detail.none());
      }
      case SPOILED -> {
        BlankMove.Spoiled s = (BlankMove.Spoiled) move;
        // extra blanks of a double feed carry neither the job's chip nor its request
        yield move(
            printer,
            job,
            inside,
            spoiled,
            s.count(),
            reason(s.cause()).name(),
            detail(
                s.ours() ? s.chipUid() : Optional.empty(),
                s.ours() ? request : Optional.empty(),
                s.note()));
      }
      case PRINTED -> {
        BlankMove.Printed p = (BlankMove.Printed) move;
        yield move(
            printer,
            job,
            inside,
            printed,
            1,
            "PRINTED",
            detail(Optional.of(p.chipUid()), request, ""));
      }
      case TO_UNKNOWN -> {
        BlankMove.ToUnknown u = (BlankMove.ToUnknown) move;
        yield move(
            printer,
            job,
            u.fromFeeder() ? feeder : inside,
            unknown,
            1,
            "OUTCOME_UNKNOWN",
            Movement.Detail.none());
      }
      case BACK_FROM_UNKNOWN -> {
        BlankMove.BackFromUnknown b = (BlankMove.BackFromUnknown) move;
        yield move(
            printer,
            job,
            unknown,
            b.toFeeder() ? feeder : inside,
            1,
            "RESOLVED_UNUSED",
            Movement.Detail.none());
      }
      case UNKNOWN_PRINTED -> {
        BlankMove.UnknownPrinted p = (BlankMove.UnknownPrinted) move;
        yield move(
            printer,
            job,
            unknown,
            printed,
            1,
            "RESOLVED_PRINTED",
            detail(p.chipUid(), request, ""));
      }
      case UNKNOWN_SPOILED -> {
        BlankMove.UnknownSpoiled s = (BlankMove.UnknownSpoiled) move;
        yield move(
            printer,
            job,
            unknown,
            spoiled,
            1,
            reason(s.cause()).name(),
            detail(s.chipUid(), request, s.note()));
      }
    };
  }

  private static Movement move(
      Printer printer,
      PrintJob job,
      Place from,
      Place to,
      int count,
      String reason,
      Movement.Detail detail) {
    return new Movement(
        printer.officeId(),
        Item.BLANK,
        from,
        to,
        count,
        reason,
        "station:" + printer.code(),
        ReferenceKind.PRINT_JOB,
        job.id(),
        detail);
  }

  private static Movement.Detail detail(
      Optional<String> chipUid, Optional<Long> requestId, String note) {
    return new Movement.Detail(
        Optional.empty(),
        Optional.empty(),
        ChipUid.normalise(chipUid),
        requestId,
        note == null ? "" : note);
  }

  private static SpoilReason reason(SpoilCause cause) {
    return switch (cause) {
      case PRINT_FAIL -> SpoilReason.PRINT_FAIL;
      case ENCODE_FAIL -> SpoilReason.ENCODE_FAIL;
    };
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
                        StockError.UNKNOWN_PRINTER,
                        "Printer " + printerId + " not found",
                        printerId));
    known.put(printerId, found);
    return found;
  }
}
