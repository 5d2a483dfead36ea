package org.cetak.printing;

import java.util.ArrayDeque;
import java.util.Deque;
import org.cetak.drivers.printer.EncodedFaces;
import org.cetak.printing.device.CardPosition;
import org.cetak.printing.device.CardPrinter;
import org.cetak.printing.device.PrinterCondition;
import org.cetak.printing.device.PrinterSnapshot;
import org.cetak.printing.device.StatusReading;
import org.cetak.printing.device.StepOutcome;

/**
 * A small physical model of a printer for the station's decision tests: counters move as real cards
 * would, and scripted faults hide replies or fail steps. The hardware simulator covers the wire
 * protocol; this covers the station's reasoning, one fault at a time.
 */
final class FakePrinter implements CardPrinter {

  enum Fault {
    /** This step goes well. */
    NONE,
    /** The step happens but its reply is lost. */
    LOST_REPLY,
    /** The step does not happen and there is no reply. */
    NO_REPLY,
    /**
     * The step happens, its reply is lost and the status cannot be read until {@link #reconnect()}.
     */
    PORT_GONE,
    /** Two blanks are fed: one goes to the reject box, one is parked. */
    DOUBLE_FEED,
    /** The card jams where it is. */
    JAM,
    /** The step is refused: the ribbon ends (a card being printed is spoiled but stays inside). */
    RIBBON_END,
    /** The step is refused because the printer is still doing something else: nothing moves. */
    BUSY
  }

  int feeder;
  CardPosition position = CardPosition.NONE;
  long picked;
  int rejectBox;
  int hopper;
  int printed;
  boolean unreachable;
  final Deque<Fault> faults = new ArrayDeque<>();

  /** What happens elsewhere while the station waits for the next status answer (once). */
  Runnable meanwhile = () -> {};

  FakePrinter(int feeder) {
    this.feeder = feeder;
  }

  void reconnect() {
    unreachable = false;
  }

  @Override
  public StatusReading status() {
    Runnable now = meanwhile;
    meanwhile = () -> {};
    now.run();
    if (unreachable) {
      return new StatusReading.Unreachable("port gone");
    }
    return new StatusReading.Read(
        new PrinterSnapshot(
            position,
            true,
            false,
            position == CardPosition.JAMMED ? PrinterCondition.MECHANICAL : PrinterCondition.NONE,
            feeder,
            100,
            rejectBox,
            50,
            hopper,
            100,
            false,
            40,
            picked));
  }

  @Override
  public StepOutcome parkAtChipStation() {
    Fault fault = faults.poll();
    if (fault == Fault.NO_REPLY) {
      return new StepOutcome.NoAnswer("timeout");
    }
    if (fault == Fault.BUSY) {
      return new StepOutcome.Refused(PrinterCondition.BUSY, "ERR BUSY");
    }
    if (position == CardPosition.NONE) {
      if (feeder == 0) {
        return new StepOutcome.Refused(PrinterCondition.FEEDER_EMPTY, "ERR FEEDER EMPTY");
      }
      feeder--;
      picked++;
      if (fault == Fault.DOUBLE_FEED && feeder > 0) {
        feeder--;
        picked++;
        rejectBox++;
      }
    }
    position = fault == Fault.JAM ? CardPosition.JAMMED : CardPosition.CONTACTLESS;
    return answer(fault);
  }

  @Override
  public StepOutcome printAndEject(EncodedFaces faces) {
    Fault fault = faults.poll();
    if (fault == Fault.NO_REPLY) {
      return new StepOutcome.NoAnswer("timeout");
    }
    if (fault == Fault.BUSY) {
      return new StepOutcome.Refused(PrinterCondition.BUSY, "ERR BUSY");
    }
    if (position == CardPosition.NONE) {
      return new StepOutcome.Refused(PrinterCondition.NO_CARD, "ERR NO CARD");
    }
    if (fault == Fault.RIBBON_END) {
      position = CardPosition.PRINT;
      return new StepOutcome.Refused(PrinterCondition.RIBBON, "ERR RIBBON");
    }
    if (fault == Fault.JAM) {
      position = CardPosition.JAMMED;
      return new StepOutcome.Refused(PrinterCondition.MECHANICAL, "ERR MECHANICAL");
    }
    position = CardPosition.NONE;
    printed++;
    hopper++;
    return answer(fault);
  }

  @Override
  public StepOutcome reject() {
    Fault fault = faults.poll();
    if (fault == Fault.NO_REPLY) {
      return new StepOutcome.NoAnswer("timeout");
    }
    if (position == CardPosition.NONE) {
      return new StepOutcome.Refused(PrinterCondition.NO_CARD, "ERR NO CARD");
    }
    if (position == CardPosition.JAMMED) {
      return new StepOutcome.Refused(PrinterCondition.MECHANICAL, "ERR MECHANICAL");
    }
    position = CardPosition.NONE;
    rejectBox++;
    return answer(fault);
  }

  /** An operator opens the printer and frees a jammed card, leaving it inside. */
  void clearJam() {
    if (position == CardPosition.JAMMED) {
      position = CardPosition.PRINT;
    }
  }

  @Override
  public StepOutcome clearError() {
    return new StepOutcome.Done();
  }

  private StepOutcome answer(Fault fault) {
    if (fault == Fault.LOST_REPLY) {
      return new StepOutcome.NoAnswer("reply lost");
    }
    if (fault == Fault.PORT_GONE) {
      unreachable = true;
      return new StepOutcome.NoAnswer("port gone");
    }
    return new StepOutcome.Done();
  }

  @Override
  public void close() {}
}
