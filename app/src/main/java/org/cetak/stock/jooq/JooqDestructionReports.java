package org.cetak.stock.jooq;

import static org.cetak.db.jooq.Tables.DESTRUCTION_ITEM;
import static org.cetak.db.jooq.Tables.DESTRUCTION_REPORT;
import static org.cetak.db.jooq.Tables.STOCK_MOVEMENT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cetak.db.jooq.tables.records.DestructionItemRecord;
import org.cetak.db.jooq.tables.records.DestructionReportRecord;
import org.cetak.stock.DestructionLine;
import org.cetak.stock.DestructionReport;
import org.cetak.stock.DestructionReports;
import org.cetak.stock.Item;
import org.cetak.stock.Location;
import org.cetak.stock.Signatory;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Destruction reports in PostgreSQL; the spoiled pile is read from the ledger. */
public final class JooqDestructionReports implements DestructionReports {

  private final DSLContext db;
  private final Clock clock;
  private final NumberedReportTable<DestructionReportRecord> reports;

  public JooqDestructionReports(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.reports =
        new NumberedReportTable<>(
            db,
            DESTRUCTION_REPORT,
            DESTRUCTION_REPORT.ID,
            DESTRUCTION_REPORT.OFFICE_ID,
            DESTRUCTION_REPORT.REPORT_YEAR,
            DESTRUCTION_REPORT.REPORT_SEQ,
            DESTRUCTION_REPORT.APPROVAL_ID,
            "BAP");
  }

  @Override
  public Optional<SpoiledCard> findSpoiled(long officeId, DestructionLine line) {
    Condition which =
        line.chipUid()
            .map(STOCK_MOVEMENT.CHIP_UID::eq)
            .or(() -> line.serial().map(STOCK_MOVEMENT.SERIAL_FIRST::eq))
            .orElseGet(() -> STOCK_MOVEMENT.ID.eq(line.spoilMovementId().orElseThrow()));
    Field<Integer> listed =
        DSL.field(
            DSL.selectCount()
                .from(DESTRUCTION_ITEM)
                .join(DESTRUCTION_REPORT)
                .on(DESTRUCTION_REPORT.ID.eq(DESTRUCTION_ITEM.REPORT_ID))
                .where(DESTRUCTION_ITEM.SPOIL_MOVEMENT_ID.eq(STOCK_MOVEMENT.ID))
                .and(
                    DESTRUCTION_REPORT.STATUS.in(
                        DestructionReport.Status.PROPOSED.name(),
                        DestructionReport.Status.DESTROYED.name())));
    Field<Integer> remaining = STOCK_MOVEMENT.QUANTITY.minus(listed).as("remaining");
    return db.select(
            STOCK_MOVEMENT.ID,
            STOCK_MOVEMENT.ITEM,
            remaining,
            STOCK_MOVEMENT.CHIP_UID,
            STOCK_MOVEMENT.SERIAL_FIRST,
            STOCK_MOVEMENT.REASON,
            STOCK_MOVEMENT.REQUEST_ID)
        .from(STOCK_MOVEMENT)
        .where(STOCK_MOVEMENT.OFFICE_ID.eq(officeId))
        .and(STOCK_MOVEMENT.ITEM.eq(line.item().name()))
        .and(STOCK_MOVEMENT.TO_LOCATION.eq(Location.SPOILED.name()))
        .and(which)
        .and(STOCK_MOVEMENT.QUANTITY.minus(listed).gt(0))
        .orderBy(STOCK_MOVEMENT.ID)
        .limit(1)
        .fetchOptional(
            r ->
                new SpoiledCard(
                    r.value1(),
                    Item.valueOf(r.value2()),
                    r.value3(),
                    Optional.ofNullable(r.value4()),
                    Optional.ofNullable(r.value5()),
                    r.value6(),
                    Optional.ofNullable(r.value7())));
  }

