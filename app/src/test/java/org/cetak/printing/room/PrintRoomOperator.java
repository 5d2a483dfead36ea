package org.cetak.printing.room;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.cetak.common.DomainException;
import org.cetak.office.Office;
import org.cetak.office.User;
import org.cetak.printing.CardHeld;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.PrinterState;
import org.cetak.printing.Settlements;
import org.cetak.printing.Sighting;
import org.cetak.printing.Stage;
import org.cetak.printing.device.PrinterCondition;
import org.cetak.sim.card.CardSnapshot;
import org.cetak.sim.card.Place;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.scenario.SimulatedRoom;
import org.cetak.stock.FeederStock;
import org.cetak.stock.Printer;
import org.cetak.stock.StockLevels;

/**
 * The print-room operator of the ground-truth tests: at a stopped printer they look, fix what needs
 * hands, settle an unknown card from where it physically lies, and resume.
 */
final class PrintRoomOperator {

  private final SimulatedRoom room;
  private final PrintJobs jobs;
  private final Settlements settlements;
  private final FeederStock feeders;
  private final StockLevels levels;
  private final LongConsumer wake;
  int settled;
  int unknownWhileRunning;
  private final Map<Long, Long> unknownRunning = new HashMap<>();

  PrintRoomOperator(
      SimulatedRoom room,
      PrintJobs jobs,
      Settlements settlements,
      FeederStock feeders,
      StockLevels levels,
      LongConsumer wake) {
    this.room = room;
    this.jobs = jobs;
    this.settlements = settlements;
    this.feeders = feeders;
    this.levels = levels;
    this.wake = wake;
  }

  void load(Office office, User by, String printer, int quantity) {
    feeders.load(office.id(), printer, quantity, by);
    room.printer(printer).loadBlanks(quantity);
  }

  /**
   * Settles every card the console shows as outcome unknown, and tends every printer that is not
   * running.
   */
  void round(Office office, User operator, List<Printer> printers) {
    for (Printer printer : printers) {
      wake.accept(printer.id());
      PrinterState state = jobs.state(printer.id());
      Optional<Long> unknown =
          state.mode() == PrinterMode.RUNNING
              ? jobs.openJob(printer.id()).filter(j -> j.stage() == Stage.UNKNOWN).map(PrintJob::id)
              : Optional.empty();
      // seen twice in a row: not the moment between the station's two writes, but a state
      // that stays (the station leaves such a printer running)
      if (unknown.isPresent() && unknown.get().equals(unknownRunning.get(printer.id()))) {
        unknownWhileRunning++;
        System.out.printf(
            "Operator at %s: the console shows the printer RUNNING (%s) with job %d's outcome"
                + " unknown%n",
            printer.code(), state.reason(), unknown.get());
        settleIfUnknown(printer, operator);
      }
      unknownRunning.put(printer.id(), unknown.orElse(null));
      if (state.mode() != PrinterMode.RUNNING) {
        attend(office, operator, printer, state);
      }
    }
  }

  void attend(Office office, User operator, Printer printer, PrinterState state) {
    SimulatedPrinter sim = room.printer(printer.code());
    settleIfUnknown(printer, operator);
    SimulatedPrinter.Status status = sim.status();
    sim.closeCover();
    if (status.position() == Place.JAMMED) {
      sim.removeJammedCard();
    }
    if (status.ribbonLeft() == 0) {
      sim.replaceRibbon(60);
    }
    // a full box is emptied when it is full or when the printer says so (its sensor may be wrong)
    if (status.rejectBox() >= sim.config().rejectBoxCapacity()
        || state.reason().equals(PrinterCondition.REJECT_BOX_FULL.advice())) {
      sim.emptyRejectBox();
    }
    if (status.hopper() >= sim.config().hopperCapacity()
        || state.reason().equals(PrinterCondition.HOPPER_FULL.advice())) {
      sim.emptyHopper();
    }
    long vault = levels.reconciliation(office.id()).vault();
    if (status.feeder() == 0 && vault > 0) {
      load(office, operator, printer.code(), (int) Math.min(20, vault));
    }
    jobs.setState(printer.id(), PrinterMode.RUNNING, "operator resumed");
    wake.accept(printer.id());
  }

  void settleIfUnknown(Printer printer, User operator) {
    Optional<PrintJob> open = jobs.openJob(printer.id());
    if (open.isEmpty() || open.get().stage() != Stage.UNKNOWN) {
      return;
    }
    PrintJob job = open.get();
    SimulatedPrinter sim = room.printer(printer.code());
    Sighting sighting;
    if (job.card() == CardHeld.UNKNOWN_FROM_FEEDER
        && job.baseline().isPresent()
        && sim.status().picked() == job.baseline().get().picked()) {
      sighting = Sighting.STILL_IN_FEEDER;
    } else {
      CardSnapshot card =
          job.chipUid()
              .flatMap(uid -> room.truth().byUid(uid))
              .orElseGet(
                  () ->
                      room.truth().cards(printer.code()).stream()
                          .filter(CardSnapshot::picked)
                          .max(Comparator.comparingInt(CardSnapshot::number))
                          .orElseThrow());
      sighting =
          switch (card.place()) {
            case HOPPER -> Sighting.IN_OUTPUT_HOPPER;
            case REJECT_BOX -> Sighting.IN_REJECT_BOX;
            case REMOVED_BY_OPERATOR -> Sighting.NOWHERE;
            case FEEDER -> Sighting.STILL_IN_FEEDER;
            case CONTACTLESS, PRINT, JAMMED -> Sighting.STILL_INSIDE;
          };
    }
    try {
      settlements.settle(printer.id(), job.id(), sighting, operator);
      settled++;
    } catch (DomainException e) {
      // the station settled it from the printer's counters first: look again next round
      System.out.printf("Operator at %s: %s%n", printer.code(), e.getMessage());
    }
  }
}
