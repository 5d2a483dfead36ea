package org.cetak.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.cetak.intake.RequestStatus;
import org.cetak.printing.FakePrinter.Fault;
import org.cetak.printing.device.ChipOutcome;
import org.cetak.printing.device.ChipOutcome.ChipFailure;
import org.cetak.support.MutableClock;
import org.junit.jupiter.api.Test;

class PrintStationTest {

  private static final PrinterRef PRINTER = InMemoryPrintRoom.PRINTER;

  private final FakePrinter printer = new FakePrinter(10);
  private final InMemoryPrintRoom room = new InMemoryPrintRoom(10);

  private final ScriptedChip chip = new ScriptedChip();

  private final QueuedSupply supply = new QueuedSupply();
  private final Deque<Long> queue = supply.queue;
  private final Deque<ChipOutcome> chipResults = chip.results;

  private PrintStation station() {
    return new PrintStation(
        PRINTER, printer, chip, room.jobs, room.steps, supply, DutyCycle.none());
  }

  @Test
  void card_is_printed_and_its_blank_moves_feeder_inside_printed() {
    queue.add(101L);
    InMemoryPrintRoom.runUntilHalted(station());

    assertThat(room.requests).containsEntry(101L, RequestStatus.PRINTED);
    assertThat(room.printed()).isEqualTo(1);
    assertThat(room.feeder()).isEqualTo(9);
    assertThat(room.inside()).isZero();
    room.assertMatches(printer);
  }

  @Test
  void a_pause_from_another_console_between_two_cards_stops_the_next_card_before_its_pick() {
    PrintStation station = station();
    queue.add(101L);
    assertThat(station.tick()).isEqualTo(PrintStation.Tick.BUSY); // card 101 printed
    assertThat(room.requests).containsEntry(101L, RequestStatus.PRINTED);

    room.jobs.setState(PRINTER.id(), PrinterMode.PAUSED, "paused by an operator on another node");
    queue.add(102L);
    assertThat(station.tick()).isEqualTo(PrintStation.Tick.HALTED);
    assertThat(station.tick()).isEqualTo(PrintStation.Tick.HALTED);

    assertThat(room.requests).doesNotContainKey(102L);
    assertThat(room.jobs.jobs).hasSize(1);
    assertThat(printer.feeder).isEqualTo(9);
    room.assertMatches(printer);
  }

  @Test
  void mute_chip_spoils_the_card_with_its_uid_and_requeues_the_request() {
    queue.add(101L);
    chipResults.add(
        new ChipOutcome.Failed(ChipFailure.MUTE_CHIP, Optional.of("04FFEEDDCCBBAA"), "no ATR"));
    InMemoryPrintRoom.runUntilHalted(station());

    assertThat(room.requests).containsEntry(101L, RequestStatus.FAILED_REQUEUED);
    assertThat(room.spoiled()).isEqualTo(1);
    PrintJob job = room.jobs.jobs.get(1L);
    assertThat(job.stage()).isEqualTo(Stage.SPOILED);
    assertThat(job.chipUid()).contains("04FFEEDDCCBBAA");
    assertThat(job.rejectCause()).contains(SpoilCause.ENCODE_FAIL);
    room.assertMatches(printer);
  }

  @Test
  void lost_reply_to_print_is_settled_as_printed_from_the_hopper_counter() {
    queue.add(101L);
    printer.faults.add(Fault.NONE); // pick is fine
    printer.faults.add(Fault.LOST_REPLY); // print happens, reply lost
    InMemoryPrintRoom.runUntilHalted(station());

    assertThat(room.requests).containsEntry(101L, RequestStatus.PRINTED);
    assertThat(printer.printed).isEqualTo(1);
    room.assertMatches(printer);
  }

  @Test
  void timeout_with_nothing_moved_sends_the_pick_again_only_after_checking() {
    queue.add(101L);
    printer.faults.add(Fault.NO_REPLY);
    InMemoryPrintRoom.runUntilHalted(station());

    assertThat(printer.picked).isEqualTo(1);
    assertThat(room.requests).containsEntry(101L, RequestStatus.PRINTED);
    room.assertMatches(printer);
  }

