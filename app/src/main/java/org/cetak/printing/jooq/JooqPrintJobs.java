package org.cetak.printing.jooq;

import static org.cetak.db.jooq.Tables.PRINTER;
import static org.cetak.db.jooq.Tables.PRINT_JOB;
import static org.cetak.db.jooq.Tables.PRINT_REQUEST;
import static org.cetak.db.jooq.Tables.REPRINT_GRANT;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.selectOne;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cetak.allocation.PrintQueue;
import org.cetak.common.Transactions;
import org.cetak.db.jooq.tables.records.PrintJobRecord;
import org.cetak.db.jooq.tables.records.PrinterRecord;
import org.cetak.notify.Outbox;
import org.cetak.printing.Baseline;
import org.cetak.printing.BlankMove;
import org.cetak.printing.CardHeld;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.PrinterRef;
import org.cetak.printing.PrinterState;
import org.cetak.printing.SpoilCause;
import org.cetak.printing.Stage;
import org.cetak.printing.StaleJobException;
import org.cetak.printing.Transition;
import org.cetak.printing.device.CardPosition;
import org.cetak.stock.PrintRoomMovements;
import org.cetak.stock.SpoilReason;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Print jobs in PostgreSQL. Each transition locks its printer row, checks this node still owns the
 * printer, updates the job under its version, records the blank movements in the ledger, moves the
 * request and writes the outbox rows — all in one transaction.
 */
public final class JooqPrintJobs implements PrintJobs {

  private static final List<String> OPEN =
      List.of(
          Stage.PICKING.name(),
          Stage.ENCODING.name(),
          Stage.PRINTING.name(),
          Stage.REJECTING.name(),
          Stage.UNKNOWN.name());

  private final DSLContext db;
  private final Transactions transactions;
  private final PrintRoomMovements ledger;
  private final PrintQueue queue;
  private final Outbox outbox;
  private final Clock clock;
  private final String node;

  public JooqPrintJobs(
      DSLContext db,
      Transactions transactions,
      PrintRoomMovements ledger,
      PrintQueue queue,
      Outbox outbox,
      Clock clock,
      String node) {
    this.db = db;
    this.transactions = transactions;
    this.ledger = ledger;
    this.queue = queue;
    this.outbox = outbox;
    this.clock = clock;
    this.node = node;
  }

  @Override
  public Optional<PrintJob> openJob(long printerId) {
    return db.selectFrom(PRINT_JOB)
        .where(PRINT_JOB.PRINTER_ID.eq(printerId))
        .and(PRINT_JOB.STAGE.in(OPEN))
        .fetchOptional()
        .map(JooqPrintJobs::toJob);
  }

  @Override
  public Start start(PrinterRef printer, long requestId, Baseline baseline, boolean reprint) {
    return transactions.inTransaction(
        () -> {
          PrinterRecord locked = lockOwned(printer.id(), 0);
          PrinterMode mode = PrinterMode.valueOf(locked.getMode());
          if (mode != PrinterMode.RUNNING) {
            return new Halted(new PrinterState(mode, locked.getModeReason()));
          }
          Optional<Long> grant = reprint ? openGrant(requestId) : Optional.empty();
          if ((reprint && grant.isEmpty())
              || !queue.startPrinting(requestId, reprint, actor(printer.code()))) {
            return new NotPrintable();
          }
          OffsetDateTime now = OffsetDateTime.now(clock);
          PrintJobRecord row =
              db.insertInto(PRINT_JOB)
                  .set(PRINT_JOB.OFFICE_ID, printer.officeId())
                  .set(PRINT_JOB.PRINTER_ID, printer.id())
                  .set(PRINT_JOB.REQUEST_ID, requestId)
                  .set(PRINT_JOB.STAGE, Stage.PICKING.name())
                  .set(PRINT_JOB.CARD_HELD, CardHeld.NONE.name())
                  .set(PRINT_JOB.BASE_PICKED, baseline.picked())
                  .set(PRINT_JOB.BASE_REJECTS, baseline.rejectCount())
                  .set(PRINT_JOB.BASE_HOPPER, baseline.hopperCount())
                  .set(PRINT_JOB.BASE_POSITION, baseline.position().name())
                  .set(PRINT_JOB.REPRINT, reprint)
                  .set(PRINT_JOB.CREATED_AT, now)
                  .set(PRINT_JOB.UPDATED_AT, now)
                  .set(
                      PRINT_JOB.LAST_EVENT,
                      (reprint ? "approved reprint: " : "")
                          + "picking a blank for request "
                          + requestId)
                  .returning()
                  .fetchSingle();
          grant.ifPresent(
              id ->
                  db.update(REPRINT_GRANT)
                      .set(REPRINT_GRANT.USED_BY_JOB, row.getId())
                      .where(REPRINT_GRANT.ID.eq(id))
                      .execute());
          return new Started(toJob(row));
        });
  }

