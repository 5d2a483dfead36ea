package org.cetak.office.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cetak.common.DateText;
import org.cetak.common.OfficeZones;
import org.cetak.console.Labels;
import org.cetak.office.Audit;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.platform.FieldLabel;
import org.cetak.platform.Refuses;
import org.cetak.security.Allow;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The audit trail of an office for an auditor: a page with filters and paging, the same as JSON,
 * and the whole filtered trail as CSV. Times are in the office's time zone.
 */
@Controller
public class AuditTrail {

  /** Events per page. */
  static final int PAGE = 50;

  private final Audit audit;
  private final Clock clock;
  private final OfficeZones zones;
  private final Labels labels;
  private final MessageSource messages;

  public AuditTrail(
      Audit audit, Clock clock, OfficeZones zones, Labels labels, MessageSource messages) {
    this.zones = zones;
    this.audit = audit;
    this.clock = clock;
    this.labels = labels;
    this.messages = messages;
  }

  /** One event as shown: the time in the office's zone. */
  public record Row(
      long id, String when, String actor, String action, String subject, String detail) {}

  /** A page of events and how many there are in all. */
  public record Page(int page, int pageSize, long total, List<Row> events) {}

  /** The audit page. */
  @GetMapping("/audit")
  @Allow(Permission.SEE_AUDIT)
  String page(
      Office office,
      @RequestParam(name = "actor", required = false) String actor,
      @RequestParam(name = "action", required = false) String action,
      @RequestParam(name = "from", required = false)
          @FieldLabel("audit.from")
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate from,
      @RequestParam(name = "to", required = false)
          @FieldLabel("audit.to")
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate to,
      @RequestParam(name = "page", defaultValue = "1") int page,
      Locale locale,
      Model model) {
    Page shown = find(office, actor, action, from, to, shownPage(page), locale);
    long pages = Math.max(1, (shown.total() + PAGE - 1) / PAGE);
    if (shown.page() > pages) {
      // a page beyond the last (an old link, a hand-typed number) shows the last one
      shown = find(office, actor, action, from, to, (int) pages, locale);
    }
    model.addAttribute("office", office);
    model.addAttribute("trail", shown);
    model.addAttribute("pages", pages);
    model.addAttribute("actor", actor == null ? "" : actor);
    model.addAttribute("action", action == null ? "" : action);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    return "audit";
  }

  /** The office's audit events, newest first, filtered and paged like the page. */
  @GetMapping("/api/offices/{office}/audit")
  @Allow(Permission.SEE_AUDIT)
  @ResponseBody
  @Operation(
      summary =
          "The office's audit trail, newest first, filtered by actor, action and dates, 50 a page")
  @Refuses({})
  public Page events(
      Office office,
      @RequestParam(name = "actor", required = false) String actor,
      @RequestParam(name = "action", required = false) String action,
      @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate from,
      @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate to,
      @RequestParam(name = "page", defaultValue = "1") int page,
      Locale locale) {
    return find(office, actor, action, from, to, shownPage(page), locale);
  }

  /**
   * Every event of the filter as CSV (UTF-8, RFC 4180), for a spreadsheet: worded as the page words
   * it, in the reader's language (Bahasa Indonesia unless English is chosen), with the action's
   * code beside its wording for filtering.
   */
  @GetMapping("/api/offices/{office}/audit.csv")
  @Allow(Permission.SEE_AUDIT)
  @Operation(summary = "The whole filtered audit trail as CSV (UTF-8, RFC 4180)")
  @Refuses({})
  public void csv(
      Office office,
      @RequestParam(name = "actor", required = false) String actor,
      @RequestParam(name = "action", required = false) String action,
      @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate from,
      @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate to,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    DateText dates = new DateText(clock.withZone(zones.of(office.id())), locale);
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"audit-" + office.code() + ".csv\"");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    PrintWriter out = response.getWriter();
    out.print(
        String.join(
                ",",
                "id",
                cell(text("audit.when", locale)),
                cell(text("audit.actor", locale)),
                cell(text("audit.action", locale)),
                cell(text("audit.code", locale)),
                cell(text("audit.subject", locale)),
                cell(text("audit.detail", locale)))
            + "\r\n");
    int offset = 0;
    List<Audit.Event> batch;
    do {
      batch = audit.find(query(office, actor, action, from, to, offset, 1000));
      for (Audit.Event e : batch) {
        Row r = row(e, dates);
        out.print(
            String.join(
                    ",",
                    String.valueOf(r.id()),
                    cell(r.when()),
                    cell(labels.actor(r.actor(), locale)),
                    cell(labels.of("audit", r.action(), locale)),
                    cell(r.action()),
                    cell(labels.auditSubject(r.subject(), locale)),
                    cell(labels.auditDetail(r.detail(), locale)))
                + "\r\n");
      }
      offset += batch.size();
    } while (batch.size() == 1000);
    out.flush();
  }

  private Page find(
      Office office,
      String actor,
      String action,
      LocalDate from,
      LocalDate to,
      int page,
      Locale locale) {
    Audit.Query query = query(office, actor, action, from, to, (page - 1) * PAGE, PAGE);
    DateText dates = new DateText(clock.withZone(zones.of(office.id())), locale);
    return new Page(
        page,
        PAGE,
        audit.count(query),
        audit.find(query).stream().map(e -> row(e, dates)).toList());
  }

  private Audit.Query query(
      Office office,
      String actor,
      String action,
      LocalDate from,
      LocalDate to,
      int offset,
      int limit) {
    ZoneId zone = zones.of(office.id());
    return new Audit.Query(
        List.of(office.id()),
        false,
        blankToEmpty(actor),
        blankToEmpty(action),
        Optional.ofNullable(from).map(d -> d.atStartOfDay(zone).toInstant()),
        Optional.ofNullable(to).map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()),
        offset,
        limit);
  }

  /**
   * The page asked for, at least the first and at most one whose first event's offset a whole
   * number holds (a page beyond the last shows none).
   */
  static int shownPage(int page) {
    return Math.min(Math.max(1, page), Integer.MAX_VALUE / PAGE);
  }

  /** An event as read: to the second, since several happen in one minute. */
  private static Row row(Audit.Event e, DateText dates) {
    return new Row(
        e.id(), dates.exact(e.occurredAt()), e.actor(), e.action(), e.subject(), e.detail());
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }

  private static Optional<String> blankToEmpty(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
  }

  /** A CSV cell, quoted when it must be, and never a formula for a spreadsheet. */
  static String cell(String s) {
    String v = s == null ? "" : s;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
        ? "\"" + v.replace("\"", "\"\"") + "\""
        : v;
  }
}
