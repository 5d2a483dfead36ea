package org.cetak.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.QueueExplanation;
import org.cetak.approval.Approval;
import org.cetak.approval.Approvals;
import org.cetak.consolidation.ConsolidationQueue;
import org.cetak.notify.NoticeStatus;
import org.cetak.notify.NoticeStore;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.cetak.printing.PrinterControl;
import org.cetak.printing.PrinterSummary;
import org.cetak.stock.DailyReports;
import org.cetak.stock.StockLevels;

/**
 * What the home page and its live updates show of one office, read from the services each part
 * belongs to: the printers (as the printers page has them), stock at a glance with days left and
 * the next expected drop, the queue by tier, pending approvals, cards not collected, users, and the
 * alerts that need someone. Only the parts a reader may see are read.
 */
public final class Dashboard {

  /** How many notices the SMS-failure alert counts at most. */
  private static final int NOTICE_LIMIT = 1000;

  private final PrinterControl printers;
  private final StockLevels levels;
  private final DailyReports reports;
  private final AllocationService allocation;
  private final Approvals approvals;
  private final NoticeStore notices;
  private final ConsolidationQueue consolidation;
  private final OfficeDirectory directory;
  private final Reads reads;
  private final Clock clock;
  private final int lowRibbon;

  public Dashboard(
      PrinterControl printers,
      StockLevels levels,
      DailyReports reports,
      AllocationService allocation,
      Approvals approvals,
      NoticeStore notices,
      ConsolidationQueue consolidation,
      OfficeDirectory directory,
      Reads reads,
      Clock clock,
      int lowRibbon) {
    this.printers = printers;
    this.levels = levels;
    this.reports = reports;
    this.allocation = allocation;
    this.approvals = approvals;
    this.notices = notices;
    this.consolidation = consolidation;
    this.directory = directory;
    this.reads = reads;
    this.clock = clock;
    this.lowRibbon = lowRibbon;
  }

  /** What the dashboard reads of offices and requests itself. */
  public interface Reads {
    /** The office's time zone, if it has one. */
    Optional<ZoneId> zone(long officeId);

    /** The masked NIK of each of these requests. */
    Map<Long, String> maskedNiks(List<Long> requestIds);
  }

  /** The printers part: each printer with the masked NIK of the card it is making. */
  public record PrintersPart(List<PrinterSummary> printers, Map<Long, String> cards, long vault) {}

  /**
   * Stock at a glance.
   *
   * @param daysLeft usable stock over the blanks used a day in the last 14 days; empty when none
   *     were used
   */
  public record StockPart(
      long usable,
      long reserved,
      long threshold,
      boolean reorder,
      OptionalDouble daysLeft,
      QueueExplanation.ExpectedDrop nextDrop) {}

  /** Printed cards not collected yet. */
  public record UnclaimedPart(int cards, long oldestDays) {}

  /** The office's users as an administrator keeps them. */
  public record UsersPart(int total, int locked, int disabled) {}

  /**
   * Something that needs a person.
   *
   * @param kind {@code QUARANTINED}, {@code LOW_RIBBON}, {@code UNKNOWN_CARD}, {@code REORDER},
   *     {@code SMS_FAILED}, {@code CENTRE_DOWN}
   * @param subject what it is about (a printer's code), or empty
   * @param value the number it is about (ribbon left, usable stock, failed notices, stuck pushes)
   */
  public record Alert(String kind, Permission needs, String subject, long value) {}

  /** The parts of one office read for a set of permissions; a part not read is empty. */
  public record Snapshot(
      Office office,
      ZoneId zone,
      Instant at,
      Optional<PrintersPart> printers,
      Optional<StockPart> stock,
      Optional<List<AllocationService.TierLine>> queue,
      Optional<List<Approval>> approvals,
      Optional<UnclaimedPart> unclaimed,
      Optional<UsersPart> users,
      List<Alert> alerts) {}

  /** The office's time zone: its dates and times are shown in it. */
  public ZoneId zone(Office office) {
    return reads.zone(office.id()).orElse(DailyReports.ZONE);
  }

