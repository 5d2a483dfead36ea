package org.cetak.printing.jooq;

import static org.cetak.db.jooq.Tables.PRINTER;
import static org.cetak.db.jooq.Tables.PRINTER_PICK_COUNT;
import static org.cetak.db.jooq.Tables.PRINT_JOB;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.selectOne;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.cetak.db.jooq.tables.records.PrintJobRecord;
import org.cetak.db.jooq.tables.records.PrinterRecord;
import org.cetak.printing.Baseline;
import org.cetak.printing.CardHeld;
import org.cetak.printing.ChipUidTakenException;
import org.cetak.printing.HaltCause;
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
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Print jobs and printer modes in PostgreSQL: the {@code print_job} and the printer's mode columns,
 * nothing else. A step's save share-locks its printer row and checks this node still owns the
 * printer, so an ownership change or an operator's settlement waits for the step, and vice versa.
 */
public final class JooqPrintJobs implements PrintJobs {

  /** The stages of a job still in flight: one per printer (uq_print_job_one_open_per_printer). */
  static final List<String> OPEN =
      List.of(
          Stage.PICKING.name(),
          Stage.ENCODING.name(),
          Stage.PRINTING.name(),
          Stage.REJECTING.name(),
          Stage.UNKNOWN.name());

  /** The jobs whose chip UID belongs to a card printed or being printed (uq_print_job_chip_uid). */
  private static final Condition HOLDS_CHIP =
      PRINT_JOB
          .STAGE
          .in(Stage.PRINTING.name(), Stage.PRINTED.name())
          .or(
              PRINT_JOB
                  .STAGE
                  .eq(Stage.UNKNOWN.name())
                  .and(PRINT_JOB.RESUME_STAGE.eq(Stage.PRINTING.name())));

  private final DSLContext db;
  private final Clock clock;
  private final String node;
  private final JooqPrinterRegister printers;

  public JooqPrintJobs(DSLContext db, Clock clock, String node) {
    this.db = db;
    this.clock = clock;
    this.node = node;
    this.printers = new JooqPrinterRegister(db, clock);
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
  public PrinterState lockOwned(PrinterRef printer) {
    PrinterRecord locked = lockOwned(printer.id(), 0);
    return JooqPrinterRegister.state(locked);
  }

  @Override
  public Driver lockDriver(long printerId) {
    PrinterRecord printer =
        db.selectFrom(PRINTER).where(PRINTER.ID.eq(printerId)).forUpdate().fetchSingle();
    boolean live =
        printer.getOwnerNode() != null
            && printer.getLeaseUntil() != null
            && !printer.getLeaseUntil().isBefore(OffsetDateTime.now(clock));
    return new Driver(Optional.ofNullable(printer.getOwnerNode()), live);
  }

  @Override
  public PrintJob create(PrinterRef printer, long requestId, Baseline baseline, boolean reprint) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Record row =
        db.fetchSingle(
            CREATE,
            printer.officeId(),
            printer.id(),
            baseline.picked(),
            baseline.rejectCount(),
            baseline.hopperCount(),
            baseline.position().name(),
            now,
            now,
            requestId,
            reprint,
            requestId);
    return toJob(row.into(PRINT_JOB));
  }

