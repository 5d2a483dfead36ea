package org.cetak.printing.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cetak.office.Office;
import org.cetak.printing.PrintRoomLedger;
import org.cetak.sim.card.CardSnapshot;
import org.cetak.sim.card.Condition;
import org.cetak.sim.card.Place;
import org.cetak.sim.scenario.SimulatedRoom;
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

  /** Prints the requests still waiting, with their latest job, for a test that ran out of time. */
  static void describeWaiting(DSLContext db) {
    db.select(
            DSL.field("r.id"),
            DSL.field("r.status"),
            DSL.field("j.id"),
            DSL.field("j.printer_id"),
            DSL.field("j.stage"),
            DSL.field("j.note"))
        .from(DSL.table("print_request").as("r"))
        .leftJoin(DSL.table("print_job").as("j"))
        .on(
            DSL.field("j.id")
                .eq(
                    DSL.select(DSL.max(DSL.field("id", Long.class)))
                        .from(DSL.table("print_job"))
                        .where(DSL.field("request_id").eq(DSL.field("r.id")))))
        .where(
            DSL.field("r.status").in("RESERVED", "FAILED_REQUEUED", "PRINTING", "OUTCOME_UNKNOWN"))
        .orderBy(DSL.field("r.id"))
        .forEach(r -> System.out.printf("Still waiting: %s%n", r.intoList()));
  }

  /** The chip UIDs of the cards that lie printed in an output hopper. */
  static Set<String> printedUids(SimulatedRoom room) {
    return room.truth().cards().stream()
        .filter(c -> c.place() == Place.HOPPER && c.condition() == Condition.PRINTED)
        .map(CardSnapshot::uid)
        .collect(Collectors.toSet());
  }

  static void assertMatches(
      SimulatedRoom room,
      DSLContext db,
      StockLevels levels,
      PrintRoomLedger movements,
      Office office,
      List<Printer> printers,
      int settled) {
    List<CardSnapshot> truth = room.truth().cards();
    Set<String> printedInTruth = printedUids(room);
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

    Set<String> disputed = new TreeSet<>(printedInTruth);
    disputed.removeAll(printedJobUids);
    printedJobUids.stream().filter(uid -> !printedInTruth.contains(uid)).forEach(disputed::add);
    disputed.forEach(uid -> explain(room, db, uid));
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
    System.out.printf(
        "Faults struck: %s%n",
        room.truth().faults().stream()
            .collect(
                Collectors.groupingBy(f -> f.type().name(), TreeMap::new, Collectors.counting())));
  }

  /** Prints what the printer and the application each say about one disputed card. */
  private static void explain(SimulatedRoom room, DSLContext db, String uid) {
    System.out.printf("Disputed card %s%n", uid);
    room.truth()
        .byUid(uid)
        .ifPresentOrElse(
            card -> {
              System.out.printf(
                  "  printer %s card %d: %s, %s; path %s; events %s%n",
                  card.printer(),
                  card.number(),
                  card.place(),
                  card.condition(),
                  card.path(),
                  card.events());
              room.truth().faults().stream()
                  .filter(f -> f.printer().equals(card.printer()) && f.card() == card.number())
                  .forEach(f -> System.out.printf("  fault %s during %s%n", f.type(), f.command()));
            },
            () -> System.out.println("  no such card in the ground truth"));
    db.select(
            DSL.field("j.id"),
            DSL.field("j.stage"),
            DSL.field("e.stage"),
            DSL.field("e.event"),
            DSL.field("e.moves"),
            DSL.field("e.occurred_at"))
        .from(DSL.table("print_job").as("j"))
        .join(DSL.table("print_job_event").as("e"))
        .on(DSL.field("e.job_id").eq(DSL.field("j.id")))
        .where(DSL.field("j.chip_uid").eq(uid))
        .orderBy(DSL.field("e.id"))
        .forEach(r -> System.out.printf("  job %s (%s): %s%n", r.get(0), r.get(1), r.intoList()));
  }
}
