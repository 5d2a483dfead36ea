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
import org.jooq.impl.DSL;

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
    // a request whose first card was rejected at the print room's check is printed again: the
    // new job is a reprint too, so that the first print stays the one non-reprint printed job
    boolean again =
        reprint
            || db.fetchExists(
                PRINT_JOB,
                PRINT_JOB
                    .REQUEST_ID
                    .eq(requestId)
                    .and(PRINT_JOB.STAGE.eq(Stage.PRINTED.name()))
                    .and(PRINT_JOB.REPRINT.isFalse()));
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
            .set(PRINT_JOB.REPRINT, again)
            .set(PRINT_JOB.CREATED_AT, now)
            .set(PRINT_JOB.UPDATED_AT, now)
            .set(
                PRINT_JOB.LAST_EVENT,
                (reprint ? "approved reprint: " : again ? "printed again: " : "")
                    + "picking a blank for request "
                    + requestId)
            .returning()
            .fetchSingle();
    return toJob(row);
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
      if (byOwner) {
        lockOwned(next.printerId(), next.id()); // says which node owns the printer now
      }
      throw new StaleJobException(next.id(), "it changed since version " + next.version());
    }
    return next.persisted();
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
