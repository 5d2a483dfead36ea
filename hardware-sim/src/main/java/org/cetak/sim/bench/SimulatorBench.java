package org.cetak.sim.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cetak.sim.card.Place;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.link.InMemoryEndpoint;
import org.cetak.sim.link.InMemoryPort;
import org.cetak.sim.printer.PrinterConfig;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.time.VirtualTimeline;
import org.cetak.sim.truth.GroundTruth;

/**
 * Throughput of one zero-delay simulated printer through the in-memory stream endpoint, one request
 * and one reply at a time as a driver sends them. Prints cards per second.
 *
 * <pre>
 * java -cp hardware-sim/target/cetak-hardware-sim-0.1.0-SNAPSHOT-standalone.jar \
 *     org.cetak.sim.bench.SimulatorBench [cards] [mono|colour]
 * </pre>
 *
 * {@code mono}: {@code Ss Sr Dbc(k) Dbc(o) Sv Dbc(k) Se} (compressed K/O panels, a few KB a card).
 * {@code colour}: {@code Ss Sr Db(y,m,c at 32 levels) Dbc(k) Dbc(o) Sv Dbc(k) Se} (about 1.2 MB a
 * card, every byte hashed with SHA-256).
 */
public final class SimulatorBench {

  private SimulatorBench() {}

  public static void main(String[] args) throws IOException {
    int cards = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    boolean colour = args.length > 1 && args[1].equals("colour");
    List<byte[]> card = card(colour);
    long bytesPerCard = card.stream().mapToLong(b -> b.length).sum();
    run(Math.min(cards, 2_000), card); // warm-up
    Result r = run(cards, card);
    System.out.printf(
        Locale.ROOT,
        "%s cards: %d in %.3f s = %.0f cards/s (%d requests/card, %.1f KB/card, %.1f MB/s)%n",
        colour ? "colour" : "mono",
        cards,
        r.seconds,
        cards / r.seconds,
        card.size(),
        bytesPerCard / 1024.0,
        cards * (double) bytesPerCard / r.seconds / 1e6);
  }

  private record Result(double seconds) {}

  private static Result run(int cards, List<byte[]> card) throws IOException {
    GroundTruth truth = new GroundTruth();
    SimulatedPrinter printer =
        new SimulatedPrinter(
            PrinterConfig.builder("BENCH")
                .blanks(cards)
                .deadChipRate(0)
                .ribbonPrints(Integer.MAX_VALUE)
                .hopperCapacity(Integer.MAX_VALUE)
                .head(new PrinterConfig.HeadModel(35, 0, 1, 1_000, 900))
                .build(),
            new VirtualTimeline(Instant.parse("2026-01-05T01:00:00Z")),
            FaultPlan.none(),
            truth);
    try (InMemoryPort port = InMemoryEndpoint.connect(printer)) {
      OutputStream out = port.output();
      InputStream in = port.input();
      byte[] reply = new byte[256];
      long t0 = System.nanoTime();
      for (int i = 0; i < cards; i++) {
        for (byte[] request : card) {
          out.write(request);
          if (!readReply(in, reply).equals("OK")) {
            throw new IllegalStateException("card " + (i + 1) + ": unexpected reply");
          }
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      long inHopper = truth.cardsAt(Place.HOPPER).size();
      if (inHopper != cards) {
        throw new IllegalStateException(inHopper + " cards in the hopper, expected " + cards);
      }
      return new Result(seconds);
    }
  }

  private static String readReply(InputStream in, byte[] buf) throws IOException {
    int n = 0;
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("port closed");
      }
      if (c == 0x0D) {
        return new String(buf, 0, n, StandardCharsets.US_ASCII);
      }
      buf[n++] = (byte) c;
    }
  }

  private static List<byte[]> card(boolean colour) {
    List<byte[]> r = new ArrayList<>();
    r.add(frame("Ss", null));
    r.add(frame("Sr", null));
    if (colour) {
      for (String p : List.of("y", "m", "c")) {
        byte[] data = new byte[648 * 1016 * 5 / 8];
        for (int i = 0; i < data.length; i++) {
          data[i] = (byte) (i * 13 + p.charAt(0));
        }
        r.add(frame("Db;" + p + ";32;", data));
      }
    }
    byte[] k = compressedK();
    r.add(frame("Dbc;k;2;" + k.length + ";", k));
    r.add(frame("Dbc;o;2;1016;", new byte[1016]));
    r.add(frame("Sv", null));
    r.add(frame("Dbc;k;2;" + k.length + ";", k));
    r.add(frame("Se", null));
    return r;
  }

  private static byte[] compressedK() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int line = 0; line < 1016; line++) {
      if (line % 4 == 0) {
        b.write(0);
      } else {
        b.write(20);
        for (int i = 0; i < 20; i++) {
          b.write(line + i);
        }
      }
    }
    return b.toByteArray();
  }

  private static byte[] frame(String head, byte[] data) {
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    int n = data == null ? 0 : data.length;
    byte[] f = new byte[1 + h.length + n + 1];
    f[0] = 0x1B;
    System.arraycopy(h, 0, f, 1, h.length);
    if (data != null) {
      System.arraycopy(data, 0, f, 1 + h.length, n);
    }
    f[f.length - 1] = 0x0D;
    return f;
  }
}
