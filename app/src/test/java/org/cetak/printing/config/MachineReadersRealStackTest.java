package org.cetak.printing.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Pattern;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.cetak.drivers.chip.ChipOutcome;
import org.cetak.drivers.chip.ChipUid;
import org.cetak.drivers.chip.pcsc.PcscChipEncoder;
import org.cetak.drivers.testing.PcscStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's own PC/SC readers ({@link StationConfiguration#terminalFactory()}) on the real
 * stack: made while pcscd is stopped, as when the server starts before the PC/SC service, they find
 * the vpcd reader and read a card once pcscd runs, and again after pcscd restarts, without a
 * restart of the server. Skipped (with the reason) when the PC/SC stack is not installed or another
 * pcscd owns {@code /run/pcscd}.
 */
class MachineReadersRealStackTest {

  private static final Duration WAIT = Duration.ofSeconds(2);

  private static PcscStack stack;

  @BeforeAll
  static void startStack() throws Exception {
    stack = PcscStack.start();
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void readers_made_before_pcscd_runs_find_the_reader_and_read_a_card_once_it_runs()
      throws Exception {
    stack.stopDaemon();
    TerminalFactory readers = new StationConfiguration().terminalFactory();
    PcscChipEncoder encoder =
        new PcscChipEncoder(readers, Pattern.compile(Pattern.quote(PcscStack.READER)));

    ChipOutcome<ChipUid> beforePcscd = encoder.readUid(WAIT);

    stack.startDaemon();
    stack.insertCard("04C0FFEE00A001", "none");

    await("the reader is found")
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(readers.terminals().list())
                    .extracting(CardTerminal::getName)
                    .contains(PcscStack.READER));
    assertThat(encoder.readUid(WAIT))
        .as(stack.daemonLog())
        .isEqualTo(new ChipOutcome.Done<>(ChipUid.ofHex("04C0FFEE00A001")));
    assertThat(beforePcscd)
        .as("a stopped pcscd is told apart from a missing reader")
        .isInstanceOf(ChipOutcome.ServiceUnavailable.class);
    assertThat(readers.getType()).isEqualTo("PC/SC");

    stack.stopDaemon();
    assertThat(encoder.readUid(WAIT)).isInstanceOf(ChipOutcome.ServiceUnavailable.class);
    stack.startDaemon();
    stack.insertCard("04C0FFEE00A002", "none");

    await("the card is read after pcscd restarted")
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                encoder
                    .readUid(WAIT)
                    .equals(new ChipOutcome.Done<>(ChipUid.ofHex("04C0FFEE00A002"))));
  }
}
