package org.cetak.sim.truth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cetak.sim.card.CardSnapshot;
import org.cetak.sim.card.PhysicalCard;
import org.cetak.sim.card.Place;
import org.cetak.sim.fault.FaultEvent;

/**
 * What physically happened: every card the simulated printers were loaded with, where each went,
 * what was printed on it and what its chip holds, and every fault that struck. Tests compare the
 * application's beliefs with it. Thread-safe; one instance may serve several printers.
 */
public final class GroundTruth {

  private final List<PhysicalCard> cards = new CopyOnWriteArrayList<>();
  private final List<FaultEvent> faults = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> marks = new HashMap<>();

  /**
   * The printer's mark in its chips' UIDs: 24 bits taken from its serial number, the same for the
   * serial every time, and never a mark another printer of this run holds (a serial whose bits
   * another printer already has takes the next free mark).
   */
  public synchronized int printerMark(String serialNumber) {
    Integer mark = marks.get(serialNumber);
    if (mark != null) {
      return mark;
    }
    int candidate = (serialNumber.hashCode() * 0x9E3779B1) >>> 8;
    while (marks.containsValue(candidate)) {
      candidate = (candidate + 1) & 0xFFFFFF;
    }
    marks.put(serialNumber, candidate);
    return candidate;
  }

  /** Registers a card as it is loaded into a feeder. */
  public void register(PhysicalCard card) {
    cards.add(card);
  }

  /** Records a fault that struck. */
  public void record(FaultEvent event) {
    faults.add(event);
  }

  /** Every card, in loading order. */
  public List<CardSnapshot> cards() {
    List<CardSnapshot> out = new ArrayList<>(cards.size());
    for (PhysicalCard c : cards) {
      out.add(c.snapshot());
    }
    return out;
  }

  /** Cards of one printer, in loading order. */
  public List<CardSnapshot> cards(String printer) {
    return cards().stream().filter(c -> c.printer().equals(printer)).toList();
  }

  /** Cards that are now at {@code place}. */
  public List<CardSnapshot> cardsAt(Place place) {
    return cards().stream().filter(c -> c.place() == place).toList();
  }

  /** The card of a chip UID (hex, any case). */
  public Optional<CardSnapshot> byUid(String uidHex) {
    return cards.stream()
        .filter(c -> c.uidHex().equalsIgnoreCase(uidHex))
        .findFirst()
        .map(PhysicalCard::snapshot);
  }

  /** Card {@code number} of printer {@code printer}. */
  public Optional<CardSnapshot> card(String printer, int number) {
    return cards.stream()
        .filter(c -> c.printer().equals(printer) && c.number() == number)
        .findFirst()
        .map(PhysicalCard::snapshot);
  }

  /** Every fault that struck, in order. */
  public List<FaultEvent> faults() {
    return List.copyOf(faults);
  }

  /** The whole truth as JSON (cards that never left a feeder are summarised by count). */
  public String toJson() {
    return TruthJson.write(cards(), faults(), true);
  }

  /** The whole truth as JSON, every card included. */
  public String toJsonAll() {
    return TruthJson.write(cards(), faults(), false);
  }

  /** One line per picked card and per fault, for people. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    long unpicked = 0;
    for (CardSnapshot c : cards()) {
      if (!c.picked()) {
        unpicked++;
        continue;
      }
      sb.append(c.printer())
          .append(" card ")
          .append(c.number())
          .append(" uid=")
          .append(c.uid())
          .append(" ended=")
          .append(c.place())
          .append(" condition=")
          .append(c.condition())
          .append(" path=");
      for (int i = 0; i < c.path().size(); i++) {
        sb.append(i == 0 ? "" : ">").append(c.path().get(i).place());
      }
      sb.append(" panels=").append(c.panels().size());
      sb.append(" chip=").append(c.chip().mute() ? "mute" : c.chip().locked() ? "locked" : "open");
      if (!c.events().isEmpty()) {
        sb.append(" events=").append(c.events());
      }
      sb.append('\n');
    }
    sb.append(unpicked).append(" cards never left a feeder\n");
    for (FaultEvent f : faults()) {
      sb.append("fault ")
          .append(f.type())
          .append(" printer=")
          .append(f.printer())
          .append(" card=")
          .append(f.card())
          .append(" command=")
          .append(f.command())
          .append(f.scripted() ? " scripted" : " rate")
          .append(" at=")
          .append(f.at())
          .append('\n');
    }
    return sb.toString();
  }
}
