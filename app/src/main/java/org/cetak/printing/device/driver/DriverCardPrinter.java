package org.cetak.printing.device.driver;

import org.cetak.drivers.printer.EncodedFaces;
import org.cetak.drivers.printer.Outcome;
import org.cetak.drivers.printer.PrinterState;
import org.cetak.drivers.printer.PrinterStatus;
import org.cetak.printing.device.CardPosition;
import org.cetak.printing.device.CardPrinter;
import org.cetak.printing.device.PrinterCondition;
import org.cetak.printing.device.PrinterSnapshot;
import org.cetak.printing.device.StatusReading;
import org.cetak.printing.device.StepOutcome;

/** The print station's printer port over the serial/TCP card-printer driver. */
public final class DriverCardPrinter implements CardPrinter {

  private final org.cetak.drivers.printer.CardPrinter driver;

  public DriverCardPrinter(org.cetak.drivers.printer.CardPrinter driver) {
    this.driver = driver;
  }

  @Override
  public StatusReading status() {
    Outcome<PrinterStatus> outcome = driver.status();
    if (outcome instanceof Outcome.Done<PrinterStatus> done) {
      return new StatusReading.Read(snapshot(done.value()));
    }
    if (outcome instanceof Outcome.NotDone<PrinterStatus> notDone) {
      return new StatusReading.Unreachable(notDone.detail());
    }
    return new StatusReading.Unreachable(((Outcome.Unknown<PrinterStatus>) outcome).why());
  }

  @Override
  public StepOutcome parkAtChipStation() {
    return step(driver.parkAtContactless());
  }

  @Override
  public StepOutcome printAndEject(EncodedFaces faces) {
    return step(driver.print(faces));
  }

  @Override
  public StepOutcome reject() {
    return step(driver.reject());
  }

  @Override
  public StepOutcome clearError() {
    return step(driver.clearError());
  }

  @Override
  public void close() {
    driver.close();
  }

  private static StepOutcome step(Outcome<?> outcome) {
    if (outcome instanceof Outcome.Done<?>) {
      return new StepOutcome.Done();
    }
    if (outcome instanceof Outcome.NotDone<?> notDone) {
      if (notDone.condition() == org.cetak.drivers.printer.PrinterCondition.TIMED_OUT) {
        return new StepOutcome.NoAnswer(notDone.detail());
      }
      return new StepOutcome.Refused(condition(notDone.condition()), notDone.detail());
    }
    return new StepOutcome.NoAnswer(((Outcome.Unknown<?>) outcome).why());
  }

  static PrinterSnapshot snapshot(PrinterStatus s) {
    return new PrinterSnapshot(
        position(s.position()),
        s.state() == PrinterState.READY,
        s.state() == PrinterState.COOLING,
        s.lastError().map(DriverCardPrinter::condition).orElse(PrinterCondition.NONE),
        s.feeder(),
        s.ribbonLeft(),
        s.rejectBox().count(),
        s.rejectBox().capacity(),
        s.hopper().count(),
        s.hopper().capacity(),
        s.coverOpen(),
        s.headTemperature(),
        s.picked());
  }

  private static CardPosition position(org.cetak.drivers.printer.CardPosition position) {
    return switch (position) {
      case NONE -> CardPosition.NONE;
      case CONTACTLESS -> CardPosition.CONTACTLESS;
      case PRINT -> CardPosition.PRINT;
      case EJECT -> CardPosition.EJECT;
      case REJECT -> CardPosition.REJECT;
      case JAMMED -> CardPosition.JAMMED;
    };
  }

  static PrinterCondition condition(org.cetak.drivers.printer.PrinterCondition condition) {
    return switch (condition) {
      case COMMAND, PARAMETER -> PrinterCondition.BAD_REQUEST;
      case BUSY -> PrinterCondition.BUSY;
      case FEEDER_EMPTY -> PrinterCondition.FEEDER_EMPTY;
      case FEEDER -> PrinterCondition.PICK_FAILED;
      case MECHANICAL -> PrinterCondition.MECHANICAL;
      case COVER_OPEN -> PrinterCondition.COVER_OPEN;
      case RIBBON -> PrinterCondition.RIBBON;
      case REJECT_BOX_FULL -> PrinterCondition.REJECT_BOX_FULL;
      case HOPPER_FULL -> PrinterCondition.HOPPER_FULL;
      case HEAD_TEMP -> PrinterCondition.HEAD_TEMP;
      case NO_CARD -> PrinterCondition.NO_CARD;
      case UNRECOGNISED, TIMED_OUT -> PrinterCondition.OTHER;
    };
  }
}
