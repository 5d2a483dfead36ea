package org.cetak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cetak.office.OfficeDirectory;
import org.cetak.support.CetakSpringTest;
import org.cetak.support.DemoHttp;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page writes a moment the same way, in the office's time zone (WIB for the demo office):
 * {@code 3 Des 2026 16.42} in Indonesian, {@code 3 Dec 2026 16:42} in English, and to the second
 * only in the audit trail. Each page is read with a record of a known moment, 09:42:53 UTC (the SMS
 * page: {@code NoticeDatesHttpTest}).
 */
@CetakSpringTest
class DatesOnPagesHttpTest {

  /** 16.42.53 in Bogor (WIB, UTC+7). */
  static final Instant MOMENT = Instant.parse("2026-12-03T09:42:53Z");

  @LocalServerPort int port;
  @Autowired DSLContext db;
  @Autowired OfficeDirectory offices;

  private long office() {
    return offices.officeByCode("32.71").orElseThrow().id();
  }

  private static String at(Instant instant) {
    return instant.toString();
  }

  @Test
  void the_audit_trail_writes_its_moments_to_the_second() throws Exception {
    String actor = "uji-" + UUID.randomUUID().toString().substring(0, 8);
    db.execute(
        "insert into audit_event (office_id, actor, action, subject, detail, occurred_at)"
            + " values (?, ?, 'LOGIN', 'user "
            + actor
            + "', '', ?::timestamptz)",
        office(),
        actor,
        at(MOMENT));

    String page = get("/audit?office=32.71&actor=" + actor, "inspektorat").body();
    assertThat(cells(row(page, "data-action=\"LOGIN\""))).first().isEqualTo("3 Des 2026 16.42.53");
    String english = get("/audit?office=32.71&lang=en&actor=" + actor, "inspektorat").body();
    assertThat(cells(row(english, "data-action=\"LOGIN\"")))
        .first()
        .isEqualTo("3 Dec 2026 16:42:53");

    String csv = get("/api/offices/32.71/audit.csv?actor=" + actor, "inspektorat").body();
    assertThat(csv.lines().skip(1).findFirst().orElseThrow().split(",", -1)[1])
        .isEqualTo("3 Des 2026 16.42.53");
  }

  @Test
  void the_stock_page_writes_when_an_approval_was_proposed() throws Exception {
    long id =
        db.fetchOne(
                "insert into approval (office_id, kind, summary, status, proposed_by, proposed_at)"
                    + " values (?, 'WRITE_OFF', 'uji tanggal', 'PROPOSED', 'operator', ?::timestamptz)"
                    + " returning id",
                office(),
                at(MOMENT))
            .get("id", Long.class);
    try {
      String page = get("/stock?office=32.71", "blanko").body();
      assertThat(cells(row(page, "data-approval=\"" + id + "\""))).contains("3 Des 2026 16.42");
      String english = get("/stock?office=32.71&lang=en", "blanko").body();
      assertThat(cells(row(english, "data-approval=\"" + id + "\""))).contains("3 Dec 2026 16:42");
    } finally {
      db.execute(
          "update approval set status = 'REJECTED', decided_by = 'kabid', decided_at = now()"
              + " where id = ?",
          id);
    }
  }

  @Test
  void a_requests_history_writes_when_each_step_happened() throws Exception {
    Record request = someRequest();
    long id = request.get("id", Long.class);
    String status = request.get("status", String.class);
    db.execute(
        "insert into print_request_event (request_id, from_status, to_status, reason, actor,"
            + " occurred_at) values (?, ?, ?, '', 'kabid', ?::timestamptz)",
        id,
        status,
        status,
        at(MOMENT));

    String page = get("/queue?office=32.71&request=" + id, "loket").body();
    assertThat(historyTimes(page)).contains("3 Des 2026 16.42");
    String english = get("/queue?office=32.71&lang=en&request=" + id, "loket").body();
    assertThat(historyTimes(english)).contains("3 Dec 2026 16:42");
  }

  /** The demo's request furthest back in the queue: it will not print while the test runs. */
  private Record someRequest() {
    return db.fetchOne(
        "select id, status from print_request where office_id = ?"
            + " and status in ('QUEUED', 'RESERVED') order by id desc limit 1",
        office());
  }

  private static String row(String page, String marker) {
    Matcher m =
        Pattern.compile("(?s)<tr[^>]*" + Pattern.quote(marker) + "[^>]*>(.*?)</tr>").matcher(page);
    assertThat(m.find()).as("a row %s", marker).isTrue();
    return m.group(1);
  }

  private static java.util.List<String> cells(String row) {
    java.util.List<String> cells = new java.util.ArrayList<>();
    Matcher m = Pattern.compile("(?s)<td[^>]*>(.*?)</td>").matcher(row);
    while (m.find()) {
      cells.add(m.group(1).strip());
    }
    return cells;
  }

  private static java.util.List<String> historyTimes(String page) {
    Matcher table = Pattern.compile("(?s)<table id=\"history\">(.*?)</table>").matcher(page);
    assertThat(table.find()).as("the request's history").isTrue();
    java.util.List<String> times = new java.util.ArrayList<>();
    Matcher row = Pattern.compile("(?s)<tr>\\s*<td>([^<]*)</td>").matcher(table.group(1));
    while (row.find()) {
      times.add(row.group(1).strip());
    }
    return times;
  }

  private HttpResponse<String> get(String path, String user)
      throws IOException, InterruptedException {
    return DemoHttp.get(port, path, user);
  }
}
