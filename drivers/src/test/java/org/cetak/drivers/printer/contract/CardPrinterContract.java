package org.cetak.drivers.printer.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cetak.drivers.printer.Acknowledged;
import org.cetak.drivers.printer.CardPosition;
import org.cetak.drivers.printer.CardPrinterDriver;
import org.cetak.drivers.printer.Outcome;
import org.cetak.drivers.printer.PrinterCondition;
import org.cetak.drivers.printer.PrinterDialect;
import org.cetak.drivers.printer.PrinterIdentity;
import org.cetak.drivers.printer.PrinterState;
import org.cetak.drivers.printer.PrinterStatus;
import org.cetak.drivers.printer.PrinterTimings;
import org.cetak.drivers.printer.TestPanels;
import org.cetak.drivers.transport.Transport;
import org.cetak.sim.card.Place;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.fault.FaultType;
import org.cetak.sim.fault.ScriptedFault;
import org.cetak.sim.printer.PrinterConfig;
import org.cetak.sim.printer.SessionOptions;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.printer.TimingProfile;
import org.cetak.sim.time.ScaledTimeline;
import org.cetak.sim.time.Sleeper;
import org.cetak.sim.truth.GroundTruth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The printer driver's behaviour, written once and run over every transport (in-memory, TCP, a
 * socat pseudo-terminal through jSerialComm) and in both dialects against the hardware-sim printer,
 * which implements PROTOCOL.md on its own (Cetak's personality, or the vendor's). The simulator
 * runs at 1/100 of field time.
 */
public abstract class CardPrinterContract {

  /** Simulated time runs 100 times faster than the field figures. */
  protected static final double SCALE = 0.01;

  /** How long the simulated port stays gone after a DISCONNECT fault. */
  protected static final Duration PORT_DOWN = Duration.ofMillis(300);

  protected static final SessionOptions OPTIONS =
      SessionOptions.defaults().withLateReply(Duration.ofMillis(900)).withPortDown(PORT_DOWN);

  private static final PrinterTimings TIMINGS =
      PrinterTimings.field()
          .scaled(SCALE)
          .withRecovery(Duration.ofMillis(400), Duration.ofSeconds(4), Duration.ofMillis(25))
          .withLinkSpeed(20_000_000);

  private SimulatedPrinter printer;
  private CardPrinterDriver driver;

  /** A transport to the simulated printer, for the transport under test. */
  protected abstract Transport connect(SimulatedPrinter printer, SessionOptions options)
      throws Exception;

  /** The dialect the printer speaks; the driver is told it, or detects it when this is empty. */
  protected PrinterDialect dialect() {
    return PrinterDialect.CETAK;
  }

  /** Whether the driver is told the dialect (else it detects it at the first command). */
  protected boolean dialectConfigured() {
    return true;
  }

  /** Whether the vendor printer's port starts in the ACK/NACK protocol. */
  protected boolean ackNack() {
    return false;
  }

  /** The first request of a status read: {@code Rst}, or {@code Rok} in the vendor's dialect. */
  private String statusRequest() {
    return dialect() == PrinterDialect.CETAK ? "Rst" : "Rok";
  }

  /** Stops whatever {@link #connect} started. */
  protected void disconnectAll() throws Exception {}

  @AfterEach
  void closeDriver() throws Exception {
    if (driver != null) {
      driver.close();
    }
    disconnectAll();
  }

  private CardPrinterDriver driver(ScriptedFault... script) throws Exception {
    PrinterConfig config =
        PrinterConfig.builder("PRN-T")
            .blanks(10)
            .deadChipRate(0)
            .timing(TimingProfile.field())
            .seed(11)
            .personality(
                dialect() == PrinterDialect.CETAK
                    ? PrinterConfig.Personality.CETAK
                    : PrinterConfig.Personality.EVOLIS)
            .ackNack(ackNack())
            .build();
    printer =
        new SimulatedPrinter(
            config,
            new ScaledTimeline(SCALE, Instant.parse("2026-11-24T02:00:00Z"), Sleeper.real()),
            new FaultPlan(Map.of(), List.of(script), 5),
            new GroundTruth());
    driver =
        new CardPrinterDriver(
            connect(printer, OPTIONS),
            TIMINGS,
            dialectConfigured() ? Optional.of(dialect()) : Optional.empty());
    return driver;
  }

