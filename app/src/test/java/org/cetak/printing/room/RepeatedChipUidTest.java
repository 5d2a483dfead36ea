package org.cetak.printing.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.PrintJobs;
import org.cetak.sim.card.Chip;
import org.cetak.sim.card.ChipFaults;
import org.cetak.sim.card.PhysicalCard;
import org.cetak.sim.card.Place;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.scenario.SimulatedRoom;
import org.cetak.stock.Printer;
import org.cetak.stock.StockLevels;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A chip UID is unique to a card: the simulated printer's next blank carries a chip whose UID the
 * card printed just before it already has (as a restarted printer's chips did). The print station
 * treats it as a chip fault of that card: rejected to the spoiled pile with its UID and the reason,
 * audited, the request requeued and printed on the next blank; the UID stays recorded for one
 * printed card, and the ledger still matches the printer.
 */
@OnePrinterStationTest
@TestPropertySource(
    properties = {
      "cetak.demo.scenario=classpath:print-room/one-clean.yaml",
      "cetak.station.node=repeated-uid"
    })
class RepeatedChipUidTest {

  @Autowired SimulatedRoom room;
  @Autowired RoomScene scene;
  @Autowired OfficeDirectory offices;
  @Autowired PrintJobs jobs;
  @Autowired StockLevels levels;
  @Autowired DSLContext db;

  @Test
  void a_chip_reporting_a_uid_another_card_holds_is_spoiled_and_its_request_printed_again()
      throws Exception {
    Office office = scene.office();
    User admin = TestUsers.everyRole(offices);
    Printer printer = scene.printerWithBlanks("PRN-1", "BA/UJI/2026/0171", 3, admin);
    SimulatedPrinter sim = room.printer("PRN-1");
    sim.loadBlanks(1);
    PhysicalCard first = sim.takeBlanks(1).get(0);
    PhysicalCard twin =
        new PhysicalCard(
            "PRN-1", 1000, new Chip(first.chip().uid(), ChipFaults.NONE), Instant.now());
    sim.putBlanks(List.of(first, twin));
    sim.loadBlanks(1);
    String uid = first.uidHex();
    scene.queue(171, 2);
    scene.start(printer);

    Awaitility.await("both requests printed")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                count("select count(*) from print_request where status = 'PRINTED'") == 2
                    && jobs.openJob(printer.id()).isEmpty());

    assertThat(
            count("select count(*) from print_job where stage = 'PRINTED' and chip_uid = ?", uid))
        .as("printed cards with chip " + uid)
        .isEqualTo(1);
    assertThat(
            count(
                "select count(*) from (select chip_uid from print_job where stage = 'PRINTED'"
                    + " group by chip_uid having count(*) > 1) repeated"))
        .as("UIDs recorded for two printed cards")
        .isZero();
    long holder = count("select id from print_job where stage = 'PRINTED' and chip_uid = ?", uid);
    Map<String, Object> spoiled =
        db.fetchOne(
                "select id, request_id, reject_cause, note from print_job where stage = 'SPOILED'"
                    + " and chip_uid = ?",
                uid)
            .intoMap();
    assertThat(spoiled)
        .containsEntry("reject_cause", "ENCODE_FAIL")
        .containsEntry(
            "note",
            "chip UID_REPEATED: " + uid + " already recorded for the card of print job " + holder);
    long spoiledJob = ((Number) spoiled.get("id")).longValue();
    long request = ((Number) spoiled.get("request_id")).longValue();
    assertThat(
            db.fetchOne(
                    "select from_location, to_location, quantity, reason, chip_uid, request_id"
                        + " from stock_movement where reference_kind = 'PRINT_JOB'"
                        + " and reference_id = ? and to_location = 'SPOILED'",
                    spoiledJob)
                .intoMap())
        .containsEntry("from_location", "INSIDE_PRINTER")
        .containsEntry("quantity", 1)
        .containsEntry("reason", "ENCODE_FAIL")
        .containsEntry("chip_uid", uid)
        .containsEntry("request_id", request);
    assertThat(
            db.fetch(
                    "select from_status || ' -> ' || to_status from print_request_event"
                        + " where request_id = ? order by id",
                    request)
                .getValues(0, String.class))
        .containsSubsequence("PRINTING -> FAILED_REQUEUED", "FAILED_REQUEUED -> PRINTING");
    assertThat(
            count(
                "select count(*) from print_job where request_id = ? and stage = 'PRINTED'"
                    + " and chip_uid <> ?",
                request,
                uid))
        .as("the requeued request printed on the next blank")
        .isEqualTo(1);
    assertThat(
            db.fetchValue(
                "select detail from audit_event where action = 'CHIP_UID_REPEATED' and subject = ?",
                "print job " + spoiledJob))
        .isEqualTo("chip " + uid + " already recorded for the card of print job " + holder);
    assertThat(twin.place()).isEqualTo(Place.REJECT_BOX);
    assertThat(sim.status().rejectBox()).isEqualTo(1);
    assertThat(sim.status().feeder()).as("every blank used").isZero();
    assertThat(levels.reconciliation(office.id()).closes()).isTrue();
  }

  private long count(String sql, Object... bindings) {
    return ((Number) db.fetchValue(sql, bindings)).longValue();
  }
}
