package org.cetak.drivers.printer;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The vendor's reads that stand in for {@code Rst} (PROTOCOL.md "The vendor dialect"), as their
 * replies came, and the status they make together with what the driver itself saw happen. Pure:
 * building the status sends nothing.
 *
 * @param ready the reply to {@code Rok}: OK, or the printer's error state
 * @param cardInside the reply to {@code Rlr;p}: {@code NO CARD} or {@code ERR CARD}
 * @param cover the reply to {@code Rse;o} (a voltage: high is open)
 * @param feeder the reply to {@code Rse;f} (high: cards in the feeder)
 * @param picked the reply to {@code Rco;c}
 * @param panels the reply to {@code Rco;p}
 * @param ribbon the reply to {@code Rrt;count} (prints left), or to {@code Rcr} on firmware without
 *     it
 */
public record VendorReads(
    Reply ready,
    Reply cardInside,
    Reply cover,
    Reply feeder,
    Reply picked,
    Reply panels,
    Reply ribbon) {

  /** Above this a sensor sees what it looks for (the guide's sensors answer 0 to 5 volts). */
  static final double HIGH_VOLTS = 2.5;

  /**
   * What the driver knows that no vendor read tells: where it last put the card, and how many cards
   * it saw go to the output hopper and the reject box (a count of its own, from zero when the
   * driver starts; the printer has no such counter).
   */
  public record Seen(CardPosition place, int hopper, int rejectBox) {
    public static final Seen NOTHING = new Seen(CardPosition.NONE, 0, 0);
  }

  /**
   * The status these reads make.
   *
   * <ul>
   *   <li>position: none without a card inside; jammed while {@code Rok} reports a mechanical
   *       error; otherwise where the driver last put the card, or the print position when it does
   *       not know (it started with a card inside);
   *   <li>state from {@code Rok}: ready, busy, cooling (head temperature) or error;
   *   <li>feeder: 1 when the sensor sees cards (at least one), else 0; ribbon: prints left, or 1
   *       when the firmware only tells that the ribbon is not at its end;
   *   <li>reject box and hopper: the cards the driver saw go there, with no capacity (the printer
   *       says when one is full by refusing); head temperature: 0, not reported.
   * </ul>
   *
   * @throws PrinterProtocolException a read that is not what it should be
   */
  public PrinterStatus status(Seen seen) {
    boolean inside = inside(cardInside);
    Optional<PrinterCondition> error = Optional.empty();
    PrinterState state = PrinterState.READY;
    if (ready instanceof Reply.Refused e) {
      error = Optional.of(e.condition());
      state =
          switch (e.condition()) {
            case BUSY -> PrinterState.BUSY;
            case HEAD_TEMP -> PrinterState.COOLING;
            default -> PrinterState.ERROR;
          };
    } else if (!(ready instanceof Reply.Ok)) {
      throw new PrinterProtocolException("Rok answered neither OK nor an error", ready.toString());
    }
    CardPosition position;
    if (!inside) {
      position = CardPosition.NONE;
    } else if (error.equals(Optional.of(PrinterCondition.MECHANICAL))) {
      position = CardPosition.JAMMED;
    } else if (seen.place() == CardPosition.CONTACTLESS || seen.place() == CardPosition.PRINT) {
      position = seen.place();
    } else {
      position = CardPosition.PRINT;
    }
    return new PrinterStatus(
        position,
        state,
        error,
        volts(feeder) ? 1 : 0,
        ribbonLeft(ribbon),
        new PrinterStatus.Fill(seen.rejectBox(), Integer.MAX_VALUE),
        new PrinterStatus.Fill(seen.hopper(), Integer.MAX_VALUE),
        volts(cover),
        0,
        count(picked),
        OptionalLong.of(count(panels)));
  }

  /** {@code Rlr;p}: true for {@code ERR CARD}, false for {@code NO CARD}. */
  static boolean inside(Reply reply) {
    if (reply instanceof Reply.Refused e && e.reason().equals("CARD")) {
      return true;
    }
    if (reply instanceof Reply.Value v && v.text().equals("NO CARD")) {
      return false;
    }
    throw new PrinterProtocolException(
        "Rlr;p answered neither NO CARD nor ERR CARD", reply.toString());
  }

  /** A sensor's voltage, {@code 5,00 Volts} or {@code 0.00 V}: true when above half-way. */
  static boolean volts(Reply reply) {
    if (!(reply instanceof Reply.Value v)) {
      throw new PrinterProtocolException("sensor answered no voltage", reply.toString());
    }
    String text = v.text().trim();
    int end = 0;
    while (end < text.length()
        && (Character.isDigit(text.charAt(end))
            || text.charAt(end) == ','
            || text.charAt(end) == '.')) {
      end++;
    }
    if (end == 0 || end > 8) {
      throw new PrinterProtocolException("sensor answered no voltage", text);
    }
    try {
      return Double.parseDouble(text.substring(0, end).replace(',', '.')) > HIGH_VOLTS;
    } catch (NumberFormatException e) {
      throw new PrinterProtocolException("sensor answered no voltage", text);
    }
  }

  /** {@code Rrt;count} (a count) or {@code Rcr} ({@code OK}: at least one; the error: none). */
  static int ribbonLeft(Reply reply) {
    if (reply instanceof Reply.Ok) {
      return 1;
    }
    if (reply instanceof Reply.Refused e && e.condition() == PrinterCondition.RIBBON) {
      return 0;
    }
    long n = count(reply);
    return (int) Math.min(n, Integer.MAX_VALUE);
  }

  static long count(Reply reply) {
    if (!(reply instanceof Reply.Value v)) {
      throw new PrinterProtocolException("counter answered no number", reply.toString());
    }
    return PrinterStatus.counter(v.text(), v.text());
  }
}
