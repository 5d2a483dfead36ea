package org.cetak.stock.jooq;

import static org.cetak.db.jooq.Tables.LOSS_REPORT;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.cetak.db.jooq.tables.records.LossReportRecord;
import org.cetak.stock.Location;
import org.cetak.stock.LossReport;
import org.cetak.stock.LossReports;
import org.cetak.stock.Place;
import org.cetak.stock.Signatory;
import org.jooq.DSLContext;

/** Loss reports in PostgreSQL, numbered {@code BAK/<office>/<year>/<seq>} without gaps. */
public final class JooqLossReports implements LossReports {

  private final DSLContext db;
  private final Clock clock;
  private final NumberedReportTable<LossReportRecord> reports;

  public JooqLossReports(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.reports =
        new NumberedReportTable<>(
            db,
            LOSS_REPORT,
            LOSS_REPORT.ID,
            LOSS_REPORT.OFFICE_ID,
            LOSS_REPORT.REPORT_YEAR,
            LOSS_REPORT.REPORT_SEQ,
            LOSS_REPORT.APPROVAL_ID,
            "BAK");
  }

  @Override
  public LossReport insert(
      long officeId, Proposal proposal, String proposedBy, Signatory proposer) {
    NumberedReportTable.ReportNumber number = reports.next(officeId, proposal.date().getYear());
    LossReportRecord row =
        db.insertInto(LOSS_REPORT)
            .set(LOSS_REPORT.OFFICE_ID, officeId)
            .set(LOSS_REPORT.REPORT_YEAR, number.year())
            .set(LOSS_REPORT.REPORT_SEQ, number.seq())
            .set(LOSS_REPORT.NUMBER, number.text())
            .set(LOSS_REPORT.REPORT_DATE, proposal.date())
            .set(LOSS_REPORT.FROM_LOCATION, proposal.from().location().name())
            .set(LOSS_REPORT.FROM_PRINTER_ID, proposal.from().printerId().orElse(null))
            .set(LOSS_REPORT.QUANTITY, proposal.quantity())
            .set(LOSS_REPORT.CIRCUMSTANCES, proposal.circumstances())
            .set(LOSS_REPORT.CHIP_UID, proposal.chipUid().orElse(null))
            .set(LOSS_REPORT.SERIAL, proposal.serial().orElse(null))
            .set(LOSS_REPORT.PRINT_JOB_ID, proposal.printJobId().orElse(null))
            .set(LOSS_REPORT.STATUS, LossReport.Status.PROPOSED.name())
            .set(LOSS_REPORT.PROPOSED_BY, proposedBy)
            .set(LOSS_REPORT.PROPOSER_NAME, proposer.name())
            .set(LOSS_REPORT.PROPOSER_NIP, proposer.nip())
            .set(LOSS_REPORT.PROPOSER_POSITION, proposer.position())
            .set(LOSS_REPORT.PROPOSED_AT, OffsetDateTime.now(clock))
            .returning()
            .fetchSingle();
    return toReport(row);
  }

  @Override
  public void attachApproval(long reportId, long approvalId) {
    reports.attachApproval(reportId, approvalId);
  }

  @Override
  public Optional<LossReport> lock(long reportId) {
    return reports.lock(reportId).map(JooqLossReports::toReport);
  }

  @Override
  public Optional<LossReport> byId(long reportId) {
    return reports.byId(reportId).map(JooqLossReports::toReport);
  }

  @Override
  public List<LossReport> list(long officeId) {
    return reports.list(officeId).stream().map(JooqLossReports::toReport).toList();
  }

  @Override
  public void decide(long reportId, LossReport.Status status, Optional<Signatory> approver) {
    db.update(LOSS_REPORT)
        .set(LOSS_REPORT.STATUS, status.name())
        .set(LOSS_REPORT.APPROVER_NAME, approver.map(Signatory::name).orElse(null))
        .set(LOSS_REPORT.APPROVER_NIP, approver.map(Signatory::nip).orElse(null))
        .set(LOSS_REPORT.APPROVER_POSITION, approver.map(Signatory::position).orElse(null))
        .set(LOSS_REPORT.DECIDED_AT, OffsetDateTime.now(clock))
        .where(LOSS_REPORT.ID.eq(reportId))
        .execute();
  }

  @Override
  public void addFound(long reportId, int quantity) {
    db.update(LOSS_REPORT)
        .set(LOSS_REPORT.FOUND_QUANTITY, LOSS_REPORT.FOUND_QUANTITY.plus(quantity))
        .where(LOSS_REPORT.ID.eq(reportId))
        .execute();
  }

  private static LossReport toReport(LossReportRecord r) {
    return new LossReport(
        r.getId(),
        r.getOfficeId(),
        r.getNumber(),
        r.getReportDate(),
        new Place(Location.valueOf(r.getFromLocation()), Optional.ofNullable(r.getFromPrinterId())),
        r.getQuantity(),
        r.getCircumstances(),
        Optional.ofNullable(r.getChipUid()),
        Optional.ofNullable(r.getSerial()),
        Optional.ofNullable(r.getPrintJobId()),
        LossReport.Status.valueOf(r.getStatus()),
        Optional.ofNullable(r.getApprovalId()),
        r.getProposedBy(),
        r.getProposedAt().toInstant(),
        r.getFoundQuantity(),
        new Signatory(r.getProposerName(), r.getProposerNip(), r.getProposerPosition()),
        Optional.ofNullable(r.getApproverName())
            .map(name -> new Signatory(name, r.getApproverNip(), r.getApproverPosition())));
  }
}