  /** Reads the parts of the office that these permissions see. */
  public Snapshot snapshot(Office office, Set<Permission> may) {
    ZoneId zone = zone(office);
    LocalDate today = LocalDate.now(clock.withZone(zone));
    List<Alert> alerts = new ArrayList<>();
    Optional<PrintersPart> printersPart = Optional.empty();
    if (may.contains(Permission.SEE_PRINTERS)) {
      PrinterControl.Room room = printers.room(office.id(), zone);
      List<PrinterSummary> list = room.printers();
      printersPart = Optional.of(new PrintersPart(list, cards(list), room.vault()));
      for (PrinterSummary p : list) {
        if (p.openJobStage().filter("UNKNOWN"::equals).isPresent()) {
          alerts.add(new Alert("UNKNOWN_CARD", Permission.SEE_PRINTERS, p.code(), 0));
        } else if (p.mode().equals("QUARANTINED")) {
          alerts.add(new Alert("QUARANTINED", Permission.SEE_PRINTERS, p.code(), 0));
        }
        if (p.ribbonLeft().filter(r -> r < lowRibbon).isPresent()) {
          alerts.add(
              new Alert("LOW_RIBBON", Permission.SEE_PRINTERS, p.code(), p.ribbonLeft().get()));
        }
      }
    }
    Optional<StockPart> stock = Optional.empty();
    if (may.contains(Permission.SEE_STOCK)) {
      long reserved = levels.reserved(office.id());
      long usable = Math.max(0, levels.available(office.id()) - reserved);
      boolean reorder = usable < levels.reorderThreshold();
      stock =
          Optional.of(
              new StockPart(
                  usable,
                  reserved,
                  levels.reorderThreshold(),
                  reorder,
                  reports.daysOfStockLeft(office.id(), today, zone, reserved),
                  allocation.expectedDrop(office.id(), zone)));
      if (reorder) {
        alerts.add(new Alert("REORDER", Permission.SEE_STOCK, "", usable));
      }
    }
    Optional<List<AllocationService.TierLine>> queue =
        may.contains(Permission.EXPLAIN_QUEUE)
            ? Optional.of(allocation.queueByTier(office.id(), zone))
            : Optional.empty();
    Optional<List<Approval>> pending =
        may.contains(Permission.SEE_APPROVALS)
            ? Optional.of(approvals.list(office.id(), Optional.of(Approval.Status.PROPOSED)))
            : Optional.empty();
    Optional<UnclaimedPart> unclaimed = Optional.empty();
    if (may.contains(Permission.SEE_HANDOVERS)) {
      Instant now = clock.instant();
      NoticeStore.Unclaimed cards = notices.unclaimedCount(office.id(), now, now);
      unclaimed = Optional.of(new UnclaimedPart(cards.cards(), cards.oldestDays()));
    }
    if (may.contains(Permission.SEE_NOTICES)) {
      int failed = notices.count(office.id(), NoticeStatus.FAILED, NOTICE_LIMIT);
      if (failed > 0) {
        alerts.add(new Alert("SMS_FAILED", Permission.SEE_NOTICES, "", failed));
      }
    }
    if (may.contains(Permission.SEE_CONSOLIDATION)) {
      ConsolidationQueue.Backlog backlog = consolidation.counts(office.id());
      if (backlog.stuck() > 0) {
        alerts.add(new Alert("CENTRE_DOWN", Permission.SEE_CONSOLIDATION, "", backlog.stuck()));
      }
    }
    Optional<UsersPart> users = Optional.empty();
    if (may.contains(Permission.MANAGE_USERS)) {
      List<User> all = directory.users(office.id());
      users =
          Optional.of(
              new UsersPart(
                  all.size(),
                  (int) all.stream().filter(User::locked).count(),
                  (int) all.stream().filter(u -> !u.enabled()).count()));
    }
    return new Snapshot(
        office,
        zone,
        clock.instant(),
        printersPart,
        stock,
        queue,
        pending,
        unclaimed,
        users,
        List.copyOf(alerts));
  }

  /** The masked NIK of each printer's current card. */
  private Map<Long, String> cards(List<PrinterSummary> list) {
    List<Long> requests =
        list.stream().flatMap(p -> p.currentRequestId().stream()).distinct().toList();
    return requests.isEmpty() ? Map.of() : reads.maskedNiks(requests);
  }
}