  /**
   * A new job at {@link Stage#PICKING}, one statement written once. A request whose printed card
   * was rejected at the print room's check is back in the queue without a supervisor's approval:
   * its next print is an ordinary print replacing that card. An approved reprint whose card was
   * spoiled is printed again as that reprint.
   */
  private static final String CREATE =
      "insert into print_job (office_id, printer_id, request_id, stage, card_held, base_picked,"
          + " base_rejects, base_hopper, base_position, reprint, replaces_job_id, created_at,"
          + " updated_at, last_event)"
          + " select cast(? as bigint), cast(? as bigint), f.request_id, '"
          + Stage.PICKING.name()
          + "', '"
          + CardHeld.NONE.name()
          + "', cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as varchar),"
          + " f.reprint or f.again,"
          + " case when f.reprint or f.again then null else f.printed_job end,"
          + " cast(? as timestamptz), cast(? as timestamptz),"
          + " case when f.reprint then 'approved reprint: '"
          + " when f.again then 'approved reprint again: ' else '' end"
          + " || 'picking a blank for request ' || f.request_id"
          + " || case when f.reprint or f.again or f.printed_job is null then ''"
          + " else ' (its card of job ' || f.printed_job || ' rejected at the check)' end"
          + " from (select l.request_id, l.reprint, l.printed_job, not l.reprint and exists"
          + " (select 1 from print_job j where j.request_id = l.request_id and j.reprint"
          + " and j.id > coalesce(l.printed_job, 0)) as again"
          + " from (select cast(? as bigint) as request_id, cast(? as boolean) as reprint,"
          + " (select max(p.id) from print_job p where p.request_id = cast(? as bigint)"
          + " and p.stage = '"
          + Stage.PRINTED.name()
          + "') as printed_job) l) f"
          + " returning *";

  @Override
  public Optional<Long> cardWithChip(String uid, long jobId) {
    return db.select(PRINT_JOB.ID)
        .from(PRINT_JOB)
        .where(PRINT_JOB.CHIP_UID.eq(uid))
        .and(PRINT_JOB.ID.ne(jobId))
        .and(HOLDS_CHIP)
        .orderBy(PRINT_JOB.ID)
        .limit(1)
        .fetchOptional(PRINT_JOB.ID);
  }

  @Override
  public PrintJob save(Transition transition, boolean byOwner) {
    PrintJob next = transition.next();
    OffsetDateTime now = OffsetDateTime.now(clock);
    Optional<Baseline> base = next.baseline();
    Condition printerHeld =
        exists(
            selectOne()
                .from(PRINTER)
                .where(PRINTER.ID.eq(next.printerId()))
                .and(
                    byOwner
                        ? PRINTER.OWNER_NODE.isNull().or(PRINTER.OWNER_NODE.eq(node))
                        : DSL.noCondition())
                .forShare());
    int updated;
    try {
      updated = update(transition, next, now, base, printerHeld);
    } catch (IntegrityConstraintViolationException | DataIntegrityViolationException e) {
      // jOOQ's own exception, or Spring's translation of it (the application's DSLContext)
      if (names(e, "uq_print_job_chip_uid")) {
        throw new ChipUidTakenException(next.id(), next.chipUid().orElse(""), e);
      }
      throw e;
    }
    if (updated != 1) {
      if (byOwner) {
        lockOwned(next.printerId(), next.id()); // says which node owns the printer now
      }
      throw new StaleJobException(next.id(), "it changed since version " + next.version());
    }
    return next.persisted();
  }

  private int update(
      Transition transition,
      PrintJob next,
      OffsetDateTime now,
      Optional<Baseline> base,
      Condition printerHeld) {
    return db.update(PRINT_JOB)
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
  }

  /** Whether the exception or one of its causes names the constraint. */
  private static boolean names(Throwable e, String constraint) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains(constraint)) {
        return true;
      }
    }
    return false;
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

  /** The mode is kept in the printer's row, which {@link JooqPrinterRegister} alone writes. */
  @Override
  public PrinterState state(long printerId) {
    return printers.state(printerId);
  }

  @Override
  public void setState(long printerId, PrinterMode mode, String reason) {
    printers.setState(printerId, mode, reason);
  }

  @Override
  public void halt(long printerId, PrinterMode mode, HaltCause cause, String detail) {
    printers.halt(printerId, mode, cause, detail);
  }

  /** Kept by the database with each job step (migration V66). */
  @Override
  public OptionalLong expectedPicked(long printerId) {
    Long expected =
        db.select(PRINTER_PICK_COUNT.EXPECTED_PICKED)
            .from(PRINTER_PICK_COUNT)
            .where(PRINTER_PICK_COUNT.PRINTER_ID.eq(printerId))
            .fetchOne(PRINTER_PICK_COUNT.EXPECTED_PICKED);
    return expected == null ? OptionalLong.empty() : OptionalLong.of(expected);
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
