package org.cetak.stock.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.printing.Baseline;
import org.cetak.printing.BlankMove;
import org.cetak.printing.CardHeld;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrinterControl;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.PrinterRef;
import org.cetak.printing.RequestChange;
import org.cetak.printing.SpoilCause;
import org.cetak.printing.Stage;
import org.cetak.printing.StepRecorder;
import org.cetak.printing.Transition;
import org.cetak.printing.device.CardPosition;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.support.CetakSpringTest;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The stock page words what a print station booked: the station as the printer that did it, and
 * what its device answered as the device's own report, not as an operator's note.
 */
@CetakSpringTest
class StationMovementsPageTest {

  @LocalServerPort int port;
  @Autowired StepRecorder steps;
  @Autowired PrintJobs jobs;
  @Autowired PrinterRegistry registry;
  @Autowired PrinterControl control;
  @Autowired OfficeDirectory offices;
  @Autowired DSLContext db;

  @Test
  void a_card_spoiled_by_its_chip_is_shown_as_the_printers_doing_with_the_devices_report()
      throws Exception {
    Office office = offices.officeByCode("32.71").orElseThrow();
    String code = "PRN-ST" + System.nanoTime() % 1_000_000;
    Printer registered =
        registry.register(
            office.id(), code, "Printer uji mutasi", "Primacy", TestUsers.everyRole(offices));
    db.execute("update printer set owner_node = null where id = ?", registered.id());
    jobs.setState(registered.id(), PrinterMode.RUNNING, "printing");
    PrinterRef printer = new PrinterRef(registered.id(), office.id(), code);
    control.load(office, code, 5, offices.user("operator").orElseThrow());
    long request =
        ((Number)
                db.fetchValue(
                    "select min(id) from print_request r where office_id = ? and status ="
                        + " 'RESERVED' and not exists (select 1 from print_job j where"
                        + " j.request_id = r.id)",
                    office.id()))
            .longValue();
    PrintJob picking =
        ((StepRecorder.Started)
                steps.start(printer, request, new Baseline(0, 0, 0, CardPosition.NONE), false))
            .job();
    String note = "chip MUTE_CHIP: chip 04AABBCCDDEEFF does not answer";
    steps.apply(
        new Transition(
            new PrintJob(
                picking.id(),
                picking.printerId(),
                picking.officeId(),
                picking.requestId(),
                Stage.SPOILED,
                Optional.empty(),
                CardHeld.NONE,
                picking.baseline(),
                Optional.of("04AABBCCDDEEFF"),
                Optional.empty(),
                note,
                picking.version()),
            List.of(
                new BlankMove.Picked(1),
                new BlankMove.Spoiled(
                    1, SpoilCause.ENCODE_FAIL, Optional.of("04AABBCCDDEEFF"), true, note)),
            RequestChange.REQUEUED,
            "spoiled"));

    String page = page("/stock?printer=" + code, "kabid");
    assertThat(page)
        .contains("Printer " + code + " (otomatis)")
        .contains("Keterangan perangkat: " + note)
        .doesNotContain("station:" + code);
    assertThat(page("/stock?printer=" + code + "&lang=en", "kabid"))
        .contains("Printer " + code + " (automatic)")
        .contains("Device report: " + note);
  }

  private String page(String path, String user) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html")
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(
                                    (user + ":cetak-demo").getBytes(StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }
}
