package org.cetak.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cetak.drivers.printer.EncodedFaces;
import org.cetak.printing.FakePrinter.Fault;
import org.cetak.printing.device.CardPosition;
import org.cetak.printing.device.CardPrinter;
import org.cetak.printing.device.StatusReading;
import org.cetak.printing.device.StepOutcome;
import org.junit.jupiter.api.Test;

/**
 * A worker told to stop between cards (its printer left or changed in a reloaded device file)
 * finishes the card in flight, even one that takes several steps (a spoiled card rejected at the
 * step after its print), and starts no other.
 */
class StationWorkerRetireTest {

  private final FakePrinter printer = new FakePrinter(10);
  private final InMemoryPrintRoom room = new InMemoryPrintRoom(10);
  private final CountDownLatch picking = new CountDownLatch(1);
  private final CountDownLatch goOn = new CountDownLatch(1);

  /** The fake printer, whose first pick waits for the test. */
  private final CardPrinter held =
      new CardPrinter() {
        private boolean first = true;

        @Override
        public StatusReading status() {
          return printer.status();
        }

        @Override
        public StepOutcome parkAtChipStation() {
          if (first) {
            first = false;
            picking.countDown();
            try {
              goOn.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return printer.parkAtChipStation();
        }

        @Override
        public StepOutcome printAndEject(EncodedFaces faces) {
          return printer.printAndEject(faces);
        }

        @Override
        public StepOutcome reject() {
          return printer.reject();
        }

        @Override
        public StepOutcome clearError() {
          return printer.clearError();
        }

        @Override
        public void close() {}
      };

  private final ScriptedChip chip = new ScriptedChip();

  private final QueuedSupply supply = new QueuedSupply();
  private final Deque<Long> queue = supply.queue;

  @Test
  void a_retiring_worker_finishes_the_card_in_flight_over_several_steps_and_starts_no_other()
      throws Exception {
    queue.add(101L);
    queue.add(102L);
    // the ribbon ends while the first card is printed: the spoiled card is still inside, and the
    // station rejects it at its next step
    printer.faults.add(Fault.NONE);
    printer.faults.add(Fault.RIBBON_END);
    StationWorker worker =
        new StationWorker(
            new PrintStation(
                InMemoryPrintRoom.PRINTER,
                held,
                chip,
                room.jobs,
                room.steps,
                supply,
                DutyCycle.none()),
            new PickCounterCheck(room.jobs),
            Duration.ofMillis(10),
            Duration.ofMillis(10));
    worker.start();
    assertThat(picking.await(10, TimeUnit.SECONDS)).as("the first pick was sent").isTrue();

    worker.stopBetweenCards();
    goOn.countDown();

    assertThat(worker.awaitStop(Duration.ofSeconds(10))).as("the worker ended").isTrue();
    assertThat(printer.position).as("a card left inside").isEqualTo(CardPosition.NONE);
    assertThat(printer.rejectBox).as("the spoiled card in the reject box").isEqualTo(1);
    assertThat(room.jobs.openJob(InMemoryPrintRoom.PRINTER.id())).as("a job left open").isEmpty();
    assertThat(room.spoiled()).isEqualTo(1);
    assertThat(room.requests).doesNotContainKey(102L);
  }
}