  @Override
  public PrintJob apply(Transition transition) {
    return transactions.inTransaction(() -> applyInTransaction(transition, true));
  }

  @Override
  public PrintJob settle(Transition transition) {
    return transactions.inTransaction(() -> applyInTransaction(transition, false));
  }

  private PrintJob applyInTransaction(Transition transition, boolean station) {
    PrintJob next = transition.next();
    OffsetDateTime now = OffsetDateTime.now(clock);
    Optional<Baseline> base = next.baseline();
    // the station's step needs its printer still owned by this node; the printer row is
    // share-locked
    // so that an ownership change or an operator's settlement waits for the step, and vice versa
    Condition printerHeld =
        exists(
            selectOne()
                .from(PRINTER)
                .where(PRINTER.ID.eq(next.printerId()))
                .and(
                    station
                        ? PRINTER.OWNER_NODE.isNull().or(PRINTER.OWNER_NODE.eq(node))
                        : DSL.noCondition())
                .forShare());
    int updated =
        db.update(PRINT_JOB)
            .set(PRINT_JOB.STAGE, next.stage().name())
            .set(PRINT_JOB.RESUME_STAGE, next.resumeStage().map(Enum::name).orElse(null))
            .set(PRINT_JOB.CARD_HELD, next.card().name())
            .set(PRINT_JOB.BASE_PICKED, base.map(Baseline::picked).orElse(null))
            .set(PRINT_JOB.BASE_REJECTS, base.map(Baseline::rejectCount).orElse(null))
            .set(PRINT_JOB.BASE_HOPPER, base.map(Baseline::hopperCount).orElse(null))
            .set(PRINT_JOB.BASE_POSITION, base.map(b -> b.position().name()).orElse(null))
            .set(PRINT_JOB.CHIP_UID, next.chipUid().orElse(null))
            .set(PRINT_JOB.REJECT_CAUSE, next.rejectCause().map(Enum::name).orElse(null))
            .set(PRINT_JOB.NOTE, next.note())
            .set(PRINT_JOB.VERSION, next.version() + 1)
            .set(PRINT_JOB.UPDATED_AT, now)
            .set(PRINT_JOB.FINISHED_AT, next.stage().open() ? null : now)
            .set(PRINT_JOB.LAST_EVENT, transition.event())
            .set(
                PRINT_JOB.LAST_MOVES,
                transition.moves().stream().map(Object::toString).collect(Collectors.joining("; ")))
            .where(PRINT_JOB.ID.eq(next.id()))
            .and(PRINT_JOB.VERSION.eq(next.version()))
            .and(printerHeld)
            .execute();
    if (updated != 1) {
      if (station) {
        lockOwned(next.printerId(), next.id()); // says which node owns the printer now
      }
      throw new StaleJobException(next.id(), "it changed since version " + next.version());
    }
    for (BlankMove move : transition.moves()) {
      record(next, move);
    }
    String actor = "station:" + next.printerId();
    switch (transition.request()) {
      case NONE, PRINTING -> {
        // a request whose card was unknown stays OUTCOME_UNKNOWN until its card's fate is known
      }
      case PRINTED -> {
        String uid = next.chipUid().orElse("");
        PrintQueue.Recipient resident =
            queue.markPrinted(next.requestId(), uid, clock.instant(), actor);
        outbox.cardPrinted(
            new Outbox.PrintedCard(
                next.officeId(),
                next.requestId(),
                next.id(),
                resident.nik(),
                resident.name(),
                resident.phone(),
                uid,
                clock.instant()));
      }
      case REQUEUED -> queue.requeue(next.requestId(), transition.event(), actor);
      case OUTCOME_UNKNOWN -> {
        if (requestStatus(next.requestId()).equals("PRINTING")) {
          queue.markOutcomeUnknown(next.requestId(), transition.event(), actor);
        }
      }
    }
    return next.persisted();
  }

