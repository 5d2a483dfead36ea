package org.cetak.sim.printer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cetak.sim.card.Condition;
import org.cetak.sim.card.PhysicalCard;
import org.cetak.sim.card.Place;
import org.cetak.sim.card.PrintedPanel;
import org.cetak.sim.fault.FaultType;
import org.cetak.sim.time.Timeline;

/**
 * The printing part of the {@link Mechanism}: the ribbon, the panels an open sequence loads, and
 * printing them on a card through the thermal head (with the faults that strike during a print),
 * counting panels and printed cards. It moves a card only from the chip station to the print
 * position; the card's way in and out is the mechanism's. Not thread-safe: the printer's lock
 * guards it.
 */
final class PrintEngine {

  private static final Set<String> RIBBONS = Set.of("ymcko", "ymckok", "ymckoko", "ko", "kb", "k");

  private final PrinterConfig config;
  private final Timeline timeline;
  private final FaultStriker striker;
  private final ThermalHead head;

  private Sequence sequence;
  private String ribbonType;
  private int ribbonLeft;
  private long panels;
  private long printedCards;

  PrintEngine(PrinterConfig config, Timeline timeline, FaultStriker striker, ThermalHead head) {
    this.config = config;
    this.timeline = timeline;
    this.striker = striker;
    this.head = head;
    this.ribbonType = config.ribbonType();
    this.ribbonLeft = config.ribbonPrints();
    this.panels = config.panelsSinceManufacture();
  }

  int ribbonLeft() {
    return ribbonLeft;
  }

  long panels() {
    return panels;
  }

  long printedCards() {
    return printedCards;
  }

  /** {@code Pr}: false when the ribbon type is unknown. */
  boolean setRibbonType(String type) {
    if (type == null || !RIBBONS.contains(type)) {
      return false;
    }
    ribbonType = type;
    return true;
  }

  String ribbonType() {
    return ribbonType;
  }

  void replaceRibbon(int prints) {
    ribbonLeft = prints;
  }

  /** Sets the ribbon and the counters as saved when the printer was switched off. */
  void restore(int savedRibbonLeft, long savedPanels, long savedPrintedCards) {
    sequence = null;
    ribbonLeft = savedRibbonLeft;
    panels = savedPanels;
    printedCards = savedPrintedCards;
  }

  // ---- the sequence of panels ----

  boolean sequenceOpen() {
    return sequence != null;
  }

  void startSequence() {
    sequence = new Sequence();
  }

  void forgetSequence() {
    sequence = null;
  }

  /** Ends the open sequence: the panels it loaded, none when no sequence was open. */
  List<PrintedPanel> endSequence() {
    Sequence seq = sequence;
    sequence = null;
    return seq == null ? List.of() : seq.panels;
  }

  /** {@code Sr} / {@code Sv}: the panels that follow are for this side. */
  String side(String side) {
    if (sequence == null) {
      return PrinterError.COMMAND.reply();
    }
    sequence.side = side;
    return "OK";
  }

  /** {@code Db} / {@code Dbc}: a panel loaded into the open sequence. */
  String loadPanel(Request.Panel p) {
    if (sequence == null) {
      return PrinterError.COMMAND.reply();
    }
    sequence.panels.add(new PrintedPanel(sequence.side, p.panel(), p.levels(), p.sha256()));
    return "OK";
  }

  // ---- the print ----

  /**
   * Prints the loaded panels on the card; null when printed, else the physical error it ends in
   * (the card may be partly printed, melted or jammed).
   */
  PrinterError print(PhysicalCard card, List<PrintedPanel> loaded) throws InterruptedException {
    int n = card.number();
    if (card.place() == Place.CONTACTLESS) {
      timeline.pass(config.timing().stationToPrint());
      card.moveTo(Place.PRINT, timeline.now());
    }
    if (head.cooling()) {
      return PrinterError.HEAD_TEMP;
    }
    if (ribbonLeft <= 0) {
      return PrinterError.RIBBON;
    }
    if (striker.strikes(FaultType.OVERHEAT, n, "Se")) {
      head.overheat();
      return PrinterError.HEAD_TEMP;
    }
    Duration printTime = printTime(loaded);
    if (striker.strikes(FaultType.OVERHEAT_MELT, n, "Se")) {
      head.overheat();
      timeline.pass(printTime);
      usePrint(loaded.size());
      card.print(loaded, Condition.MELTED);
      card.note("forced through an overheated head: melted");
      return PrinterError.HEAD_TEMP;
    }
    if (striker.strikes(FaultType.RIBBON_END, n, "Se")) {
      List<PrintedPanel> half = loaded.subList(0, (loaded.size() + 1) / 2);
      timeline.pass(printTime.dividedBy(2));
      panels += half.size();
      ribbonLeft = 0;
      card.print(half, Condition.PARTLY_PRINTED);
      card.note("ribbon ended during print");
      return PrinterError.RIBBON;
    }
    if (striker.strikes(FaultType.JAM_AT_PRINT, n, "Se")) {
      List<PrintedPanel> half = loaded.subList(0, (loaded.size() + 1) / 2);
      timeline.pass(printTime.dividedBy(2));
      usePrint(half.size());
      card.print(half, Condition.PARTLY_PRINTED);
      card.note("jammed during print");
      card.moveTo(Place.JAMMED, timeline.now());
      return PrinterError.MECHANICAL;
    }
    timeline.pass(printTime);
    usePrint(loaded.size());
    card.print(loaded, Condition.PRINTED);
    printedCards++;
    return null;
  }

  private void usePrint(int panelCount) {
    panels += panelCount;
    ribbonLeft = Math.max(0, ribbonLeft - 1);
    head.printedCard();
  }

  private Duration printTime(List<PrintedPanel> loaded) {
    Duration total = Duration.ZERO;
    for (String side : List.of("front", "back")) {
      boolean any = false;
      boolean colour = false;
      for (PrintedPanel p : loaded) {
        if (p.side().equals(side)) {
          any = true;
          colour |= p.panel().equals("y") || p.panel().equals("m") || p.panel().equals("c");
        }
      }
      if (any) {
        total = total.plus(colour ? config.timing().colourSide() : config.timing().monoSide());
      }
    }
    return total;
  }

  private static final class Sequence {
    String side = "front";
    final List<PrintedPanel> panels = new ArrayList<>();
  }
}