  private static <T> T done(Outcome<T> outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Done.class);
    return ((Outcome.Done<T>) outcome).value();
  }

  @Test
  void identifies_the_printer() throws Exception {
    PrinterIdentity identity = done(driver().identify());

    assertThat(identity)
        .isEqualTo(new PrinterIdentity("Primacy", "SIM-PRN-T", printer.config().firmware()));
  }

  @Test
  void status_of_an_idle_printer() throws Exception {
    PrinterStatus status = done(driver().status());

    assertThat(status.position()).isEqualTo(CardPosition.NONE);
    assertThat(status.state()).isEqualTo(PrinterState.READY);
    assertThat(status.feeder()).isPositive();
    assertThat(status.coverOpen()).isFalse();
    assertThat(status.lastError()).isEmpty();
    assertThat(status.picked()).isEqualTo(printer.status().picked());
  }

  @Test
  void parks_a_blank_at_the_chip_station_with_one_pick() throws Exception {
    long picked = done(driver().pickCounter());

    Outcome<Acknowledged> parked = driver.parkAtContactless();

    assertThat(done(parked).confirmedBy()).isEmpty();
    assertThat(done(driver.status()).position()).isEqualTo(CardPosition.CONTACTLESS);
    assertThat(done(driver.pickCounter())).isEqualTo(picked + 1);
  }

  @Test
  void prints_both_sides_and_ejects_to_the_hopper() throws Exception {
    done(driver().parkAtContactless());

    Outcome<Acknowledged> printed = driver.print(TestPanels.ymckoFrontKBack());

    assertThat(printed.done()).as("%s", printed).isTrue();
    assertThat(printer.status().cardsPrinted()).isEqualTo(1);
    assertThat(printer.status().hopper()).isEqualTo(1);
    assertThat(printer.status().picked()).isEqualTo(printer.config().pickedSinceManufacture() + 1);
    assertThat(printer.truth().card("PRN-T", 1).orElseThrow().panels()).hasSize(6);
  }

  @Test
  void rejects_the_card_inside() throws Exception {
    done(driver().parkAtContactless());

    assertThat(driver.reject().done()).isTrue();

    assertThat(printer.status().rejectBox()).isEqualTo(1);
    assertThat(done(driver.status()).position()).isIn(CardPosition.NONE, CardPosition.REJECT);
  }

  @Test
  void ejects_an_unprinted_card() throws Exception {
    done(driver().parkAtContactless());

    assertThat(driver.eject().done()).isTrue();

    assertThat(printer.status().hopper()).isEqualTo(1);
    assertThat(printer.status().cardsPrinted()).isZero();
  }

  @Test
  void empty_feeder_is_a_value_not_an_exception() throws Exception {
    Outcome<Acknowledged> parked =
        driver(ScriptedFault.of(1, FaultType.FEEDER_EMPTY)).parkAtContactless();

    assertThat(parked).isInstanceOf(Outcome.NotDone.class);
    Outcome.NotDone<Acknowledged> notDone = (Outcome.NotDone<Acknowledged>) parked;
    // the ACK/NACK protocol has one code, F, for every feeder error
    assertThat(notDone.condition())
        .isIn(ackNack() ? PrinterCondition.FEEDER : PrinterCondition.FEEDER_EMPTY);
    assertThat(notDone.status().map(PrinterStatus::position)).contains(CardPosition.NONE);
  }

  @Test
  void double_feed_reports_a_card_picked_and_none_inside() throws Exception {
    Outcome<Acknowledged> parked =
        driver(ScriptedFault.of(1, FaultType.DOUBLE_FEED)).parkAtContactless();

    Outcome.NotDone<Acknowledged> notDone = (Outcome.NotDone<Acknowledged>) parked;
    assertThat(notDone.condition()).isEqualTo(PrinterCondition.FEEDER);
    PrinterStatus after = notDone.status().orElseThrow();
    assertThat(after.picked()).isEqualTo(printer.config().pickedSinceManufacture() + 1);
    assertThat(after.position()).isEqualTo(CardPosition.NONE);
    // Cetak's status counts the reject box; the vendor's printers have no such counter, so the
    // extra card is for the station to find unexplained
    assertThat(after.rejectBox().count()).isEqualTo(dialect() == PrinterDialect.CETAK ? 1 : 0);
  }

  @Test
  void cover_opened_during_print_leaves_the_card_unprinted_inside() throws Exception {
    done(driver(ScriptedFault.of(1, FaultType.COVER_OPEN)).parkAtContactless());

    Outcome<Acknowledged> printed = driver.print(TestPanels.ymckoFrontKBack());

    Outcome.NotDone<Acknowledged> notDone = (Outcome.NotDone<Acknowledged>) printed;
    assertThat(notDone.condition()).isEqualTo(PrinterCondition.COVER_OPEN);
    assertThat(printer.status().cardsPrinted()).isZero();
  }

  @Test
  void lost_reply_to_a_park_is_settled_by_status_without_a_second_pick() throws Exception {
    Outcome<Acknowledged> parked =
        driver(new ScriptedFault(1, FaultType.NO_REPLY, "Sic")).parkAtContactless();

    assertThat(done(parked).confirmedBy()).isPresent();
    assertThat(done(driver.status()).position()).isEqualTo(CardPosition.CONTACTLESS);
    assertThat(printer.status().picked()).isEqualTo(printer.config().pickedSinceManufacture() + 1);
  }

  @Test
  void late_reply_is_never_taken_for_the_answer_to_a_later_request() throws Exception {
    Outcome<Acknowledged> parked =
        driver(new ScriptedFault(1, FaultType.LATE_REPLY, "Sic")).parkAtContactless();
    assertThat(done(parked).confirmedBy()).isPresent();

    // the held-back OK is on the wire, ahead of any later reply of the same session
    await("the late reply written")
        .atMost(OPTIONS.lateReply().multipliedBy(10))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> printer.lateRepliesSent() == 1);

    assertThat(done(driver.status()).position()).isEqualTo(CardPosition.CONTACTLESS);
    assertThat(done(driver.identify()).model()).isEqualTo("Primacy");
  }

  @Test
  void garbled_reply_to_the_final_eject_is_settled_by_the_printers_counters() throws Exception {
    done(driver(new ScriptedFault(1, FaultType.GARBLED_REPLY, "Se")).parkAtContactless());

    Outcome<Acknowledged> printed = driver.print(TestPanels.ymckoFrontKBack());

    assertThat(done(printed).confirmedBy()).isPresent();
    assertThat(done(driver.status()).hopper().count()).isEqualTo(1);
    assertThat(printer.status().cardsPrinted()).isEqualTo(1);
  }

  @Test
  void printer_reboot_on_eject_is_reported_not_done_with_the_card_still_inside() throws Exception {
    done(driver(new ScriptedFault(1, FaultType.REBOOT, "Se")).parkAtContactless());

    Outcome<Acknowledged> printed = driver.print(TestPanels.ymckoFrontKBack());

    Outcome.NotDone<Acknowledged> notDone = (Outcome.NotDone<Acknowledged>) printed;
    assertThat(notDone.condition()).isEqualTo(PrinterCondition.TIMED_OUT);
    assertThat(notDone.status().map(PrinterStatus::position)).contains(CardPosition.PRINT);
    assertThat(printer.status().cardsPrinted()).isZero();
  }

  @Test
  void printer_reboot_after_the_panels_is_not_ejected_as_a_printed_card() throws Exception {
    // the status asked just before Se finds the printer restarting: the panels are gone, and an
    // eject now would put a blank card in the hopper with an OK
    done(driver(new ScriptedFault(1, FaultType.REBOOT, statusRequest())).parkAtContactless());

    Outcome<Acknowledged> printed = driver.print(TestPanels.ymckoFrontKBack());

    assertThat(printed.done()).as("%s", printed).isFalse();
    assertThat(printer.truth().card("PRN-T", 1).orElseThrow().place())
        .as("the card is still at the print position")
        .isEqualTo(Place.PRINT);
    assertThat(printer.status().hopper()).isZero();
  }

  @Test
  void vanished_port_comes_back_and_the_park_is_confirmed_by_status() throws Exception {
    Outcome<Acknowledged> parked =
        driver(new ScriptedFault(1, FaultType.DISCONNECT, "Sic")).parkAtContactless();

    assertThat(done(parked).confirmedBy()).isPresent();
    assertThat(done(driver.status()).position()).isEqualTo(CardPosition.CONTACTLESS);
    assertThat(printer.status().picked()).isEqualTo(printer.config().pickedSinceManufacture() + 1);
  }

  @Test
  void clear_and_reset_are_acknowledged() throws Exception {
    assertThat(driver().clearError().done()).isTrue();
    assertThat(driver.reset().done()).isTrue();
    assertThat(done(driver.status()).state()).isEqualTo(PrinterState.READY);
  }

  @Test
  void overheated_head_refuses_to_print_as_a_value() throws Exception {
    done(driver(ScriptedFault.of(1, FaultType.OVERHEAT)).parkAtContactless());

    Outcome<Acknowledged> printed = driver.print(TestPanels.ymckoFrontKBack());

    assertThat(printed).isInstanceOf(Outcome.NotDone.class);
    assertThat(((Outcome.NotDone<Acknowledged>) printed).condition())
        .isEqualTo(PrinterCondition.HEAD_TEMP);
    assertThat(Optional.of(printer.status().cardsPrinted())).contains(0L);
  }
}
