package org.cetak.printing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.cetak.drivers.chip.pcsc.PcscChipEncoder;
import org.cetak.drivers.chip.pcsc.PcscReaders;
import org.cetak.drivers.testing.PcscStack;
import org.cetak.intake.RequestStatus;
import org.cetak.printing.device.ChipOutcome;
import org.cetak.printing.device.ChipPayload;
import org.cetak.printing.device.ChipStation;
import org.cetak.printing.device.driver.EncoderChipStation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A print station over the real PC/SC stack (pcscd, the vpcd reader, our virtual card): when the
 * PC/SC service goes away as the card reaches the chip station, the station pauses the printer for
 * {@link HaltCause#ENCODER_UNAVAILABLE}, marks no card printed and keeps the blank inside the
 * printer, parked at the chip station; once pcscd runs again and an operator resumes, the same card
 * is encoded and printed. The same when pcscd is killed between two writes of one encode, the card
 * holding its second write unanswered. Skipped (with the reason) when the PC/SC stack is not
 * installed or another pcscd owns {@code /run/pcscd}.
 */
class ReaderUnpluggedRealStackTest {

  private static final PrinterRef PRINTER = InMemoryPrintRoom.PRINTER;
  private static final String UID = "04C0FFEE00B001";

  private final FakePrinter printer = new FakePrinter(10);
  private final InMemoryPrintRoom room = new InMemoryPrintRoom(10);
  private PcscStack stack;

  private final QueuedSupply supply =
      new QueuedSupply(
          new ChipPayload(new byte[] {1}, new byte[] {2}, new byte[] {3}, new byte[] {4}));
  private final Deque<Long> queue = supply.queue;

  @AfterEach
  void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void pcscd_gone_at_the_chip_station_pauses_the_printer_keeps_the_card_and_resumes_after()
      throws Exception {
    stack = PcscStack.start();
    stack.insertCard(UID, "none");
    Logger pcscLog = (Logger) LoggerFactory.getLogger("org.cetak.drivers.chip.pcsc.JdkPcscContext");
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    pcscLog.addAppender(logged);
    EncoderChipStation encoder = encoder();
    boolean[] unplugged = {false};
    ChipStation chip =
        new ChipStation() {
          @Override
          public ChipOutcome personalise(ChipPayload payload) {
            if (!unplugged[0]) {
              unplugged[0] = true;
              killPcscd(); // the service dies under the reader as the card arrives
            }
            return encoder.personalise(payload);
          }

          @Override
          public void close() {
            encoder.close();
          }
        };
    PrintStation station = station(chip);
    queue.add(101L);

    InMemoryPrintRoom.runUntilHalted(station);

    assertPausedWithTheCardInside();
    pcscLog.detachAppender(logged);
    assertThat(logged.list)
        .as("the service's absence is logged in a line, without a stack trace")
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
    resumeAndAssertTheSameCardPrinted(station);
  }

  @Test
  void pcscd_killed_between_two_writes_of_one_encode_pauses_the_printer_and_resumes_after()
      throws Exception {
    stack = PcscStack.start();
    stack.insertCard(UID, "hold-at:2");
    PrintStation station = station(encoder());
    queue.add(101L);
    CompletableFuture<Void> killer =
        CompletableFuture.runAsync(
            () -> {
              try {
                stack
                    .awaitHeldWrite(); // the first file is written, the second waits for its answer
                stack.killDaemon();
                stack.releaseHeldWrite();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    InMemoryPrintRoom.runUntilHalted(station);
    killer.get(30, TimeUnit.SECONDS);

    assertPausedWithTheCardInside();
    stack.removeCard(); // its link went with the daemon: the same chip is presented anew
    resumeAndAssertTheSameCardPrinted(station);
  }

  private EncoderChipStation encoder() {
    return new EncoderChipStation(
        new PcscChipEncoder(
            PcscReaders.ofThisMachine(), Pattern.compile(Pattern.quote(PcscStack.READER))),
        Duration.ofSeconds(2));
  }

  private PrintStation station(ChipStation chip) {
    return new PrintStation(
        PRINTER, printer, chip, room.jobs, room.steps, supply, DutyCycle.none());
  }

  private void assertPausedWithTheCardInside() {
    assertThat(room.state().mode()).isEqualTo(PrinterMode.PAUSED);
    assertThat(room.state().cause()).contains(HaltCause.ENCODER_UNAVAILABLE);
    assertThat(room.state().reason()).startsWith("SERVICE_DOWN");
    assertThat(room.requests).containsEntry(101L, RequestStatus.PRINTING);
    assertThat(room.printed()).as("no card printed").isZero();
    assertThat(room.spoiled()).as("a good card is not spoiled for a missing reader").isZero();
    assertThat(room.inside()).as("the blank parked at the chip station").isEqualTo(1);
    assertThat(printer.hopper).isZero();
    assertThat(room.jobs.jobs.get(1L).stage()).isEqualTo(Stage.ENCODING);
    room.assertMatches(printer);
  }

  private void resumeAndAssertTheSameCardPrinted(PrintStation station) throws Exception {
    stack.startDaemon();
    stack.insertCard(UID, "none");
    room.jobs.setState(PRINTER.id(), PrinterMode.RUNNING, "resumed by budi");
    InMemoryPrintRoom.runUntilHalted(station);

    assertThat(room.requests).as(stack.daemonLog()).containsEntry(101L, RequestStatus.PRINTED);
    assertThat(room.jobs.jobs.get(1L).chipUid()).contains(UID);
    assertThat(room.printed()).isEqualTo(1);
    assertThat(room.inside()).isZero();
    assertThat(room.jobs.jobs).as("the same card, no second blank").hasSize(1);
    room.assertMatches(printer);
  }

  /** Ends the pcscd this test's stack started, leaving the card process to lose its reader. */
  private static void killPcscd() {
    ProcessHandle.current()
        .children()
        .filter(p -> p.info().command().map(c -> c.endsWith("/pcscd")).orElse(false))
        .forEach(
            p -> {
              p.destroy();
              p.onExit().join();
            });
  }
}
