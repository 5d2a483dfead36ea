package org.cetak.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Deque;
import java.util.Optional;
import org.cetak.printing.FakePrinter.Fault;
import org.cetak.printing.device.ChipOutcome;
import org.cetak.printing.device.ChipOutcome.ChipFailure;
import org.cetak.printing.device.PrinterSnapshot;
import org.cetak.printing.device.StatusReading;
import org.junit.jupiter.api.Test;

/**
 * The check a station makes when it takes up a printer: the printer's pick counter against the one
 * its jobs recorded, through the real station and step recorder, faults included.
 */
class PickCounterCheckTest {

  private static final PrinterRef PRINTER = InMemoryPrintRoom.PRINTER;

  private final FakePrinter printer = new FakePrinter(10);
  private final InMemoryPrintRoom room = new InMemoryPrintRoom(10);
  private final PickCounterCheck check = new PickCounterCheck(room.jobs);

  private final ScriptedChip chip = new ScriptedChip();

  private final QueuedSupply supply = new QueuedSupply();
  private final Deque<Long> queue = supply.queue;
  private final Deque<ChipOutcome> chipResults = chip.results;

  private final PrintStation station =
      new PrintStation(PRINTER, printer, chip, room.jobs, room.steps, supply, DutyCycle.none());

  private void printAll() {
    for (int i = 0; i < 100 && station.tick() == PrintStation.Tick.BUSY; i++) {
      // until the queue is empty or the printer halts
    }
  }

  private PrinterSnapshot now() {
    return ((StatusReading.Read) printer.status()).snapshot();
  }

  @Test
  void a_printer_never_printed_by_this_database_is_driven() {
    printer.picked = 7_000;

    assertThat(check.admits(PRINTER, now())).isTrue();
    assertThat(room.jobs.state(PRINTER.id()).mode()).isEqualTo(PrinterMode.RUNNING);
  }

  @Test
  void counters_that_match_the_jobs_after_prints_spoils_and_a_double_feed_admit_the_printer() {
    printer.picked = 5_000;
    queue.add(101L);
    queue.add(102L);
    queue.add(103L);
    chipResults.add(new ChipOutcome.Written("04000000000001"));
    chipResults.add(
        new ChipOutcome.Failed(ChipFailure.MUTE_CHIP, Optional.of("04FFEEDDCCBBAA"), "no ATR"));
    printer.faults.add(Fault.NONE);
    printer.faults.add(Fault.NONE);
    printer.faults.add(Fault.NONE);
    printer.faults.add(Fault.NONE);
    printer.faults.add(Fault.DOUBLE_FEED);
    printAll();
    assertThat(printer.picked).as("blanks picked").isGreaterThanOrEqualTo(5_003);

    assertThat(room.jobs.expectedPicked(PRINTER.id())).hasValue(printer.picked);
    assertThat(check.admits(PRINTER, now())).isTrue();
    assertThat(room.jobs.state(PRINTER.id()).mode()).isEqualTo(PrinterMode.RUNNING);
  }

  @Test
  void a_printer_that_picked_cards_its_jobs_do_not_know_of_is_quarantined_and_not_driven() {
    printer.picked = 5_000;
    queue.add(101L);
    printAll();
    // what a restored backup looks like from the station: the printer printed on after it
    printer.picked += 2;
    printer.feeder -= 2;
    printer.hopper += 2;

    assertThat(check.admits(PRINTER, now())).isFalse();

    PrinterState state = room.jobs.state(PRINTER.id());
    assertThat(state.mode()).isEqualTo(PrinterMode.QUARANTINED);
    assertThat(state.cause()).contains(HaltCause.PICK_COUNTER_AHEAD);
    assertThat(state.reason()).isEqualTo("pick counter 5003, recorded by the print jobs 5001");
    queue.add(102L);
    assertThat(station.tick()).isEqualTo(PrintStation.Tick.HALTED);
    assertThat(printer.picked).as("nothing picked while held").isEqualTo(5_003);
    assertThat(room.requests).doesNotContainKey(102L);
  }

  @Test
  void an_open_job_is_left_to_its_steps_baseline() {
    printer.picked = 5_000;
    queue.add(101L);
    printer.faults.add(Fault.PORT_GONE); // the pick happens, its reply and the port are lost
    printAll();
    assertThat(room.jobs.openJob(PRINTER.id())).isPresent();
    printer.reconnect();
    printer.picked += 3;

    assertThat(check.admits(PRINTER, now())).isTrue();
    assertThat(room.jobs.state(PRINTER.id()).cause())
        .isNotEqualTo(Optional.of(HaltCause.PICK_COUNTER_AHEAD));
  }
}