  @Test
  void a_printer_busy_at_the_pick_keeps_running_and_the_card_is_picked_when_it_is_free() {
    queue.add(101L);
    printer.faults.add(Fault.BUSY);
    PrintStation station = station();
    assertThat(station.tick()).isEqualTo(PrintStation.Tick.HALTED);

    assertThat(room.state().mode()).isEqualTo(PrinterMode.RUNNING);
    assertThat(printer.picked).isZero();
    queue.add(101L); // still reserved: the supply offers it again
    InMemoryPrintRoom.runUntilHalted(station);

    assertThat(room.requests).containsEntry(101L, RequestStatus.PRINTED);
    assertThat(printer.picked).isEqualTo(1);
    assertThat(room.state().mode()).isEqualTo(PrinterMode.RUNNING);
    room.assertMatches(printer);
  }

  @Test
  void a_printer_busy_at_the_print_keeps_the_card_and_prints_it_when_it_is_free() {
    queue.add(101L);
    printer.faults.add(Fault.NONE); // pick is fine
    printer.faults.add(Fault.BUSY); // the print is refused, the card untouched inside
    PrintStation station = station();
    InMemoryPrintRoom.runUntilHalted(station);

    assertThat(room.state().mode()).isEqualTo(PrinterMode.RUNNING);
    assertThat(room.inside()).isEqualTo(1);
    InMemoryPrintRoom.runUntilHalted(station);

    assertThat(room.requests).containsEntry(101L, RequestStatus.PRINTED);
    assertThat(printer.picked).isEqualTo(1);
    assertThat(room.spoiled()).isZero();
    room.assertMatches(printer);
  }

  /** Request 101's printer vanishes right after the print command: its card's fate is unknown. */
  private PrintStation portGoneWhilePrinting() {
    queue.add(101L);
    printer.faults.add(Fault.NONE);
    printer.faults.add(Fault.PORT_GONE);
    PrintStation station = station();
    InMemoryPrintRoom.runUntilHalted(station);
    assertThat(room.state().mode()).isEqualTo(PrinterMode.QUARANTINED);
    return station;
  }

  @Test
  void port_gone_during_print_quarantines_then_evidence_settles_it_on_reconnect() {
    PrintStation station = portGoneWhilePrinting();

    assertThat(room.requests).containsEntry(101L, RequestStatus.OUTCOME_UNKNOWN);
    assertThat(room.unknown()).isEqualTo(1);

    printer.reconnect();
    InMemoryPrintRoom.runUntilHalted(station);

    assertThat(room.unknown()).isZero();
    assertThat(room.requests).containsEntry(101L, RequestStatus.PRINTED);
    assertThat(room.state().mode()).isEqualTo(PrinterMode.RUNNING);
    room.assertMatches(printer);
  }

  @Test
  void a_resume_cannot_run_a_printer_whose_card_is_unknown() {
    PrintStation station = portGoneWhilePrinting();

    room.jobs.setState(PRINTER.id(), PrinterMode.RUNNING, "resumed by an operator");
    queue.add(102L);
    assertThat(station.tick()).isEqualTo(PrintStation.Tick.HALTED);

    assertThat(room.state().mode()).isEqualTo(PrinterMode.QUARANTINED);
    assertThat(room.state().cause()).contains(HaltCause.CARD_STILL_UNKNOWN);
    assertThat(room.unknown()).isEqualTo(1);
    assertThat(room.requests).doesNotContainKey(102L);

    printer.reconnect();
    InMemoryPrintRoom.runUntilHalted(station);
    assertThat(room.unknown()).isZero();
    room.assertMatches(printer);
  }

  @Test
  void a_card_an_operator_settles_while_the_station_asks_the_printer_is_not_quarantined_again() {
    PrintStation station = portGoneWhilePrinting();
    PrintJob unknown = room.jobs.openJob(PRINTER.id()).orElseThrow();
    printer.meanwhile =
        () -> {
          room.steps.settle(
              new Transition(
                  unknown.holding(CardHeld.NONE).at(Stage.LOST, Optional.empty(), "operator"),
                  List.of(),
                  RequestChange.REQUEUED,
                  "settled by operator: NOWHERE"));
          room.jobs.setState(PRINTER.id(), PrinterMode.PAUSED, "settled by operator");
        };

    station.tick();

    assertThat(room.jobs.openJob(PRINTER.id())).isEmpty();
    assertThat(room.state().mode()).isEqualTo(PrinterMode.PAUSED);
    assertThat(room.requests).containsEntry(101L, RequestStatus.FAILED_REQUEUED);
  }

