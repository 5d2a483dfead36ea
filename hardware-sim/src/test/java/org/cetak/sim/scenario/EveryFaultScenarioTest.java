package org.cetak.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import org.cetak.sim.RawHost;
import org.cetak.sim.card.CardSnapshot;
import org.cetak.sim.card.Condition;
import org.cetak.sim.card.Place;
import org.cetak.sim.fault.FaultEvent;
import org.cetak.sim.fault.FaultType;
import org.cetak.sim.link.InMemoryPort;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.time.VirtualTimeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bundled every-fault scenario: PRN-1 meets each fault at its own card, driven with raw
 * protocol bytes. Each test drives the cards before its fault as the scenario does (they are its
 * set-up), then checks what its own fault answers and where the ground truth says its card went.
 */
class EveryFaultScenarioTest {

  private SimulatedRoom room;
  private SimulatedPrinter printer;
  private InMemoryPort port;
  private RawHost host;
  private CardTerminal reader;

  /** A step of the scenario: the cards of one fault, in the scenario's order. */
  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }

  private final List<Step> scenario =
      List.of(
          this::cleanCard,
          this::feederEmpty,
          this::pickFailure,
          this::doubleFeed,
          this::jamAtPick,
          this::jamAtPrint,
          this::jamAtEject,
          this::coverOpen,
          this::ribbonEnds,
          this::rejectBoxFull,
          this::hopperFull,
          this::overheat,
          this::overheatMelt,
          this::garbledReply,
          this::noReply,
          this::lateReply,
          this::disconnect,
          this::reboot,
          this::muteChip,
          this::chipRemovedMidWrite,
          this::chipWriteFailure,
          this::slowChip);

  @BeforeEach
  void start() throws Exception {
    room = SimulatedRoom.build(ScenarioLoader.loadBundled("every-fault.yaml"));
    printer = room.printer("PRN-1");
    reconnect();
    reader = room.terminalFactory().terminals().getTerminal("Cetak Sim Reader PRN-1");
  }

  @AfterEach
  void stop() {
    port.close();
    room.close();
  }

  private void reconnect() {
    port = room.connect("PRN-1");
    host = new RawHost(port.output(), port.input());
  }

  /** Runs the scenario's steps before {@code step}, then {@code step} itself. */
  private void runThrough(Step step) throws Exception {
    for (Step s : scenario) {
      s.run();
      if (s == step) {
        return;
      }
    }
  }

  private String card(int number) {
    CardSnapshot c = room.truth().card("PRN-1", number).orElseThrow();
    return c.place() + " " + c.condition();
  }

  @Test
  void a_clean_card_is_printed() throws Exception {
    runThrough(scenario.get(0));

    assertThat(card(1)).isEqualTo("HOPPER PRINTED");
  }

  @Test
  void an_empty_feeder_picks_nothing_and_refuses_until_cleared() throws Exception {
    runThrough(scenario.get(1));

    assertThat(card(2)).as("printed after Scs").isEqualTo("HOPPER PRINTED");
  }

  @Test
  void a_failed_pick_leaves_the_card_in_the_feeder_for_the_retry() throws Exception {
    runThrough(scenario.get(2));

    assertThat(card(3)).isEqualTo("HOPPER PRINTED");
  }

  @Test
  void a_double_feed_rejects_one_blank_card_and_the_retry_prints_the_next() throws Exception {
    runThrough(scenario.get(3));

    assertThat(card(4)).isEqualTo("REJECT_BOX BLANK");
    assertThat(card(5)).isEqualTo("HOPPER PRINTED");
  }

  @Test
  void a_jam_at_the_pick_holds_a_blank_card_until_the_operator_takes_it() throws Exception {
    runThrough(scenario.get(4));

    assertThat(card(6)).isEqualTo("REMOVED_BY_OPERATOR BLANK");
  }

  @Test
  void a_jam_while_printing_leaves_a_partly_printed_card() throws Exception {
    runThrough(scenario.get(5));

    assertThat(card(7)).isEqualTo("REMOVED_BY_OPERATOR PARTLY_PRINTED");
  }

  @Test
  void a_jam_at_the_eject_holds_a_printed_card() throws Exception {
    runThrough(scenario.get(6));

    assertThat(card(8)).isEqualTo("REMOVED_BY_OPERATOR PRINTED");
  }

  @Test
  void an_open_cover_does_nothing_and_the_same_card_prints_after_closing() throws Exception {
    runThrough(scenario.get(7));

    assertThat(card(9)).isEqualTo("HOPPER PRINTED");
  }

  @Test
  void a_ribbon_that_ends_mid_card_spoils_it() throws Exception {
    runThrough(scenario.get(8));

    assertThat(card(10)).isEqualTo("REJECT_BOX PARTLY_PRINTED");
  }

  @Test
  void a_full_reject_box_keeps_the_card_inside_until_emptied() throws Exception {
    runThrough(scenario.get(9));

    assertThat(card(11)).isEqualTo("REJECT_BOX BLANK");
  }

  @Test
  void a_full_hopper_keeps_the_card_unprinted_until_emptied() throws Exception {
    runThrough(scenario.get(10));

    assertThat(card(12)).isEqualTo("HOPPER PRINTED");
  }

  @Test
  void an_overheated_head_refuses_until_cooled() throws Exception {
    runThrough(scenario.get(11));

    assertThat(card(13)).isEqualTo("HOPPER PRINTED");
  }

  @Test
  void a_card_forced_through_a_hot_head_melts() throws Exception {
    runThrough(scenario.get(12));

    assertThat(card(14)).isEqualTo("REJECT_BOX MELTED");
  }

  @Test
  void a_garbled_reply_hides_a_printed_card() throws Exception {
    runThrough(scenario.get(13));

    assertThat(card(15)).isEqualTo("HOPPER PRINTED");
  }

  @Test
  void a_lost_reply_is_not_given_to_the_next_request() throws Exception {
    runThrough(scenario.get(14));

    assertThat(card(16)).isEqualTo("HOPPER PRINTED");
  }

  @Test
  void a_late_reply_comes_after_its_delay() throws Exception {
    runThrough(scenario.get(15));

    assertThat(card(17)).isEqualTo("HOPPER PRINTED");
  }

  @Test
  void a_port_that_vanishes_after_the_eject_comes_back() throws Exception {
    runThrough(scenario.get(16));

    assertThat(card(18)).isEqualTo("HOPPER PRINTED");
  }

  @Test
  void a_reboot_mid_job_loses_the_sequence_and_keeps_the_card_inside() throws Exception {
    runThrough(scenario.get(17));

    assertThat(card(19)).isEqualTo("REJECT_BOX BLANK");
  }

  @Test
  void a_mute_chip_cannot_be_connected() throws Exception {
    runThrough(scenario.get(18));

    assertThat(card(20)).isEqualTo("REJECT_BOX BLANK");
  }

  @Test
  void a_card_leaving_the_field_mid_write_keeps_half_a_chunk() throws Exception {
    runThrough(scenario.get(19));

    assertThat(card(21)).isEqualTo("REJECT_BOX BLANK");
    CardSnapshot c21 = room.truth().card("PRN-1", 21).orElseThrow();
    assertThat(c21.chip().files().get("0101").length()).isEqualTo(400);
    assertThat(c21.chip().files().get("0102").length())
        .as("the third write was cut in half")
        .isEqualTo(100);
  }

  @Test
  void a_chip_write_failure_answers_memory_failure() throws Exception {
    runThrough(scenario.get(20));

    assertThat(card(22)).isEqualTo("REJECT_BOX BLANK");
  }

  @Test
  void a_slow_chip_takes_its_simulated_time_and_the_card_prints() throws Exception {
    runThrough(scenario.get(21));

    CardSnapshot c23 = room.truth().card("PRN-1", 23).orElseThrow();
    assertThat(c23.chip().locked()).isTrue();
    assertThat(c23.path())
        .extracting(v -> v.place())
        .containsExactly(Place.FEEDER, Place.CONTACTLESS, Place.PRINT, Place.HOPPER);
    assertThat(c23.condition()).isEqualTo(Condition.PRINTED);
  }

  @Test
  void after_the_whole_scenario_every_fault_struck_and_every_card_is_where_physics_says()
      throws Exception {
    runThrough(scenario.get(scenario.size() - 1));

    Map<Integer, String> expected = new LinkedHashMap<>();
    String[] places = {
      "HOPPER PRINTED",
      "HOPPER PRINTED",
      "HOPPER PRINTED",
      "REJECT_BOX BLANK",
      "HOPPER PRINTED",
      "REMOVED_BY_OPERATOR BLANK",
      "REMOVED_BY_OPERATOR PARTLY_PRINTED",
      "REMOVED_BY_OPERATOR PRINTED",
      "HOPPER PRINTED",
      "REJECT_BOX PARTLY_PRINTED",
      "REJECT_BOX BLANK",
      "HOPPER PRINTED",
      "HOPPER PRINTED",
      "REJECT_BOX MELTED",
      "HOPPER PRINTED",
      "HOPPER PRINTED",
      "HOPPER PRINTED",
      "HOPPER PRINTED",
      "REJECT_BOX BLANK",
      "REJECT_BOX BLANK",
      "REJECT_BOX BLANK",
      "REJECT_BOX BLANK",
      "HOPPER PRINTED",
      "FEEDER BLANK"
    };
    for (int i = 0; i < places.length; i++) {
      expected.put(i + 1, places[i]);
    }
    Map<Integer, String> actual = new LinkedHashMap<>();
    for (CardSnapshot c : room.truth().cards("PRN-1")) {
      if (c.number() <= 24) {
        actual.put(c.number(), c.place() + " " + c.condition());
      }
    }
    assertThat(actual).containsExactlyEntriesOf(expected);
    assertThat(printer.faults().pending()).as("every scripted fault struck").isEmpty();
    assertThat(
            room.truth().faults().stream()
                .filter(f -> f.printer().equals("PRN-1"))
                .map(FaultEvent::type)
                .distinct())
        .containsExactlyInAnyOrder(FaultType.values());
    assertThat(host.ask("Rco;c")).isEqualTo(Long.toString(10_000 + 23));
  }

  // The scenario, card by card. Each step checks what the printer answers on the wire.

  private void cleanCard() throws Exception {
    assertThat(host.printColourCard()).isEqualTo("OK");
  }

  private void feederEmpty() throws Exception {
    assertThat(host.ask("Ss")).isEqualTo("ERR FEEDER EMPTY");
    assertThat(host.ask("Rst"))
        .contains("POS=NONE", "STATE=ERROR", "ERR=FEEDER_EMPTY", "PICKED=10001");
    assertThat(host.ask("Ss")).as("refused until Scs").isEqualTo("ERR FEEDER EMPTY");
    assertThat(host.ask("Scs")).isEqualTo("OK");
    assertThat(host.printColourCard()).isEqualTo("OK");
  }

  private void pickFailure() throws Exception {
    assertThat(host.ask("Ss")).isEqualTo("ERR FEEDER");
    assertThat(host.ask("Rst")).contains("POS=NONE", "PICKED=10002");
    host.ask("Scs");
    assertThat(host.printColourCard()).isEqualTo("OK");
  }

  private void doubleFeed() throws Exception {
    assertThat(host.ask("Ss")).isEqualTo("ERR FEEDER");
    assertThat(host.ask("Rst")).contains("POS=NONE", "REJ=1/30", "PICKED=10004");
    host.ask("Scs");
    assertThat(host.printColourCard()).isEqualTo("OK");
  }

  private void jamAtPick() throws Exception {
    assertThat(host.ask("Ss")).isEqualTo("ERR MECHANICAL");
    assertThat(host.ask("Rst")).contains("POS=JAMMED", "ERR=MECHANICAL");
    assertThat(host.ask("Ser")).isEqualTo("ERR MECHANICAL");
    host.ask("Scs");
    assertThat(host.ask("Rst")).as("a jam outlasts Scs").contains("STATE=ERROR", "POS=JAMMED");
    printer.removeJammedCard();
  }

  private void jamAtPrint() throws Exception {
    assertThat(host.printColourCard()).isEqualTo("ERR MECHANICAL");
    printer.removeJammedCard();
  }

  private void jamAtEject() throws Exception {
    assertThat(host.printColourCard()).isEqualTo("ERR MECHANICAL");
    printer.removeJammedCard();
    assertThat(host.ask("Rst")).contains("POS=NONE", "STATE=READY");
  }

  private void coverOpen() throws Exception {
    assertThat(host.printColourCard()).isEqualTo("ERR COVER OPEN");
    assertThat(host.ask("Rst")).contains("POS=PRINT", "COVER=OPEN");
    assertThat(host.ask("Ss")).isEqualTo("ERR COVER OPEN");
    printer.closeCover();
    assertThat(host.printColourCard()).isEqualTo("OK");
    assertThat(host.ask("Rco;c")).as("the retry picked nothing").isEqualTo("10009");
  }

  private void ribbonEnds() throws Exception {
    assertThat(host.printColourCard()).isEqualTo("ERR RIBBON");
    assertThat(host.ask("Rcr")).isEqualTo("ERR RIBBON");
    assertThat(host.ask("Ser")).isEqualTo("OK");
    printer.replaceRibbon(300);
  }

  private void rejectBoxFull() throws Exception {
    assertThat(host.ask("Sic")).isEqualTo("OK");
    assertThat(host.ask("Ser")).isEqualTo("ERR REJECT BOX FULL");
    assertThat(host.ask("Rst")).contains("POS=CONTACTLESS");
    printer.emptyRejectBox();
    assertThat(host.ask("Ser")).isEqualTo("OK");
  }

  private void hopperFull() throws Exception {
    assertThat(host.printColourCard()).isEqualTo("ERR HOPPER FULL");
    assertThat(host.ask("Rst")).contains("POS=PRINT", "ERR=HOPPER_FULL");
    printer.emptyHopper();
    assertThat(host.printColourCard()).isEqualTo("OK");
  }

  private void overheat() throws Exception {
    VirtualTimeline clock = (VirtualTimeline) room.timeline();
    assertThat(host.printColourCard()).isEqualTo("ERR HEAD TEMP");
    assertThat(host.ask("Rst")).contains("STATE=COOLING", "POS=PRINT");
    assertThat(host.printColourCard()).isEqualTo("ERR HEAD TEMP");
    clock.advance(Duration.ofMinutes(2));
    assertThat(host.ask("Rst")).contains("STATE=READY");
    assertThat(host.printColourCard()).isEqualTo("OK");
  }

  private void overheatMelt() throws Exception {
    assertThat(host.printColourCard()).isEqualTo("ERR HEAD TEMP");
    assertThat(host.ask("Ser")).isEqualTo("OK");
    ((VirtualTimeline) room.timeline()).advance(Duration.ofMinutes(2));
  }

  private void garbledReply() throws Exception {
    String garbled = host.printColourCard();
    assertThat(garbled).isNotEqualTo("OK").hasSize(2);
    assertThat(garbled.chars()).allMatch(c -> c >= 0x80);
  }

  private void noReply() throws Exception {
    loadColourCard();
    host.sendRaw(RawHost.frame("Se"));
    assertThat(host.ask("Rst")).startsWith("OK;POS=NONE;STATE=READY");
  }

  private void lateReply() throws Exception {
    loadColourCard();
    long t0 = System.nanoTime();
    assertThat(host.ask("Se")).isEqualTo("OK");
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  private void disconnect() throws Exception {
    loadColourCard();
    host.sendRaw(RawHost.frame("Se"));
    assertThat(host.reply()).as("stream ends").isNull();
    assertThat(port.isOpen()).isFalse();
    reconnect();
    assertThat(host.ask("Rst")).contains("POS=NONE");
  }

  private void reboot() throws Exception {
    loadColourCard();
    host.sendRaw(RawHost.frame("Se"));
    assertThat(host.ask("Rst")).contains("POS=PRINT", "STATE=READY");
    assertThat(host.ask("Sr")).as("no sequence any more").isEqualTo("ERR COMMAND");
    assertThat(host.ask("Ser")).isEqualTo("OK");
  }

  private void muteChip() throws Exception {
    assertThat(host.ask("Sic")).isEqualTo("OK");
    assertThat(reader.isCardPresent()).isTrue();
    assertThatThrownBy(() -> reader.connect("*")).isInstanceOf(CardException.class);
    assertThat(host.ask("Ser")).isEqualTo("OK");
  }

  private void chipRemovedMidWrite() throws Exception {
    assertThat(host.ask("Sic")).isEqualTo("OK");
    assertThatThrownBy(() -> personalise(reader.connect("*").getBasicChannel()))
        .isInstanceOf(CardException.class);
    assertThat(host.ask("Ser")).isEqualTo("OK");
  }

  private void chipWriteFailure() throws Exception {
    assertThat(host.ask("Sic")).isEqualTo("OK");
    assertThatThrownBy(() -> personalise(reader.connect("*").getBasicChannel()))
        .hasMessageContaining("6581");
    assertThat(host.ask("Ser")).isEqualTo("OK");
  }

  private void slowChip() throws Exception {
    assertThat(host.ask("Sic")).isEqualTo("OK");
    Instant before = room.timeline().now();
    personalise(reader.connect("*").getBasicChannel());
    assertThat(Duration.between(before, room.timeline().now()))
        .as("3 x (5-20 s) of simulated time")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(15));
    assertThat(host.printColourCard()).isEqualTo("OK");
  }

  private void loadColourCard() throws Exception {
    for (byte[] r :
        new byte[][] {
          RawHost.frame("Ss"),
          RawHost.frame("Sr"),
          RawHost.panel("y", 32, RawHost.panelData(32, 1)),
          RawHost.compressed("k", RawHost.compressedData()),
        }) {
      assertThat(host.send(r)).isEqualTo("OK");
    }
  }

  /** Writes 400 bytes into each of 0101..0104 and a 32-byte security object, reads back, locks. */
  private static void personalise(CardChannel ch) throws CardException {
    check(
        ch.transmit(
                new CommandAPDU(
                    0, 0xA4, 4, 0x0C, new byte[] {(byte) 0xF0, 0x43, 0x45, 0x54, 0x41, 0x4B, 1}))
            .getSW());
    for (int fid : new int[] {0x0101, 0x0102, 0x0103, 0x0104, 0x011D}) {
      byte[] data = new byte[fid == 0x011D ? 32 : 400];
      Arrays.fill(data, (byte) fid);
      check(
          ch.transmit(new CommandAPDU(0, 0xA4, 2, 0x0C, new byte[] {(byte) (fid >> 8), (byte) fid}))
              .getSW());
      for (int off = 0; off < data.length; off += 200) {
        byte[] chunk = Arrays.copyOfRange(data, off, Math.min(data.length, off + 200));
        check(ch.transmit(new CommandAPDU(0, 0xD6, off >> 8, off & 0xFF, chunk)).getSW());
      }
      byte[] back =
          ch.transmit(new CommandAPDU(0, 0xB0, 0, 0, Math.min(256, data.length))).getData();
      assertThat(back).isEqualTo(Arrays.copyOf(data, back.length));
    }
    check(ch.transmit(new CommandAPDU(0x80, 0xE0, 0, 0)).getSW());
  }

  private static void check(int sw) throws CardException {
    if (sw != 0x9000) {
      throw new CardException("status " + Integer.toHexString(sw));
    }
  }
}
