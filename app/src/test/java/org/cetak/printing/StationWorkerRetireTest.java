package org.cetak.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cetak.drivers.printer.EncodedFaces;
import org.cetak.printing.FakePrinter.Fault;
import org.cetak.printing.device.CardPosition;
import org.cetak.printing.device.CardPrinter;
import org.cetak.printing.device.ChipOutcome;
import org.cetak.printing.device.ChipPayload;
import org.cetak.printing.device.ChipStation;
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
  private final Deque<Long> queue = new ArrayDeque<>();
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

  private final ChipStation chip =
      new ChipStation() {
        private int uid;

        @Override
        public ChipOutcome personalise(ChipPayload payload) {
          return new ChipOutcome.Written(String.format("04A1B2C3D4E5%02X", ++uid));
        }

        @Override
        public void close() {}
      };

  private final CardSupply supply =
      new CardSupply() {
        @Override
        public Optional<PreparedCard> next(PrinterRef printer) {
          Long id = queue.poll();
          return id == null ? Optional.empty() : Optional.of(prepare(id));
        }

        @Override
        public PreparedCard prepare(long requestId) {
          return new PreparedCard(
              requestId,
              null,
              new ChipPayload(new byte[1], new byte[1], new byte[1], new byte[1]),
              false);
        }

        @Override
        public void release(PrinterRef printer) {}
      };

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
