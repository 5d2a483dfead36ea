package org.cetak.printing.face;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cetak.drivers.printer.EncodedFaces;
import org.cetak.drivers.printer.EncodedPanel;
import org.cetak.printing.device.WirePanels;

/**
 * Prints how long preparing one card takes on one thread: rendering (front, back and all panels)
 * and encoding its panels for the wire as the card preparation does ({@code Db} bits, 2-level
 * panels compressed to {@code Dbc}, panels drawn over the blank card's packed only where they
 * differ); then the time of a preview PNG. Writes previews of synthetic residents to
 * /tmp/cetak-face-{front,back,nophoto,longname,allfieldslong}.png. Arguments: [cards] [warm-up
 * cards], default 500 and 200.
 *
 * <pre>
 * ./mvnw -o -q -pl app -am test-compile
 * ./mvnw -o -q -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -cp app/target/test-classes:app/target/classes:drivers/target/classes:$(cat /tmp/cp.txt) \
 *   org.cetak.printing.face.FaceBench 500 200
 * </pre>
 */
public final class FaceBench {
  private FaceBench() {}

  public static void main(String[] args) throws IOException {
    int cards = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    CardFaceRenderer renderer = new CardFaceRenderer();
    List<CardFaceData> data = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      data.add(SampleResidents.withNik(String.format(Locale.ROOT, "32710517089%05d", i)));
    }
    writePreviews(renderer, data.get(0));

    long sink = 0;
    for (int i = 0; i < warmUp; i++) {
      sink += prepare(renderer, data.get(i % data.size()), new long[STEPS.length * 2]);
    }
    // the steps, then both
    long[][] times = new long[STEPS.length * 2 + 2][cards];
    long[] card = new long[STEPS.length * 2];
    for (int i = 0; i < cards; i++) {
      sink += prepare(renderer, data.get(i % data.size()), card);
      for (int step = 0; step < STEPS.length; step++) {
        times[2 * step][i] = card[2 * step];
        times[2 * step + 1][i] = card[2 * step + 1];
        times[2 * STEPS.length][i] += card[2 * step];
        times[2 * STEPS.length + 1][i] += card[2 * step + 1];
      }
    }
    System.out.printf(Locale.ROOT, "cards=%d warm-up=%d (sink %d)%n", cards, warmUp, sink);
    System.out.printf(
        Locale.ROOT,
        "%-17s %9s %9s %9s | %9s %9s%n",
        "ms per card",
        "wall med",
        "wall p95",
        "wall mean",
        "cpu med",
        "cpu p95");
    for (int step = 0; step < STEPS.length; step++) {
      print(STEPS[step], times[2 * step], times[2 * step + 1]);
    }
    print("render + encode", times[2 * STEPS.length], times[2 * STEPS.length + 1]);

    long t0 = System.nanoTime();
    renderer.previewPng(data.get(1), CardSide.FRONT);
    System.out.printf(
        Locale.ROOT, "previewPng (render + PNG encode)=%.2f ms%n", (System.nanoTime() - t0) / 1e6);
  }

  private static final String[] STEPS = {"render", "encode for wire"};
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * Prepares one card as the station does; puts the wall and CPU nanoseconds of each step into
   * {@code ns}, wall first.
   */
  private static long prepare(CardFaceRenderer renderer, CardFaceData data, long[] ns) {
    long c0 = THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    PanelSet panels = renderer.render(data).panels();
    long c1 = THREADS.getCurrentThreadCpuTime();
    long t1 = System.nanoTime();
    EncodedFaces faces = WirePanels.encode(panels);
    long c2 = THREADS.getCurrentThreadCpuTime();
    long t2 = System.nanoTime();
    long bytes = 0;
    for (EncodedPanel p : faces.front()) {
      bytes += p.data().length;
    }
    for (EncodedPanel p : faces.back()) {
      bytes += p.data().length;
    }
    ns[0] = t1 - t0;
    ns[1] = c1 - c0;
    ns[2] = t2 - t1;
    ns[3] = c2 - c1;
    return bytes;
  }

  private static void print(String what, long[] wall, long[] cpu) {
    long[] w = wall.clone();
    long[] c = cpu.clone();
    Arrays.sort(w);
    Arrays.sort(c);
    System.out.printf(
        Locale.ROOT,
        "%-17s %9.2f %9.2f %9.2f | %9.2f %9.2f%n",
        what,
        w[w.length / 2] / 1e6,
        w[(int) (w.length * 0.95)] / 1e6,
        Arrays.stream(w).average().orElse(0) / 1e6,
        c[c.length / 2] / 1e6,
        c[(int) (c.length * 0.95)] / 1e6);
  }

  private static void writePreviews(CardFaceRenderer renderer, CardFaceData resident)
      throws IOException {
    Files.write(
        Path.of("/tmp/cetak-face-front.png"), renderer.previewPng(resident, CardSide.FRONT));
    Files.write(Path.of("/tmp/cetak-face-back.png"), renderer.previewPng(resident, CardSide.BACK));
    Files.write(
        Path.of("/tmp/cetak-face-nophoto.png"),
        renderer.previewPng(SampleResidents.withoutPhoto(), CardSide.FRONT));
    Files.write(
        Path.of("/tmp/cetak-face-longname.png"),
        renderer.previewPng(
            SampleResidents.withNameAndAddress(
                "RADEN AJENG KUSUMAWARDHANI PURNAMASARI SETYANINGRUM WULANDARI HADININGRAT PUTRI",
                "JL. RAYA PEMBANGUNAN KOMPLEK PERUMAHAN GRIYA INDAH PERMAI BLOK CC NOMOR 127 A"
                    + " GANG MELATI III RUKUN WARGA SEBELAH MASJID AGUNG"),
            CardSide.FRONT));
    Files.write(
        Path.of("/tmp/cetak-face-allfieldslong.png"),
        renderer.previewPng(SampleResidents.allFieldsLong(), CardSide.FRONT));
  }
}