  private void record(PrintJob job, BlankMove move) {
    long printer = job.printerId();
    long jobId = job.id();
    if (move instanceof BlankMove.Picked p) {
      ledger.picked(printer, p.count(), jobId);
    } else if (move instanceof BlankMove.Spoiled s) {
      ledger.spoiledInside(
          printer,
          s.count(),
          reason(s.cause()),
          s.ours() ? s.chipUid() : Optional.empty(),
          s.ours() ? Optional.of(job.requestId()) : Optional.empty(),
          jobId,
          s.note());
    } else if (move instanceof BlankMove.Printed p) {
      ledger.printed(printer, p.chipUid(), job.requestId(), jobId);
    } else if (move instanceof BlankMove.ToUnknown u) {
      ledger.toUnknown(printer, u.fromFeeder(), jobId);
    } else if (move instanceof BlankMove.BackFromUnknown b) {
      ledger.backFromUnknown(printer, b.toFeeder(), jobId);
    } else if (move instanceof BlankMove.UnknownPrinted p) {
      ledger.unknownPrinted(printer, p.chipUid(), job.requestId(), jobId);
    } else if (move instanceof BlankMove.UnknownSpoiled s) {
      ledger.unknownSpoiled(
          printer, reason(s.cause()), s.chipUid(), job.requestId(), jobId, s.note());
    }
  }

  private Optional<Long> openGrant(long requestId) {
    return db.select(REPRINT_GRANT.ID)
        .from(REPRINT_GRANT)
        .where(REPRINT_GRANT.REQUEST_ID.eq(requestId))
        .and(REPRINT_GRANT.USED_BY_JOB.isNull())
        .orderBy(REPRINT_GRANT.ID)
        .limit(1)
        .forUpdate()
        .fetchOptional(REPRINT_GRANT.ID);
  }

  private String requestStatus(long requestId) {
    return db.select(PRINT_REQUEST.STATUS)
        .from(PRINT_REQUEST)
        .where(PRINT_REQUEST.ID.eq(requestId))
        .forUpdate()
        .fetchOptional(PRINT_REQUEST.STATUS)
        .orElse("");
  }

  private static String actor(String printerCode) {
    return "station:" + printerCode;
  }

  private static SpoilReason reason(SpoilCause cause) {
    return switch (cause) {
      case PRINT_FAIL -> SpoilReason.PRINT_FAIL;
      case ENCODE_FAIL -> SpoilReason.ENCODE_FAIL;
    };
  }

  /** Locks the printer row; refuses when another node owns the printer now. */
  private PrinterRecord lockOwned(long printerId, long jobId) {
    PrinterRecord printer =
        db.selectFrom(PRINTER)
            .where(PRINTER.ID.eq(printerId))
            .forUpdate()
            .fetchOptional()
            .orElseThrow(
                () -> new StaleJobException(jobId, "printer " + printerId + " does not exist"));
    if (printer.getOwnerNode() != null && !printer.getOwnerNode().equals(node)) {
      throw new StaleJobException(
          jobId, "printer " + printer.getCode() + " is owned by node " + printer.getOwnerNode());
    }
    return printer;
  }

  @Override
  public PrinterState state(long printerId) {
    PrinterRecord printer = db.selectFrom(PRINTER).where(PRINTER.ID.eq(printerId)).fetchSingle();
    return new PrinterState(PrinterMode.valueOf(printer.getMode()), printer.getModeReason());
  }

  @Override
  public void setState(long printerId, PrinterMode mode, String reason) {
    db.update(PRINTER)
        .set(PRINTER.MODE, mode.name())
        .set(PRINTER.MODE_REASON, reason)
        .set(PRINTER.MODE_CHANGED_AT, OffsetDateTime.now(clock))
        .where(PRINTER.ID.eq(printerId))
        .execute();
  }

  static PrintJob toJob(PrintJobRecord row) {
    Optional<Baseline> baseline =
        row.getBasePicked() == null
            ? Optional.empty()
            : Optional.of(
                new Baseline(
                    row.getBasePicked(),
                    row.getBaseRejects(),
                    row.getBaseHopper(),
                    CardPosition.valueOf(row.getBasePosition())));
    return new PrintJob(
        row.getId(),
        row.getPrinterId(),
        row.getOfficeId(),
        row.getRequestId(),
        Stage.valueOf(row.getStage()),
        Optional.ofNullable(row.getResumeStage()).map(Stage::valueOf),
        CardHeld.valueOf(row.getCardHeld()),
        baseline,
        Optional.ofNullable(row.getChipUid()),
        Optional.ofNullable(row.getRejectCause()).map(SpoilCause::valueOf),
        row.getNote(),
        row.getVersion());
  }
}
