package org.cetak.report;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cetak.common.OfficeZones;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.Role;
import org.cetak.region.RegionTable;
import org.cetak.stock.DailyStockReport;
import org.cetak.stock.DestructionReport;
import org.cetak.stock.LossReport;
import org.cetak.stock.PrinterRegistry;
import org.cetak.stock.Signatory;

/**
 * The stock's documents as an auditor signs them ({@link StockReportPdf}), filled in from the
 * installation: the office's letterhead, the signatories of a destruction or loss report with the
 * full name, NIP and position they had when they proposed or approved it (kept on the report, so a
 * report reprints the same after an account changes), the daily report's signatories as they were
 * at the end of its day (the history of who held each role: {@link OfficeDirectory#holder}), the
 * printer a loss happened at, and the time of printing from the clock.
 */
public final class StockDocuments {

  private final OfficeDirectory offices;
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
      PrinterRegistry printers,
      RegionTable regions,
      StockReportPdf.Wording words,
      OfficeZones zones,
      Clock clock) {
    this.offices = offices;
    this.printers = printers;
    this.regions = regions;
    this.words = words;
    this.zones = zones;
    this.clock = clock;
  }

  /**
   * The daily stock report, drawn up by the office's inventory manager and acknowledged by its
   * supervisor as they were at the end of the report's day in the office's zone (today's: as they
   * are now), whenever the report is produced. When several enabled users held the role, the one
   * whose official details carried a NIP signs, the longest-standing account first: the same person
   * for every day's report.
   */
  public byte[] daily(Office office, DailyStockReport report) {
    Instant dayEnds = report.day().plusDays(1).atStartOfDay(zones.of(office.id())).toInstant();
    Instant now = clock.instant();
    Instant at = now.isBefore(dayEnds) ? now : dayEnds.minus(1, ChronoUnit.MICROS);
    return StockReportPdf.daily(
        report,
        named(holder(office, Role.INVENTORY_MANAGER, at), "Pengelola Blanko KTP-el"),
        named(holder(office, Role.SUPERVISOR, at), "Kepala Bidang"),
        printing(office));
  }

  public byte[] destruction(Office office, DestructionReport report) {
    return StockReportPdf.destruction(
        report,
        signed(report.proposer(), "Pengelola Blanko KTP-el"),
        approver(report.approver()),
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
        signed(report.proposer(), "Pengelola Blanko KTP-el"),
        approver(report.approver()),
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

  private static StockReportPdf.Signatory approver(Optional<Signatory> approver) {
    return approver
        .map(a -> signed(a, "Kepala Bidang"))
        .orElse(StockReportPdf.Signatory.unnamed("Kepala Bidang"));
  }

  private static StockReportPdf.Signatory signed(Signatory who, String usualPosition) {
    return new StockReportPdf.Signatory(
        who.name(), who.nip(), who.position().isBlank() ? usualPosition : who.position());
  }

  /** Who held the role at {@code at}; a blank name when nobody did. */
  private Signatory holder(Office office, Role role, Instant at) {
    return offices
        .holder(office.id(), role, at)
        .map(h -> new Signatory(h.name(), h.nip(), h.position()))
        .orElse(new Signatory("", "", ""));
  }

  private static StockReportPdf.Signatory named(Signatory who, String usualPosition) {
    return who.name().isBlank()
        ? StockReportPdf.Signatory.unnamed(usualPosition)
        : signed(who, usualPosition);
  }
}
