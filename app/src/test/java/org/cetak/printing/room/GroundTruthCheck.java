package org.cetak.printing.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cetak.office.Office;
import org.cetak.sim.card.CardSnapshot;
import org.cetak.sim.card.Condition;
import org.cetak.sim.card.Place;
import org.cetak.sim.scenario.SimulatedRoom;
import org.cetak.stock.PrintRoomMovements;
import org.cetak.stock.Printer;
import org.cetak.stock.Reconciliation;
import org.cetak.stock.StockLevels;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** What the application believes, compared card for card with what physically happened. */
final class GroundTruthCheck {

  private GroundTruthCheck() {}

  /** Requests that still wait for a card. */
  static long waiting(DSLContext db) {
    return db.fetchCount(
        DSL.table("print_request"),
        DSL.field("status").in("RESERVED", "FAILED_REQUEUED", "PRINTING", "OUTCOME_UNKNOWN"));
  }

  static void assertMatches(
      SimulatedRoom room,
      DSLContext db,
      StockLevels levels,
      PrintRoomMovements movements,
      Office office,
      List<Printer> printers,
      int settled) {
    List<CardSnapshot> truth = room.truth().cards();
    Set<String> printedInTruth =
        truth.stream()
            .filter(c -> c.place() == Place.HOPPER && c.condition() == Condition.PRINTED)
            .map(CardSnapshot::uid)
            .collect(Collectors.toSet());
    long spoiledInTruth =
        truth.stream()
            .filter(CardSnapshot::picked)
            .filter(c -> !(c.place() == Place.HOPPER && c.condition() == Condition.PRINTED))
            .count();
    List<String> printedJobUids =
        db.select(DSL.field("chip_uid", String.class))
            .from(DSL.table("print_job"))
            .where(DSL.field("stage").eq("PRINTED"))
            .fetch(DSL.field("chip_uid", String.class));
    Reconciliation stockNow = levels.reconciliation(office.id());

    assertThat(new HashSet<>(printedJobUids))
        .as("printed cards by chip UID")
        .isEqualTo(printedInTruth);
    assertThat(printedJobUids).as("no card counted printed twice").doesNotHaveDuplicates();
    assertThat(stockNow.printed()).as("ledger: printed").isEqualTo(printedInTruth.size());
    assertThat(stockNow.spoiled()).as("ledger: spoiled").isEqualTo(spoiledInTruth);
    assertThat(stockNow.unknown()).as("ledger: outcome unknown").isZero();
    assertThat(stockNow.insidePrinters()).as("ledger: inside printers").isZero();
    for (Printer printer : printers) {
      assertThat(movements.feeder(printer.id()))
          .as("feeder of " + printer.code())
          .isEqualTo(room.printer(printer.code()).status().feeder());
    }
    Map<Long, Integer> printedPerRequest =
        db.select(DSL.field("request_id", Long.class), DSL.count())
            .from(DSL.table("print_job"))
            .where(DSL.field("stage").eq("PRINTED"))
            .groupBy(DSL.field("request_id"))
            .fetchMap(DSL.field("request_id", Long.class), DSL.count());
    assertThat(printedPerRequest.values())
        .as("requests printed more than once")
        .allMatch(n -> n == 1);
    assertThat(db.fetchCount(DSL.table("print_request"), DSL.field("status").eq("PRINTED")))
        .isEqualTo(printedInTruth.size());
    assertThat(stockNow.received() + stockNow.borrowed())
        .as("reconciliation identity")
        .isEqualTo(
            stockNow.vault()
                + stockNow.feeders()
                + stockNow.insidePrinters()
                + stockNow.printed()
                + stockNow.spoiled()
                + stockNow.destroyed()
                + stockNow.lent()
                + stockNow.unknown());
    System.out.printf(
        "Ground truth: %d cards picked, %d printed, %d spoiled, %d faults struck, %d unknown"
            + " outcomes settled by the operator%n",
        truth.stream().filter(CardSnapshot::picked).count(),
        printedInTruth.size(),
        spoiledInTruth,
        room.truth().faults().size(),
        settled);
  }
}
