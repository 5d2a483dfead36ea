package org.cetak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cetak.office.OfficeDirectory;
import org.cetak.stock.Printer;
import org.cetak.stock.Printers;
import org.cetak.support.CetakSpringTest;
import org.cetak.support.DemoHttp;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request's history names a print station's steps as the stock page does, "Printer PRN-1
 * (otomatis)", whether the station wrote the printer's code or its number.
 */
@CetakSpringTest
class HistoryActorHttpTest {

  @LocalServerPort int port;
  @Autowired DSLContext db;
  @Autowired OfficeDirectory offices;
  @Autowired Printers printers;

  @Test
  void a_station_step_in_a_requests_history_names_the_printer() throws Exception {
    long office = offices.officeByCode("32.71").orElseThrow().id();
    Printer printer = printers.list(office).get(0);
    Record request =
        db.fetchOne(
            "select id, status from print_request where office_id = ?"
                + " and status in ('QUEUED', 'RESERVED') order by id desc limit 1",
            office);
    long id = request.get("id", Long.class);
    String status = request.get("status", String.class);
    String insert =
        "insert into print_request_event (request_id, from_status, to_status, reason, actor,"
            + " occurred_at) values (?, ?, ?, '', ?, now())";
    db.execute(insert, id, status, status, "station:" + printer.id());
    db.execute(insert, id, status, status, "station:" + printer.code());

    List<String> actors = actors(get("/queue?office=32.71&request=" + id));
    assertThat(actors.subList(actors.size() - 2, actors.size()))
        .containsExactly(
            "Printer " + printer.code() + " (otomatis)",
            "Printer " + printer.code() + " (otomatis)");
    assertThat(actors).noneMatch(a -> a.startsWith("station:"));

    List<String> english = actors(get("/queue?office=32.71&lang=en&request=" + id));
    assertThat(english.get(english.size() - 2))
        .isEqualTo("Printer " + printer.code() + " (automatic)");
  }

  /** The last cell of each row of the request's history. */
  private static List<String> actors(String page) {
    Matcher table = Pattern.compile("(?s)<table id=\"history\">(.*?)</table>").matcher(page);
    assertThat(table.find()).as("the request's history").isTrue();
    List<String> actors = new ArrayList<>();
    Matcher row = Pattern.compile("(?s)<tr>(.*?)</tr>").matcher(table.group(1));
    while (row.find()) {
      Matcher cell = Pattern.compile("(?s)<td[^>]*>(.*?)</td>").matcher(row.group(1));
      String last = null;
      while (cell.find()) {
        last = cell.group(1).strip();
      }
      if (last != null) {
        actors.add(last);
      }
    }
    return actors;
  }

  private String get(String path) throws Exception {
    return DemoHttp.get(port, path, "loket").body();
  }
}