  @Override
  public DestructionReport insert(
      long officeId,
      LocalDate date,
      String place,
      List<String> witnesses,
      List<DestructionReport.Card> cards,
      String proposedBy,
      Signatory proposer) {
    NumberedReportTable.ReportNumber number = reports.next(officeId, date.getYear());
    DestructionReportRecord row =
        db.insertInto(DESTRUCTION_REPORT)
            .set(DESTRUCTION_REPORT.OFFICE_ID, officeId)
            .set(DESTRUCTION_REPORT.REPORT_YEAR, number.year())
            .set(DESTRUCTION_REPORT.REPORT_SEQ, number.seq())
            .set(DESTRUCTION_REPORT.NUMBER, number.text())
            .set(DESTRUCTION_REPORT.REPORT_DATE, date)
            .set(DESTRUCTION_REPORT.PLACE, place)
            .set(DESTRUCTION_REPORT.WITNESSES, String.join("\n", witnesses))
            .set(DESTRUCTION_REPORT.STATUS, DestructionReport.Status.PROPOSED.name())
            .set(DESTRUCTION_REPORT.PROPOSED_BY, proposedBy)
            .set(DESTRUCTION_REPORT.PROPOSER_NAME, proposer.name())
            .set(DESTRUCTION_REPORT.PROPOSER_NIP, proposer.nip())
            .set(DESTRUCTION_REPORT.PROPOSER_POSITION, proposer.position())
            .set(DESTRUCTION_REPORT.PROPOSED_AT, OffsetDateTime.now(clock))
            .returning()
            .fetchSingle();
    for (DestructionReport.Card card : cards) {
      db.insertInto(DESTRUCTION_ITEM)
          .set(DESTRUCTION_ITEM.REPORT_ID, row.getId())
          .set(DESTRUCTION_ITEM.SPOIL_MOVEMENT_ID, card.spoilMovementId())
          .set(DESTRUCTION_ITEM.ITEM, card.item().name())
          .set(DESTRUCTION_ITEM.CHIP_UID, card.chipUid().orElse(null))
          .set(DESTRUCTION_ITEM.SERIAL, card.serial().orElse(null))
          .set(DESTRUCTION_ITEM.REASON, card.reason())
          .set(DESTRUCTION_ITEM.REQUEST_ID, card.requestId().orElse(null))
          .execute();
    }
    return toReport(row);
  }

  @Override
  public void attachApproval(long reportId, long approvalId) {
    reports.attachApproval(reportId, approvalId);
  }

  @Override
  public Optional<DestructionReport> byId(long reportId) {
    return reports.byId(reportId).map(this::toReport);
  }

  @Override
  public Optional<DestructionReport> lock(long reportId) {
    return reports.lock(reportId).map(this::toReport);
  }

  @Override
  public void markDestroyed(long reportId, Signatory approver) {
    db.update(DESTRUCTION_REPORT)
        .set(DESTRUCTION_REPORT.APPROVER_NAME, approver.name())
        .set(DESTRUCTION_REPORT.APPROVER_NIP, approver.nip())
        .set(DESTRUCTION_REPORT.APPROVER_POSITION, approver.position())
        .set(DESTRUCTION_REPORT.STATUS, DestructionReport.Status.DESTROYED.name())
        .set(DESTRUCTION_REPORT.DESTROYED_AT, OffsetDateTime.now(clock))
        .where(DESTRUCTION_REPORT.ID.eq(reportId))
        .execute();
  }

  @Override
  public void markRejected(long reportId) {
    db.update(DESTRUCTION_REPORT)
        .set(DESTRUCTION_REPORT.STATUS, DestructionReport.Status.REJECTED.name())
        .where(DESTRUCTION_REPORT.ID.eq(reportId))
        .execute();
  }

  @Override
  public List<DestructionReport> list(long officeId) {
    return reports.list(officeId).stream().map(this::toReport).toList();
  }

  private DestructionReport toReport(DestructionReportRecord r) {
    List<DestructionReport.Card> cards =
        db.selectFrom(DESTRUCTION_ITEM)
            .where(DESTRUCTION_ITEM.REPORT_ID.eq(r.getId()))
            .orderBy(DESTRUCTION_ITEM.ID)
            .fetch(JooqDestructionReports::toCard);
    return new DestructionReport(
        r.getId(),
        r.getOfficeId(),
        r.getNumber(),
        r.getReportDate(),
        r.getPlace(),
        Arrays.stream(r.getWitnesses().split("\n")).filter(w -> !w.isBlank()).toList(),
        DestructionReport.Status.valueOf(r.getStatus()),
        Optional.ofNullable(r.getApprovalId()),
        r.getProposedBy(),
        r.getProposedAt().toInstant(),
        Optional.ofNullable(r.getDestroyedAt()).map(OffsetDateTime::toInstant),
        cards,
        new Signatory(r.getProposerName(), r.getProposerNip(), r.getProposerPosition()),
        Optional.ofNullable(r.getApproverName())
            .map(name -> new Signatory(name, r.getApproverNip(), r.getApproverPosition())));
  }

  private static DestructionReport.Card toCard(DestructionItemRecord r) {
    return new DestructionReport.Card(
        r.getSpoilMovementId(),
        Item.valueOf(r.getItem()),
        Optional.ofNullable(r.getChipUid()),
        Optional.ofNullable(r.getSerial()),
        r.getReason(),
        Optional.ofNullable(r.getRequestId()));
  }
}
