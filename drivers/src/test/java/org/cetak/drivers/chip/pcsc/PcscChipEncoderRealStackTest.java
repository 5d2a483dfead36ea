package org.cetak.drivers.chip.pcsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.smartcardio.TerminalFactory;
import org.cetak.drivers.chip.ChipEncoder;
import org.cetak.drivers.chip.ChipOutcome;
import org.cetak.drivers.chip.ChipUid;
import org.cetak.drivers.chip.Personalised;
import org.cetak.drivers.chip.ReaderState;
import org.cetak.drivers.chip.ResponseApdu;
import org.cetak.drivers.chip.TestPayloads;
import org.cetak.drivers.testing.PcscStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The PC/SC encoder against the real stack: pcscd, the vsmartcard vpcd reader driver and our Python
 * card personality, each failure produced on purpose by a fault mode of the card or by stopping
 * pcscd.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PcscChipEncoderRealStackTest {

  private static final Duration WAIT = Duration.ofSeconds(3);

  private static PcscStack stack;
  private static ChipEncoder encoder;

  @BeforeAll
  static void startStack() throws Exception {
    stack = PcscStack.start();
    encoder =
        new PcscChipEncoder(
            TerminalFactory.getInstance("PC/SC", null),
            Pattern.compile(Pattern.quote(PcscStack.READER)));
  }

  @AfterAll
  static void stopStack() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void reads_a_seven_byte_uid() throws Exception {
    stack.insertCard("04A1B2C3D4E5F6", "none");

    assertThat(encoder.readUid(WAIT))
        .isEqualTo(new ChipOutcome.Done<>(ChipUid.ofHex("04A1B2C3D4E5F6")));
  }

  @Test
  @Order(2)
  void reads_four_and_ten_byte_uids() throws Exception {
    stack.insertCard("1A2B3C4D", "none");
    assertThat(encoder.readUid(WAIT)).isEqualTo(new ChipOutcome.Done<>(ChipUid.ofHex("1A2B3C4D")));

    stack.insertCard("0401020304050607080A", "none");
    assertThat(encoder.readUid(WAIT))
        .isEqualTo(new ChipOutcome.Done<>(ChipUid.ofHex("0401020304050607080A")));

    stack.removeCard();
    assertThat(stack.cardTemporaryFiles()).as("what the cards left in their TMPDIR").isEmpty();
  }

  @Test
  @Order(3)
  void personalises_verifies_and_locks_then_refuses_a_second_write() throws Exception {
    stack.insertCard("04C0FFEE000001", "none");

    ChipOutcome<Personalised> first = encoder.personalise(TestPayloads.synthetic(1), WAIT);
    ChipOutcome<Personalised> second = encoder.personalise(TestPayloads.synthetic(2), WAIT);

    assertThat(first).isInstanceOf(ChipOutcome.Done.class);
    assertThat(((ChipOutcome.Done<Personalised>) first).value().fileSha256()).hasSize(5);
    assertThat(second).isInstanceOf(ChipOutcome.WriteRefused.class);
    assertThat(((ChipOutcome.WriteRefused<Personalised>) second).statusWord())
        .isEqualTo(ResponseApdu.LOCKED);
  }

  @Test
  @Order(4)
  void memory_failure_is_a_refused_write() throws Exception {
    stack.insertCard("04C0FFEE000002", "refuse-write");

    ChipOutcome<Personalised> outcome = encoder.personalise(TestPayloads.synthetic(3), WAIT);

    assertThat(outcome).isInstanceOf(ChipOutcome.WriteRefused.class);
    assertThat(((ChipOutcome.WriteRefused<Personalised>) outcome).statusWord())
        .isEqualTo(ResponseApdu.MEMORY_FAILURE);
  }

  @Test
  @Order(5)
  void a_corrupted_read_back_is_a_verify_mismatch() throws Exception {
    stack.insertCard("04C0FFEE000003", "corrupt-readback");

    ChipOutcome<Personalised> outcome = encoder.personalise(TestPayloads.synthetic(4), WAIT);

    assertThat(outcome).isInstanceOf(ChipOutcome.VerifyMismatch.class);
  }

  @Test
  @Order(6)
  void card_leaving_between_writes_is_card_removed() throws Exception {
    stack.insertCard("04C0FFEE000004", "vanish-after:3");

    ChipOutcome<Personalised> outcome = encoder.personalise(TestPayloads.synthetic(5), WAIT);

    assertThat(outcome).as("%s", outcome).isInstanceOf(ChipOutcome.CardRemoved.class);
    assertThat(((ChipOutcome.CardRemoved<Personalised>) outcome).uid())
        .contains(ChipUid.ofHex("04C0FFEE000004"));
    restartDaemonAfterVanishedCard();
  }

  /**
   * After a card vanishes during a transaction of a JVM client, vpcd accepts no new card (no "Card
   * Removed", no "Card inserted" for at least 10 s; with pcsc-tools' scriptor as the client it
   * recovers at once). A restarted pcscd does; the encoder picks up the new daemon by itself.
   */
  private static void restartDaemonAfterVanishedCard() throws Exception {
    stack.stopDaemon();
    stack.startDaemon();
  }

  @Test
  @Order(7)
  void card_leaving_in_the_middle_of_an_apdu_is_card_removed() throws Exception {
    stack.insertCard("04C0FFEE000005", "vanish-mid-apdu:3");

    ChipOutcome<Personalised> outcome = encoder.personalise(TestPayloads.synthetic(6), WAIT);

    assertThat(outcome).as("%s", outcome).isInstanceOf(ChipOutcome.CardRemoved.class);
    restartDaemonAfterVanishedCard();
  }

  @Test
  @Order(8)
  void pcscd_killed_while_a_write_waits_for_its_answer_is_the_service_gone_not_the_card()
      throws Exception {
    stack.insertCard("04C0FFEE00000A", "hold-at:2");
    CompletableFuture<ChipOutcome<Personalised>> encoding =
        CompletableFuture.supplyAsync(() -> encoder.personalise(TestPayloads.synthetic(8), WAIT));
    stack.awaitHeldWrite();

    stack.killDaemon();
    stack.releaseHeldWrite();
    ChipOutcome<Personalised> outcome = encoding.get(30, TimeUnit.SECONDS);
    // the card's process held a link to the dead daemon's vpcd: the same chip is presented anew
    stack.removeCard();
    stack.startDaemon();
    stack.insertCard("04C0FFEE00000A", "none");
    ChipOutcome<Personalised> again = encoder.personalise(TestPayloads.synthetic(8), WAIT);

    assertThat(outcome).as("%s", outcome).isInstanceOf(ChipOutcome.ServiceUnavailable.class);
    assertThat(again).as("%s", again).isInstanceOf(ChipOutcome.Done.class);
  }

  @Test
  @Order(9)
  void a_mute_chip_is_reported_as_mute() throws Exception {
    stack.insertCard("04C0FFEE000006", "mute");

    ChipOutcome<ChipUid> outcome = encoder.readUid(Duration.ofMillis(1500));

    assertThat(outcome)
        .as("%s\n%s", outcome, stack.daemonLog())
        .isInstanceOf(ChipOutcome.MuteChip.class);
  }

  @Test
  @Order(10)
  void an_empty_field_is_no_card_after_the_wait() throws Exception {
    stack.removeCard();

    // pcscd notices the card has gone a moment later; until then the reader still holds it
    await("the reader reports no card")
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(encoder.readUid(Duration.ofMillis(500)))
                    .isEqualTo(new ChipOutcome.NoCard<>(PcscStack.READER, Duration.ofMillis(500))));
  }

  @Test
  @Order(11)
  void a_reader_name_that_matches_nothing_is_no_reader() {
    ChipEncoder elsewhere = new PcscChipEncoder(pcscFactory(), Pattern.compile("OMNIKEY 5427"));

    ChipOutcome<ChipUid> outcome = elsewhere.readUid(WAIT);

    assertThat(outcome).isInstanceOf(ChipOutcome.NoReader.class);
    assertThat(((ChipOutcome.NoReader<ChipUid>) outcome).readers()).contains(PcscStack.READER);
  }

  @Test
  @Order(12)
  void recovers_after_pcscd_stops_and_starts_again() throws Exception {
    stack.insertCard("04C0FFEE000007", "none");
    assertThat(encoder.readUid(WAIT).done()).isTrue();

    stack.stopDaemon();
    ChipOutcome<ChipUid> whileDown = encoder.readUid(WAIT);
    stack.startDaemon();
    stack.insertCard("04C0FFEE000008", "none");
    ChipOutcome<Personalised> afterRestart = encoder.personalise(TestPayloads.synthetic(7), WAIT);

    assertThat(whileDown).as("%s", whileDown).isInstanceOf(ChipOutcome.ServiceUnavailable.class);
    assertThat(afterRestart).as("%s", afterRestart).isInstanceOf(ChipOutcome.Done.class);
  }

  @Test
  @Order(13)
  void the_reader_state_shows_pcscd_stopped_and_then_the_reader_back_with_its_card()
      throws Exception {
    stack.stopDaemon();
    ReaderState whileDown = encoder.readerState();
    stack.startDaemon();
    stack.insertCard("04C0FFEE000009", "none");

    assertThat(whileDown).isInstanceOf(ReaderState.ServiceDown.class);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> encoder.readerState() instanceof ReaderState.Ready r && r.cardPresent());
  }

  private static TerminalFactory pcscFactory() {
    try {
      return TerminalFactory.getInstance("PC/SC", null);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
