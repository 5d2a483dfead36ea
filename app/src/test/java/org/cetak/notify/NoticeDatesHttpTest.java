package org.cetak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cetak.office.OfficeDirectory;
import org.cetak.support.CetakSpringTest;
import org.cetak.support.DemoHttp;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The SMS page writes when a phone reported a notice the way every page writes a moment: the
 * office's time zone, {@code 3 Des 2026 16.42} in Indonesian and {@code 3 Dec 2026 16:42} in
 * English (it wrote {@code 03-12-2026 16.42} in both).
 */
@CetakSpringTest
class NoticeDatesHttpTest {

  @LocalServerPort int port;
  @Autowired DSLContext db;
  @Autowired OfficeDirectory offices;

  @Test
  void the_sms_page_writes_when_the_phone_reported() throws Exception {
    long office = offices.officeByCode("32.71").orElseThrow().id();
    long serial = 700_000L + System.nanoTime() % 100_000;
    long request = NotifyFixture.request(db, office, serial, "Uji Tanggal", "081200000007");
    long job = NotifyFixture.job(db, office, request, serial);
    long id =
        db.fetchSingle(
                "insert into sms_outbox (office_id, request_id, print_job_id, phone, body, status,"
                    + " attempts, created_at, sent_at, kind, gateway, gateway_message_id, report,"
                    + " report_at) values (?, ?, ?, '081200000007', 'uji', 'DELIVERED', 1, now(),"
                    + " ?::timestamptz, 'READY', 'kannel', 'uji', 'DELIVERED', ?::timestamptz)"
                    + " returning id",
                office,
                request,
                job,
                "2026-12-03T09:41:00Z",
                "2026-12-03T09:42:53Z")
            .get(0, Long.class);

    assertThat(reportTime(get("/sms?office=32.71"), id)).isEqualTo("3 Des 2026 16.42");
    assertThat(reportTime(get("/sms?office=32.71&lang=en"), id)).isEqualTo("3 Dec 2026 16:42");
  }

  private static String reportTime(String page, long notice) {
    Matcher row =
        Pattern.compile("(?s)<tr[^>]*data-notice=\"" + notice + "\"[^>]*>(.*?)</tr>").matcher(page);
    assertThat(row.find()).as("notice %s on the page", notice).isTrue();
    Matcher m =
        Pattern.compile("(?s)<td class=\"report\">.*?<span class=\"muted\">([^<]*)</span></td>")
            .matcher(row.group(1));
    assertThat(m.find()).as("the report of notice %s", notice).isTrue();
    return m.group(1);
  }

  private String get(String path) throws Exception {
    return DemoHttp.get(port, path, "loket").body();
  }
}
