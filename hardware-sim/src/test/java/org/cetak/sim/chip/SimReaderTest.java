package org.cetak.sim.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;
import org.cetak.sim.RawHost;
import org.cetak.sim.card.CardSnapshot;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.fault.FaultType;
import org.cetak.sim.fault.ScriptedFault;
import org.cetak.sim.link.InMemoryEndpoint;
import org.cetak.sim.link.InMemoryPort;
import org.cetak.sim.printer.PrinterConfig;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.time.VirtualTimeline;
import org.cetak.sim.truth.GroundTruth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimReaderTest {

  private final GroundTruth truth = new GroundTruth();
  private InMemoryPort port;
  private RawHost host;
  private CardTerminal reader;

  private void setUp(ScriptedFault... script) throws Exception {
    SimulatedPrinter printer =
        new SimulatedPrinter(
            PrinterConfig.builder("PRN-1").blanks(5).deadChipRate(0).build(),
            new VirtualTimeline(Instant.parse("2026-01-05T01:00:00Z")),
            new FaultPlan(Map.of(), List.of(script), 3),
            truth);
    port = InMemoryEndpoint.connect(printer);
    host = new RawHost(port.output(), port.input());
    TerminalFactory factory =
        TerminalFactory.getInstance("CetakSim", null, new CetakSimProvider(List.of(printer)));
    reader = factory.terminals().getTerminal("Cetak Sim Reader PRN-1");
  }

  @AfterEach
  void close() {
    port.close();
  }

  @Test
  void the_reader_sees_the_card_parked_at_the_printers_station() throws Exception {
    setUp();
    assertThat(reader).isNotNull();
    assertThat(reader.isCardPresent()).isFalse();
    assertThatThrownBy(() -> reader.connect("*")).isInstanceOf(CardNotPresentException.class);

    host.ask("Sic");

    assertThat(reader.isCardPresent()).isTrue();
    Card card = reader.connect("*");
    ResponseAPDU uid = card.getBasicChannel().transmit(new CommandAPDU(0xFF, 0xCA, 0, 0, 256));
    assertThat(uid.getSW()).isEqualTo(0x9000);
    assertThat(HexFormat.of().withUpperCase().formatHex(uid.getData()))
        .isEqualTo(truth.card("PRN-1", 1).orElseThrow().uid())
        .hasSize(14);
  }

  @Test
  void personalisation_is_written_read_back_and_locked() throws Exception {
    setUp();
    host.ask("Sic");
    CardChannel ch = reader.connect("*").getBasicChannel();
    byte[] photo = new byte[3000];
    for (int i = 0; i < photo.length; i++) {
      photo[i] = (byte) (i * 7);
    }

    assertThat(selectApp(ch)).isEqualTo(0x9000);
    assertThat(ch.transmit(new CommandAPDU(0x00, 0xA4, 0x02, 0x0C, new byte[] {1, 2})).getSW())
        .isEqualTo(0x9000);
    for (int off = 0; off < photo.length; off += 224) {
      byte[] chunk = Arrays.copyOfRange(photo, off, Math.min(photo.length, off + 224));
      assertThat(ch.transmit(new CommandAPDU(0x00, 0xD6, off >> 8, off & 0xFF, chunk)).getSW())
          .isEqualTo(0x9000);
    }
    byte[] back = new byte[0];
    for (int off = 0; off < photo.length; off += 256) {
      ResponseAPDU r =
          ch.transmit(
              new CommandAPDU(0x00, 0xB0, off >> 8, off & 0xFF, Math.min(256, photo.length - off)));
      assertThat(r.getSW()).isEqualTo(0x9000);
      back = concat(back, r.getData());
    }
    assertThat(back).isEqualTo(photo);
    ResponseAPDU end = ch.transmit(new CommandAPDU(0x00, 0xB0, 0x0F, 0x80, 256));
    assertThat(end.getSW()).isEqualTo(0x6282);
    assertThat(end.getData()).hasSize(128);
    assertThat(ch.transmit(new CommandAPDU(0x00, 0xB0, 0x10, 0x00, 16)).getSW()).isEqualTo(0x6B00);
    assertThat(ch.transmit(new CommandAPDU(0x80, 0xE0, 0, 0, new byte[0])).getSW())
        .isEqualTo(0x9000);
    assertThat(ch.transmit(new CommandAPDU(0x00, 0xD6, 0, 0, new byte[] {1})).getSW())
        .isEqualTo(0x6982);

    CardSnapshot truthCard = truth.card("PRN-1", 1).orElseThrow();
    assertThat(truthCard.chip().locked()).isTrue();
    assertThat(truthCard.chip().files().get("0102").length()).isEqualTo(3000);
    assertThat(truthCard.chip().files().get("0102").sha256()).isEqualTo(sha(photo));
  }

  @Test
  void size_limits_and_unknown_files_get_their_status_words() throws Exception {
    setUp();
    host.ask("Sic");
    CardChannel ch = reader.connect("*").getBasicChannel();
    assertThat(ch.transmit(new CommandAPDU(0x00, 0xA4, 0x02, 0x0C, new byte[] {1, 1})).getSW())
        .as("no application selected")
        .isEqualTo(0x6A82);
    selectApp(ch);
    assertThat(ch.transmit(new CommandAPDU(0x00, 0xA4, 0x02, 0x0C, new byte[] {1, 9})).getSW())
        .isEqualTo(0x6A82);
    ch.transmit(new CommandAPDU(0x00, 0xA4, 0x02, 0x0C, new byte[] {1, 0x1D}));
    assertThat(ch.transmit(new CommandAPDU(0x00, 0xD6, 0, 120, new byte[16])).getSW())
        .as("past the 128-byte limit")
        .isEqualTo(0x6700);
    assertThat(ch.transmit(new CommandAPDU(0x00, 0xD6, 0, 0, new byte[225])).getSW())
        .as("chunk over 224 bytes")
        .isEqualTo(0x6700);
    assertThat(ch.transmit(new CommandAPDU(0x00, 0xD6, 0, (byte) 200, new byte[1])).getSW())
        .isEqualTo(0x6B00);
    assertThat(ch.transmit(new CommandAPDU(0x00, 0x20, 0, 0)).getSW()).isEqualTo(0x6D00);
  }

  @Test
  void a_card_moved_on_by_the_printer_is_gone_from_the_reader() throws Exception {
    setUp();
    host.ask("Sic");
    CardChannel ch = reader.connect("*").getBasicChannel();
    host.ask("Si");

    assertThat(reader.isCardPresent()).isFalse();
    assertThatThrownBy(() -> ch.transmit(new CommandAPDU(0xFF, 0xCA, 0, 0, 256)))
        .isInstanceOf(CardException.class);
  }

  @Test
  void a_mute_chip_is_present_but_cannot_be_connected() throws Exception {
    setUp(ScriptedFault.of(1, FaultType.MUTE_CHIP));
    host.ask("Sic");
    assertThat(reader.isCardPresent()).isTrue();
    assertThatThrownBy(() -> reader.connect("*")).isInstanceOf(CardException.class);
  }

  @Test
  void a_failing_chip_answers_memory_failure_from_its_second_write() throws Exception {
    setUp(ScriptedFault.of(1, FaultType.CHIP_WRITE_FAILURE));
    host.ask("Sic");
    CardChannel ch = reader.connect("*").getBasicChannel();
    selectApp(ch);
    ch.transmit(new CommandAPDU(0x00, 0xA4, 0x02, 0x0C, new byte[] {1, 1}));
    assertThat(ch.transmit(new CommandAPDU(0x00, 0xD6, 0, 0, new byte[10])).getSW())
        .isEqualTo(0x9000);
    assertThat(ch.transmit(new CommandAPDU(0x00, 0xD6, 0, 10, new byte[10])).getSW())
        .isEqualTo(0x6581);
  }

  @Test
  void a_card_removed_mid_write_throws_and_keeps_half_the_write() throws Exception {
    setUp(ScriptedFault.of(1, FaultType.CHIP_REMOVED_MID_WRITE));
    host.ask("Sic");
    CardChannel ch = reader.connect("*").getBasicChannel();
    selectApp(ch);
    ch.transmit(new CommandAPDU(0x00, 0xA4, 0x02, 0x0C, new byte[] {1, 1}));
    ch.transmit(new CommandAPDU(0x00, 0xD6, 0, 0, filled(100)));
    ch.transmit(new CommandAPDU(0x00, 0xD6, 0, 100, filled(100)));
    assertThatThrownBy(() -> ch.transmit(new CommandAPDU(0x00, 0xD6, 0, 200, filled(100))))
        .isInstanceOf(CardException.class);
    assertThat(truth.card("PRN-1", 1).orElseThrow().chip().files().get("0101").length())
        .isEqualTo(250);
  }

  private static byte[] filled(int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) 0x5A);
    return b;
  }

  private static int selectApp(CardChannel ch) throws CardException {
    return ch.transmit(
            new CommandAPDU(
                0x00, 0xA4, 0x04, 0x0C, new byte[] {(byte) 0xF0, 0x43, 0x45, 0x54, 0x41, 0x4B, 1}))
        .getSW();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  private static String sha(byte[] d) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(d));
  }
}
