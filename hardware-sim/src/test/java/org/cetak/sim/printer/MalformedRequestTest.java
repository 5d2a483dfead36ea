package org.cetak.sim.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.cetak.sim.RawHost;
import org.cetak.sim.card.CardSnapshot;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.link.InMemoryEndpoint;
import org.cetak.sim.link.InMemoryPort;
import org.cetak.sim.time.VirtualTimeline;
import org.cetak.sim.truth.GroundTruth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed requests get the protocol's error replies and change nothing. */
class MalformedRequestTest {

  private final GroundTruth truth = new GroundTruth();
  private SimulatedPrinter printer;
  private InMemoryPort port;
  private RawHost host;

  @BeforeEach
  void connect() throws Exception {
    printer =
        new SimulatedPrinter(
            PrinterConfig.builder("PRN-1").blanks(3).deadChipRate(0).build(),
            new VirtualTimeline(Instant.parse("2026-01-05T01:00:00Z")),
            FaultPlan.none(),
            truth);
    port =
        InMemoryEndpoint.connect(
            printer,
            SessionOptions.defaults()
                .withIdle(Duration.ofMillis(150))
                .withQuiet(Duration.ofMillis(50)));
    host = new RawHost(port.output(), port.input());
    assertThat(host.ask("Ss")).isEqualTo("OK");
    assertThat(host.send(RawHost.panel("k", 2, RawHost.panelData(2, 9)))).isEqualTo("OK");
  }

  @AfterEach
  void close() {
    port.close();
  }

  /**
   * @param pipelined whether a request sent right behind it is still understood (not so when the
   *     receiver cannot know the panel's length and drops input until the line is quiet)
   */
  // A test case sent as it is; toString below names it.
  @SuppressWarnings("ArrayRecordComponent")
  record Case(String name, byte[] bytes, String reply, boolean pipelined) {
    Case(String name, byte[] bytes, String reply) {
      this(name, bytes, reply, true);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Case[] cases() {
    byte[] mono = RawHost.panelData(2, 1);
    byte[] badCompression = RawHost.compressedData().clone();
    badCompression[0] = (byte) 0x90;
    return new Case[] {
      new Case("unknown command", RawHost.frame("Xyz"), "ERR COMMAND"),
      new Case("command name with a digit", RawHost.frame("R1p"), "ERR COMMAND"),
      new Case("unknown command with parameters", RawHost.frame("Foo;1;2"), "ERR COMMAND"),
      new Case("bytes without ESC", ascii("garbage\r"), "ERR COMMAND"),
      new Case("CR alone", new byte[] {0x0D}, "ERR COMMAND"),
      new Case("parameter on a command that takes none", RawHost.frame("Sic;x"), "ERR PARAMETER"),
      new Case("unknown counter", RawHost.frame("Rco;z"), "ERR PARAMETER"),
      new Case("missing counter", RawHost.frame("Rco"), "ERR PARAMETER"),
      new Case("bad insertion mode", RawHost.frame("Pmi;X"), "ERR PARAMETER"),
      new Case("bad ribbon type", RawHost.frame("Pr;rainbow"), "ERR PARAMETER"),
      new Case(
          "panel data one byte short",
          RawHost.panel("k", 2, Arrays.copyOf(mono, mono.length - 1)),
          "ERR PARAMETER",
          false),
      new Case(
          "panel data fifty bytes long",
          RawHost.panel("k", 2, Arrays.copyOf(mono, mono.length + 50)),
          "ERR PARAMETER",
          false),
      new Case("panel with bad levels", RawHost.panel("k", 3, mono), "ERR PARAMETER", false),
      new Case("panel with unknown letter", RawHost.panel("z", 2, mono), "ERR PARAMETER", false),
      new Case("panel without data", RawHost.frame("Db;k;2"), "ERR PARAMETER"),
      new Case(
          "colour panel sent compressed",
          RawHost.frame("Dbc;y;2;3;" + "\0\0\0"),
          "ERR PARAMETER",
          false),
      new Case(
          "compressed line header out of range",
          RawHost.compressed("k", badCompression),
          "ERR PARAMETER"),
      new Case(
          "compressed data one line short",
          RawHost.compressed("k", Arrays.copyOf(new byte[1015], 1015)),
          "ERR PARAMETER"),
      new Case("NUL inside a command", ascii("\u001bRt\0p\r"), "ERR COMMAND"),
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void malformed_request_gets_an_error_reply_and_changes_nothing(Case c) throws Exception {
    SimulatedPrinter.Status before = printer.status();
    String truthBefore = truth.toJsonAll();

    assertThat(host.send(c.bytes())).isEqualTo(c.reply());

    assertThat(printer.status()).isEqualTo(before);
    assertThat(truth.toJsonAll()).isEqualTo(truthBefore);
    assertThat(host.ask("Rtp")).as("the next request is understood").isEqualTo("Primacy");
    assertThat(host.ask("Se")).isEqualTo("OK");
    CardSnapshot card = truth.card("PRN-1", 1).orElseThrow();
    assertThat(card.panels()).as("only the good panel was printed").hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void malformed_request_followed_at_once_by_a_good_one_gets_one_reply_each(Case c)
      throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(c.pipelined());
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.write(c.bytes());
    both.write(new byte[] {0, 0});
    both.write(RawHost.frame("Rtp"));
    host.sendRaw(both.toByteArray());
    assertThat(host.reply()).isEqualTo(c.reply());
    assertThat(host.reply()).isEqualTo("Primacy");
  }

  @org.junit.jupiter.api.Test
  void incomplete_request_cut_by_the_next_one_is_refused() throws Exception {
    host.sendRaw(ascii("\u001bRt"));
    assertThat(host.ask("Rsn")).isEqualTo("ERR COMMAND");
    assertThat(host.reply()).isEqualTo("SIM-PRN-1");
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
