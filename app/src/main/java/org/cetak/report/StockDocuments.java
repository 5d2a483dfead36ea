package org.cetak.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.approval.Approvals;
import org.cetak.common.OfficeZones;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.cetak.region.RegionTable;
import org.cetak.stock.DailyStockReport;
import org.cetak.stock.DestructionReport;
import org.cetak.stock.LossReport;
import org.cetak.stock.PrinterRegistry;

/**
 * The stock's documents as an auditor signs them ({@link StockReportPdf}), filled in from the
 * installation: the office's letterhead, each signatory's full name, NIP and position from their
 * account (the approving supervisor from the approval's decision), the printer a loss happened at,
 * and the time of printing from the clock.
 */
public final class StockDocuments {

  private final OfficeDirectory offices;
  private final Approvals approvals;
  private final PrinterRegistry printers;
  private final RegionTable regions;
  private final StockReportPdf.Wording words;
  private final OfficeZones zones;
  private final Clock clock;

  /**
   * @param words the wording of codes in Bahasa Indonesia: the documents are official and are
   *     printed in Indonesian whatever the reader's language
   * @param zones each office's time zone: the daily report's day and the time of printing are
   *     written in it
   */
  public StockDocuments(
      OfficeDirectory offices,
      Approvals approvals,
      PrinterRegistry printers,
      RegionTable regions,
      StockReportPdf.Wording words,
      OfficeZones zones,
      Clock clock) {
    this.offices = offices;
    this.approvals = approvals;
    this.printers = printers;
    this.regions = regions;
    this.words = words;
    this.zones = zones;
    this.clock = clock;
  }

  /**
   * The daily stock report, drawn up by the office's inventory manager and acknowledged by its
   * supervisor. When several enabled users hold the role, the one whose official details carry a
   * NIP signs, the longest-standing account first: the same person for every day's report.
   */
  public byte[] daily(Office office, DailyStockReport report) {
    return StockReportPdf.daily(
        report,
        holder(office, Role.INVENTORY_MANAGER, "Pengelola Blanko KTP-el"),
        holder(office, Role.SUPERVISOR, "Kepala Bidang"),
        printing(office));
  }

  public byte[] destruction(Office office, DestructionReport report) {
    return StockReportPdf.destruction(
        report,
        signatory(report.proposedBy(), "Pengelola Blanko KTP-el"),
        approver(report.approvalId()),
        printing(office));
  }

  public byte[] loss(Office office, LossReport report) {
    String where = words.of("location", report.from().location().name());
    String at =
        report
            .from()
            .printerId()
            .map(id -> where + ", printer " + printers.printer(office.id(), id).code())
            .orElse(where);
    return StockReportPdf.loss(
        report,
        at,
        signatory(report.proposedBy(), "Pengelola Blanko KTP-el"),
        approver(report.approvalId()),
        printing(office));
  }

  /** The letterhead: the regional government, the office, its address and region code. */
  static StockReportPdf.Letterhead letterhead(Office office, Optional<String> regency) {
    List<String> lines = new ArrayList<>();
    regency.ifPresent(name -> lines.add("Pemerintah " + name));
    lines.add(office.name());
    lines.add(
        (office.address().isBlank() ? "" : office.address() + " · ")
            + "Kode wilayah "
            + office.code());
    return new StockReportPdf.Letterhead(lines);
  }

  private StockReportPdf.Printing printing(Office office) {
    return new StockReportPdf.Printing(
        letterhead(office, regions.regencyName(office.code())),
        clock.instant(),
        zones.of(office.id()),
        words);
  }

  private StockReportPdf.Signatory approver(Optional<Long> approvalId) {
    return approvalId
        .flatMap(approvals::byId)
        .filter(a -> a.status() == Approval.Status.APPROVED)
        .flatMap(Approval::decidedBy)
        .map(username -> signatory(username, "Kepala Bidang"))
        .orElse(StockReportPdf.Signatory.unnamed("Kepala Bidang"));
  }

  private StockReportPdf.Signatory signatory(String username, String usualPosition) {
    return offices
        .user(username)
        .map(u -> signatory(u, usualPosition))
        .orElse(new StockReportPdf.Signatory(username, "", usualPosition));
  }

  private StockReportPdf.Signatory holder(Office office, Role role, String usualPosition) {
    return offices.users(office.id()).stream()
        .filter(User::enabled)
        .filter(u -> u.has(role))
        .min(Comparator.comparing((User u) -> u.nip().isBlank()).thenComparingLong(User::id))
        .map(u -> signatory(u, usualPosition))
        .orElse(StockReportPdf.Signatory.unnamed(usualPosition));
  }

  private static StockReportPdf.Signatory signatory(User user, String usualPosition) {
    return new StockReportPdf.Signatory(
        user.displayName(),
        user.nip(),
        user.position().isBlank() ? usualPosition : user.position());
  }
}