  @Test
  void double_feed_spoils_the_extra_blank_and_prints_the_parked_one() {
    queue.add(101L);
    printer.faults.add(Fault.DOUBLE_FEED);
    InMemoryPrintRoom.runUntilHalted(station());

    assertThat(room.spoiled()).isEqualTo(1);
    assertThat(room.printed()).isEqualTo(1);
    assertThat(room.requests).containsEntry(101L, RequestStatus.PRINTED);
    room.assertMatches(printer);
  }

  @Test
  void empty_feeder_pauses_the_printer_and_keeps_the_request_queued() {
    printer.feeder = 0;
    queue.add(101L);
    PrintStation station = station();
    InMemoryPrintRoom.runUntilHalted(station);

    assertThat(room.state().mode()).isEqualTo(PrinterMode.PAUSED);
    assertThat(room.state().reason()).contains("feeder empty");
    assertThat(room.jobs.jobs).isEmpty();
  }

  @Test
  void ribbon_end_spoils_the_card_being_printed_and_pauses() {
    queue.add(101L);
    printer.faults.add(Fault.NONE);
    printer.faults.add(Fault.RIBBON_END);
    InMemoryPrintRoom.runUntilHalted(station());

    assertThat(room.requests).containsEntry(101L, RequestStatus.FAILED_REQUEUED);
    assertThat(room.spoiled()).isEqualTo(1);
    assertThat(room.state().mode()).isEqualTo(PrinterMode.PAUSED);
    assertThat(room.state().reason()).contains("ribbon");
    room.assertMatches(printer);
  }

  @Test
  void jam_while_printing_pauses_and_the_freed_card_is_rejected_on_resume() {
    queue.add(101L);
    printer.faults.add(Fault.NONE);
    printer.faults.add(Fault.JAM);
    PrintStation station = station();
    InMemoryPrintRoom.runUntilHalted(station);
    assertThat(room.state().mode()).isEqualTo(PrinterMode.PAUSED);
    assertThat(room.inside()).isEqualTo(1);

    printer.clearJam();
    room.jobs.setState(1, PrinterMode.RUNNING, "operator resumed");
    InMemoryPrintRoom.runUntilHalted(station);

    assertThat(room.requests).containsEntry(101L, RequestStatus.FAILED_REQUEUED);
    assertThat(room.spoiled()).isEqualTo(1);
    room.assertMatches(printer);
  }

  @Test
  void restart_after_a_pick_that_happened_continues_without_picking_again() {
    queue.add(101L);
    printer.faults.add(Fault.PORT_GONE); // pick happens, then the host loses the printer
    InMemoryPrintRoom.runUntilHalted(station());
    assertThat(room.unknown()).isEqualTo(1);

    printer.reconnect();
    InMemoryPrintRoom.runUntilHalted(station()); // a new station object: as after a JVM restart

    assertThat(printer.picked).isEqualTo(1);
    assertThat(room.requests).containsEntry(101L, RequestStatus.PRINTED);
    room.assertMatches(printer);
  }

  @Test
  void duty_cycle_rests_the_printer_and_lets_it_go_on_when_the_window_has_passed() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T01:00:00Z"));
    PrintStation station =
        new PrintStation(
            PRINTER,
            printer,
            chip,
            room.jobs,
            room.steps,
            supply,
            Optional.of(new DutyCycle(2, Duration.ofHours(1), clock)));
    queue.addAll(List.of(1L, 2L, 3L));
    InMemoryPrintRoom.runUntilHalted(station);

    assertThat(room.printed()).isEqualTo(2);
    assertThat(room.state().mode()).isEqualTo(PrinterMode.COOLING);
    assertThat(room.state().reason()).contains("duty cycle");

    clock.advance(Duration.ofMinutes(61));
    InMemoryPrintRoom.runUntilHalted(station);
    assertThat(room.printed()).isEqualTo(3);
    room.assertMatches(printer);
  }

  @Test
  void many_cards_with_a_fault_each_leave_every_blank_accounted_for() {
    for (long r = 1; r <= 8; r++) {
      queue.add(r);
    }
    printer.faults.addAll(
        java.util.List.of(Fault.LOST_REPLY, Fault.LOST_REPLY, Fault.DOUBLE_FEED, Fault.NO_REPLY));
    chipResults.add(new ChipOutcome.Written("04000000000001"));
    chipResults.add(
        new ChipOutcome.Failed(ChipFailure.WRITE_REFUSED, Optional.of("04000000000002"), "65 81"));
    PrintStation station = station();
    InMemoryPrintRoom.runUntilHalted(station);

    room.assertMatches(printer);
    assertThat(room.inside()).isZero();
    assertThat(room.unknown()).isZero();
  }
}
