package org.cetak.sim.card;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One physical card: a blank body with a chip. The printer moves it, prints on it and the reader
 * talks to its chip; the ground truth reads it. Thread-safe.
 */
public final class PhysicalCard {

  private final String printer;
  private final int number;
  private final Chip chip;
  private final List<Visit> path = new ArrayList<>();
  private final List<PrintedPanel> panels = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private Place place;
  private Condition condition = Condition.BLANK;

  /**
   * A blank as loaded into a feeder.
   *
   * @param printer the printer whose feeder it was loaded into
   * @param number its number in that feeder's loading order, from 1 ("card 17" in a fault script)
   */
  public PhysicalCard(String printer, int number, Chip chip, Instant at) {
    this.printer = printer;
    this.number = number;
    this.chip = chip;
    this.place = Place.FEEDER;
    path.add(new Visit(Place.FEEDER, at));
  }

  public String printer() {
    return printer;
  }

  public int number() {
    return number;
  }

  public Chip chip() {
    return chip;
  }

  public String uidHex() {
    return chip.uidHex();
  }

  public synchronized Place place() {
    return place;
  }

  public synchronized Condition condition() {
    return condition;
  }

  /** Moves the card (recorded in its path). */
  public synchronized void moveTo(Place to, Instant at) {
    if (to != place) {
      place = to;
      path.add(new Visit(to, at));
    }
  }

  /** Records panels printed on it and its resulting condition. */
  public synchronized void print(List<PrintedPanel> printed, Condition result) {
    panels.addAll(printed);
    if (condition == Condition.BLANK || result == Condition.MELTED) {
      condition = result;
    } else if (result == Condition.PARTLY_PRINTED) {
      condition = Condition.PARTLY_PRINTED;
    }
  }

  /** Notes something that happened to the card (a fault, an operator action). */
  public synchronized void note(String event) {
    events.add(event);
  }

  /** A consistent copy for the ground truth. */
  public synchronized CardSnapshot snapshot() {
    return new CardSnapshot(
        printer,
        number,
        chip.uidHex(),
        place,
        condition,
        List.copyOf(path),
        List.copyOf(panels),
        chip.contents(),
        List.copyOf(events));
  }

  /** A place a card reached, and when (simulated time). */
  public record Visit(Place place, Instant at) {}
}
