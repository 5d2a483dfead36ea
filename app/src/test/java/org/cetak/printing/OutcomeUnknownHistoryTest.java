package org.cetak.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cetak.common.Transactions;
import org.cetak.notify.Outbox;
import org.cetak.office.Audit;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.device.CardPosition;
import org.cetak.printing.jooq.JooqPrintJobs;
import org.cetak.quality.CheckQueue;
import org.cetak.request.RequestLifecycle;
import org.cetak.stock.FeederStock;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.support.CetakSpringTest;
import org.cetak.support.DemoHttp;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/**
 * A card whose outcome a station cannot tell is recorded in its request's history with the
 * station's cause as a code and the device's own text beside it; the queue page words it for the
 * reader ("Hasil cetak tidak diketahui — menunggu keputusan operator: …"), never the station's
 * English text.
 */
@CetakSpringTest
class OutcomeUnknownHistoryTest {

  @LocalServerPort int port;
  @Autowired DSLContext db;
  @Autowired Transactions transactions;
  @Autowired PrintRoomLedger movements;
  @Autowired Reprints.Store grants;
  @Autowired RequestLifecycle requests;
  @Autowired Outbox outbox;
  @Autowired Clock clock;
  @Autowired FeederStock feeders;
  @Autowired PrinterRegistry registry;
  @Autowired OfficeDirectory offices;
  @Autowired Audit audit;
  @Autowired PrinterControl control;

  @Test
  void a_card_of_unknown_outcome_reads_in_its_history_as_awaiting_the_operator_for_its_cause()
      throws Exception {
    User admin = TestUsers.everyRole(offices);
    Office office = offices.officeByCode("32.71").orElseThrow();
    String code = "U" + System.nanoTime() % 10_000;
    Printer registered = registry.register(office.id(), code, "Uji " + code, "Primacy", admin);
    feeders.load(office.id(), code, 1, admin);
    db.execute(
        "update printer set owner_node = 'node-u', mode = 'RUNNING' where id = ?", registered.id());
    PrinterRef printer = new PrinterRef(registered.id(), office.id(), code);
    StepRecorder station =
        new StepRecorder(
            new JooqPrintJobs(db, clock, "node-u"),
            movements,
            requests,
            outbox,
            CheckQueue.none(),
            grants,
            transactions,
            audit,
            clock);
    long request =
        ((Number)
                db.fetchValue(
                    "select min(r.id) from print_request r where r.office_id = ? and r.status ="
                        + " 'RESERVED' and not exists (select 1 from print_job j where"
                        + " j.request_id = r.id)",
                    office.id()))
            .longValue();
    PrintJob job =
        ((StepRecorder.Started)
                station.start(printer, request, new Baseline(1000, 0, 0, CardPosition.NONE), false))
            .job();
    PrintJob parked =
        station.apply(
            StepTransitions.parked(
                job,
                new Verdict.Parked(1, 0),
                Optional.of(new Baseline(1001, 0, 0, CardPosition.CONTACTLESS))));
    String why = "printer does not answer before encoding: no reply to Rst within 2000 ms";

    station.apply(StepTransitions.toUnknown(parked, HaltCause.CARD_UNKNOWN_NO_ANSWER, why));

    Record event =
        db.fetchOne(
            "select cause, reason from print_request_event where request_id = ?"
                + " and to_status = 'OUTCOME_UNKNOWN' order by id desc limit 1",
            request);
    assertThat(event.get("cause", String.class)).isEqualTo("CARD_UNKNOWN_NO_ANSWER");
    assertThat(event.get("reason", String.class)).isEqualTo(why);
    assertThat(notes("/queue?office=32.71&request=" + request))
        .contains(
            "Hasil cetak tidak diketahui — menunggu keputusan operator: printer berhenti menjawab"
                + " saat mengerjakan kartu")
        .noneMatch(n -> n.contains("outcome unknown") || n.contains("no reply to Rst"));
    assertThat(notes("/queue?office=32.71&lang=en&request=" + request))
        .contains(
            "Print outcome unknown — awaiting the operator's decision: the printer stopped"
                + " answering during the card");

    // the card was in the reject box: its request goes back to the queue, the shared office as it
    // was but for one spoiled blank
    control.settle(office, code, job.id(), Sighting.IN_REJECT_BOX, admin);
    assertThat(db.fetchValue("select status from print_request where id = ?", request))
        .isEqualTo("FAILED_REQUEUED");
  }

  /** The note cell of each row of the request's history, as the reader sees it. */
  private List<String> notes(String path) throws Exception {
    String page = DemoHttp.get(port, path, "loket").body();
    Matcher table = Pattern.compile("(?s)<table id=\"history\">(.*?)</table>").matcher(page);
    assertThat(table.find()).as("the request's history").isTrue();
    Matcher row = Pattern.compile("(?s)<tr>(.*?)</tr>").matcher(table.group(1));
    List<String> notes = new ArrayList<>();
    while (row.find()) {
      Matcher cell = Pattern.compile("(?s)<td[^>]*>(.*?)</td>").matcher(row.group(1));
      for (int i = 0; cell.find(); i++) {
        if (i == 2) {
          notes.add(HtmlUtils.htmlUnescape(cell.group(1).strip()));
        }
      }
    }
    return notes;
  }
}
