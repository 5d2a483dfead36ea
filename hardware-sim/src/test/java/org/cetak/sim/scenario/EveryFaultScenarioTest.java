package org.cetak.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
 * Runs the bundled every-fault scenario: PRN-1 meets each fault at its own card, driven with raw
 * protocol bytes, and the ground truth shows the expected physical outcome for each.
 */
class EveryFaultScenarioTest {

  private SimulatedRoom room;
  private SimulatedPrinter printer;
  private InMemoryPort port;
  private RawHost host;
  private CardTerminal reader;

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

  @Test
  void every_fault_leaves_its_card_where_physics_says() throws Exception {
    // 1: a clean card
    assertThat(host.printColourCard()).isEqualTo("OK");

    // 2: feeder reports empty: nothing picked, error until cleared
    assertThat(host.ask("Ss")).isEqualTo("ERR FEEDER EMPTY");
    assertThat(host.ask("Rst"))
        .contains("POS=NONE", "STATE=ERROR", "ERR=FEEDER_EMPTY", "PICKED=10001");
    assertThat(host.ask("Ss")).as("refused until Scs").isEqualTo("ERR FEEDER EMPTY");
    assertThat(host.ask("Scs")).isEqualTo("OK");
    assertThat(host.printColourCard()).isEqualTo("OK");

    // 3: pick failure: the card stays in the feeder, the retry takes it
    assertThat(host.ask("Ss")).isEqualTo("ERR FEEDER");
    assertThat(host.ask("Rst")).contains("POS=NONE", "PICKED=10002");
    host.ask("Scs");
    assertThat(host.printColourCard()).isEqualTo("OK");

    // 4: double feed: card 4 to the reject box unprinted; 5 printed on retry
    assertThat(host.ask("Ss")).isEqualTo("ERR FEEDER");
    assertThat(host.ask("Rst")).contains("POS=NONE", "REJ=1/30", "PICKED=10004");
    host.ask("Scs");
    assertThat(host.printColourCard()).isEqualTo("OK");

    // 6, 7, 8: jams at pick, print, eject; the operator takes each out
    assertThat(host.ask("Ss")).isEqualTo("ERR MECHANICAL");
    assertThat(host.ask("Rst")).contains("POS=JAMMED", "ERR=MECHANICAL");
    assertThat(host.ask("Ser")).isEqualTo("ERR MECHANICAL");
    host.ask("Scs");
    assertThat(host.ask("Rst")).as("a jam outlasts Scs").contains("STATE=ERROR", "POS=JAMMED");
    printer.removeJammedCard();
    assertThat(host.printColourCard()).isEqualTo("ERR MECHANICAL");
    printer.removeJammedCard();
    assertThat(host.printColourCard()).isEqualTo("ERR MECHANICAL");
    printer.removeJammedCard();
    assertThat(host.ask("Rst")).contains("POS=NONE", "STATE=READY");

    // 9: cover opened mid-job: nothing done; after closing, the same card prints
    assertThat(host.printColourCard()).isEqualTo("ERR COVER OPEN");
    assertThat(host.ask("Rst")).contains("POS=PRINT", "COVER=OPEN");
    assertThat(host.ask("Ss")).isEqualTo("ERR COVER OPEN");
    printer.closeCover();
    assertThat(host.printColourCard()).isEqualTo("OK");
    assertThat(host.ask("Rco;c")).as("the retry picked nothing").isEqualTo("10009");

    // 10: ribbon ends mid-card: spoiled, rejected
    assertThat(host.printColourCard()).isEqualTo("ERR RIBBON");
    assertThat(host.ask("Rcr")).isEqualTo("ERR RIBBON");
    assertThat(host.ask("Ser")).isEqualTo("OK");
    printer.replaceRibbon(300);

    // 11: reject box full: the card stays at the station until the box is emptied
    assertThat(host.ask("Sic")).isEqualTo("OK");
    assertThat(host.ask("Ser")).isEqualTo("ERR REJECT BOX FULL");
    assertThat(host.ask("Rst")).contains("POS=CONTACTLESS");
    printer.emptyRejectBox();
    assertThat(host.ask("Ser")).isEqualTo("OK");

    // 12: hopper full: not printed, stays inside; prints after emptying
    assertThat(host.printColourCard()).isEqualTo("ERR HOPPER FULL");
    assertThat(host.ask("Rst")).contains("POS=PRINT", "ERR=HOPPER_FULL");
    printer.emptyHopper();
    assertThat(host.printColourCard()).isEqualTo("OK");

    // 13: overheating: refused until cooled, then printed
    VirtualTimeline clock = (VirtualTimeline) room.timeline();
    assertThat(host.printColourCard()).isEqualTo("ERR HEAD TEMP");
    assertThat(host.ask("Rst")).contains("STATE=COOLING", "POS=PRINT");
    assertThat(host.printColourCard()).isEqualTo("ERR HEAD TEMP");
    clock.advance(Duration.ofMinutes(2));
    assertThat(host.ask("Rst")).contains("STATE=READY");
    assertThat(host.printColourCard()).isEqualTo("OK");

    // 14: forced through a hot head: melted, rejected
    assertThat(host.printColourCard()).isEqualTo("ERR HEAD TEMP");
    assertThat(host.ask("Ser")).isEqualTo("OK");
    clock.advance(Duration.ofMinutes(2));

    // 15: garbled reply: the card was printed anyway
    String garbled = host.printColourCard();
    assertThat(garbled).isNotEqualTo("OK").hasSize(2);
    assertThat(garbled.chars()).allMatch(c -> c >= 0x80);

    // 16: no reply: the next reply is the next request's
    loadColourCard();
    host.sendRaw(RawHost.frame("Se"));
    assertThat(host.ask("Rst")).startsWith("OK;POS=NONE;STATE=READY");

    // 17: late reply
    loadColourCard();
    long t0 = System.nanoTime();
    assertThat(host.ask("Se")).isEqualTo("OK");
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));

    // 18: the port disappears after the eject
    loadColourCard();
    host.sendRaw(RawHost.frame("Se"));
    assertThat(host.reply()).as("stream ends").isNull();
    assertThat(port.isOpen()).isFalse();
    reconnect();
    assertThat(host.ask("Rst")).contains("POS=NONE");

    // 19: reboot mid-job: no reply, sequence lost, card stays at the print position
    loadColourCard();
    host.sendRaw(RawHost.frame("Se"));
    assertThat(host.ask("Rst")).contains("POS=PRINT", "STATE=READY");
    assertThat(host.ask("Sr")).as("no sequence any more").isEqualTo("ERR COMMAND");
    assertThat(host.ask("Ser")).isEqualTo("OK");

    // 20: mute chip
    assertThat(host.ask("Sic")).isEqualTo("OK");
    assertThat(reader.isCardPresent()).isTrue();
    assertThatThrownBy(() -> reader.connect("*")).isInstanceOf(CardException.class);
    assertThat(host.ask("Ser")).isEqualTo("OK");

    // 21: card leaves the field mid-write
    assertThat(host.ask("Sic")).isEqualTo("OK");
    assertThatThrownBy(() -> personalise(reader.connect("*").getBasicChannel()))
        .isInstanceOf(CardException.class);
    assertThat(host.ask("Ser")).isEqualTo("OK");

    // 22: write failure
    assertThat(host.ask("Sic")).isEqualTo("OK");
    assertThatThrownBy(() -> personalise(reader.connect("*").getBasicChannel()))
        .hasMessageContaining("6581");
    assertThat(host.ask("Ser")).isEqualTo("OK");

    // 23: slow chip: 3 x (5-20 s) of simulated time, then printed
    assertThat(host.ask("Sic")).isEqualTo("OK");
    Instant before = room.timeline().now();
    personalise(reader.connect("*").getBasicChannel());
    assertThat(Duration.between(before, room.timeline().now()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(15));
    assertThat(host.printColourCard()).isEqualTo("OK");

    Map<Integer, String> expected = new LinkedHashMap<>();
    expected.put(1, "HOPPER PRINTED");
    expected.put(2, "HOPPER PRINTED");
    expected.put(3, "HOPPER PRINTED");
    expected.put(4, "REJECT_BOX BLANK");
    expected.put(5, "HOPPER PRINTED");
    expected.put(6, "REMOVED_BY_OPERATOR BLANK");
    expected.put(7, "REMOVED_BY_OPERATOR PARTLY_PRINTED");
    expected.put(8, "REMOVED_BY_OPERATOR PRINTED");
    expected.put(9, "HOPPER PRINTED");
    expected.put(10, "REJECT_BOX PARTLY_PRINTED");
    expected.put(11, "REJECT_BOX BLANK");
    expected.put(12, "HOPPER PRINTED");
    expected.put(13, "HOPPER PRINTED");
    expected.put(14, "REJECT_BOX MELTED");
    expected.put(15, "HOPPER PRINTED");
    expected.put(16, "HOPPER PRINTED");
    expected.put(17, "HOPPER PRINTED");
    expected.put(18, "HOPPER PRINTED");
    expected.put(19, "REJECT_BOX BLANK");
    expected.put(20, "REJECT_BOX BLANK");
    expected.put(21, "REJECT_BOX BLANK");
    expected.put(22, "REJECT_BOX BLANK");
    expected.put(23, "HOPPER PRINTED");
    expected.put(24, "FEEDER BLANK");
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

    CardSnapshot c21 = room.truth().card("PRN-1", 21).orElseThrow();
    assertThat(c21.chip().files().get("0101").length()).isEqualTo(400);
    assertThat(c21.chip().files().get("0102").length())
        .as("the third write was cut in half")
        .isEqualTo(100);
    CardSnapshot c23 = room.truth().card("PRN-1", 23).orElseThrow();
    assertThat(c23.chip().locked()).isTrue();
    assertThat(c23.path())
        .extracting(v -> v.place())
        .containsExactly(Place.FEEDER, Place.CONTACTLESS, Place.PRINT, Place.HOPPER);
    assertThat(c23.condition()).isEqualTo(Condition.PRINTED);
    assertThat(host.ask("Rco;c")).isEqualTo(Long.toString(10_000 + 23));
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
