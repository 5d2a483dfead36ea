package org.cetak.printing.jooq;

import static org.cetak.db.jooq.Tables.PRINTER;
import static org.cetak.db.jooq.Tables.PRINTER_PICK_COUNT;
import static org.cetak.db.jooq.Tables.PRINT_JOB;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.cetak.db.jooq.tables.records.PrintJobRecord;
import org.cetak.db.jooq.tables.records.PrinterRecord;
import org.cetak.platform.Jdbc;
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
import org.jooq.DSLContext;
import org.jooq.Record;
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

  /**
   * The jobs whose chip UID belongs to a card printed or being printed (uq_print_job_chip_uid), as
   * a condition on {@code print_job holder}: the chip's save and the holder's lookup read it alike.
   */
  private static final String HOLDS_CHIP =
      "(holder.stage in ('"
          + Stage.PRINTING.name()
          + "', '"
          + Stage.PRINTED.name()
          + "') or (holder.stage = '"
          + Stage.UNKNOWN.name()
          + "' and holder.resume_stage = '"
          + Stage.PRINTING.name()
          + "'))";

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
          + "', cast(? as bigint), cast(? as integer), cast(? as integer), cast(? as varchar),"
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
    var holder = PRINT_JOB.as("holder");
    return db.select(holder.ID)
        .from(holder)
        .where(holder.CHIP_UID.eq(uid))
        .and(holder.ID.ne(jobId))
        .and(DSL.condition(HOLDS_CHIP))
        .orderBy(holder.ID)
        .limit(1)
        .fetchOptional(holder.ID);
  }

  @Override
  public PrintJob save(Transition transition, boolean byOwner) {
    PrintJob next = transition.next();
    if (update(transition, byOwner, false) != 1) {
      throw stale(next, byOwner);
    }
    return next.persisted();
  }

  /**
   * One statement in the common case: the step is saved unless another card holds the UID; only
   * when nothing was saved is the holder looked for, to tell it from a job that changed meanwhile.
   */
  @Override
  public Optional<Long> saveChip(Transition written) {
    PrintJob next = written.next();
    if (update(written, true, true) == 1) {
      return Optional.empty();
    }
    Optional<Long> holder = cardWithChip(next.chipUid().orElse(""), next.id());
    if (holder.isEmpty()) {
      throw stale(next, true);
    }
    return holder;
  }

  private StaleJobException stale(PrintJob next, boolean byOwner) {
    if (byOwner) {
      lockOwned(next.printerId(), next.id()); // says which node owns the printer now
    }
    return new StaleJobException(next.id(), "it changed since version " + next.version());
  }

  /**
   * Saves the step by one of the statements below, prepared on the transaction's connection (every
   * step of every card is saved: no jOOQ rendering or template parsing); the rows changed (0 or 1).
   */
  private int update(Transition transition, boolean byOwner, boolean unlessChipHeld) {
    PrintJob next = transition.next();
    OffsetDateTime now = OffsetDateTime.now(clock);
    Optional<Baseline> base = next.baseline();
    String statement = unlessChipHeld ? SAVE_CHIP : byOwner ? SAVE_BY_OWNER : SAVE;
    return Jdbc.onConnection(
        db,
        () -> "save job " + next.id() + " at version " + next.version(),
        c -> {
          try (PreparedStatement save = c.prepareStatement(statement)) {
            int i = 1;
            save.setString(i++, next.stage().name());
            save.setString(i++, next.resumeStage().map(Enum::name).orElse(null));
            save.setString(i++, next.card().name());
            save.setObject(i++, base.map(Baseline::picked).orElse(null), Types.BIGINT);
            save.setObject(i++, base.map(Baseline::rejectCount).orElse(null), Types.INTEGER);
            save.setObject(i++, base.map(Baseline::hopperCount).orElse(null), Types.INTEGER);
            save.setString(i++, base.map(b -> b.position().name()).orElse(null));
            save.setString(i++, next.chipUid().orElse(null));
            save.setString(i++, next.rejectCause().map(Enum::name).orElse(null));
            save.setString(i++, next.note());
            save.setLong(i++, next.version() + 1);
            save.setObject(i++, now);
            save.setObject(i++, next.stage().open() ? null : now, Types.TIMESTAMP_WITH_TIMEZONE);
            save.setString(i++, transition.event());
            save.setString(
                i++,
                transition.moves().stream()
                    .map(Object::toString)
                    .collect(Collectors.joining("; ")));
            save.setLong(i++, next.id());
            save.setLong(i++, next.version());
            save.setLong(i++, next.printerId());
            if (byOwner) {
              save.setString(i++, node);
            }
            if (unlessChipHeld) {
              save.setString(i++, next.chipUid().orElse(""));
              save.setLong(i++, next.id());
            }
            return save.executeUpdate();
          } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState()) && names(e, "uq_print_job_chip_uid")) {
              throw new ChipUidTakenException(next.id(), next.chipUid().orElse(""), e);
            }
            throw e;
          }
        });
  }

  /** PostgreSQL's SQLSTATE of a unique constraint refusing a row. */
  private static final String UNIQUE_VIOLATION = "23505";

  /**
   * A step's save, its text written once: the job's next version, when it is still at the version
   * the step read and its printer's row exists (share-locked, so an ownership change or an
   * operator's settlement waits for the step), owned by this node or by none.
   */
  private static String saveStatement(boolean byOwner, boolean unlessChipHeld) {
    return "update print_job set stage = cast(? as varchar), resume_stage = cast(? as varchar),"
        + " card_held = cast(? as varchar), base_picked = cast(? as bigint),"
        + " base_rejects = cast(? as integer), base_hopper = cast(? as integer),"
        + " base_position = cast(? as varchar), chip_uid = cast(? as varchar),"
        + " reject_cause = cast(? as varchar), note = cast(? as varchar),"
        + " version = cast(? as bigint), updated_at = cast(? as timestamptz),"
        + " finished_at = cast(? as timestamptz), last_event = cast(? as varchar),"
        + " last_moves = cast(? as varchar)"
        + " where id = cast(? as bigint) and version = cast(? as bigint)"
        + " and exists (select 1 from printer where printer.id = cast(? as bigint)"
        + (byOwner
            ? " and (printer.owner_node is null or printer.owner_node = cast(? as varchar))"
            : "")
        + " for share)"
        + (unlessChipHeld
            ? " and not exists (select 1 from print_job holder where holder.chip_uid = cast(? as varchar)"
                + " and holder.id <> cast(? as bigint) and "
                + HOLDS_CHIP
                + ")"
            : "");
  }

  private static final String SAVE = saveStatement(false, false);

  private static final String SAVE_BY_OWNER = saveStatement(true, false);

  private static final String SAVE_CHIP = saveStatement(true, true);

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
