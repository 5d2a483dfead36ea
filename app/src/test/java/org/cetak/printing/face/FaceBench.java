package org.cetak.printing.face;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints how long rendering one card (front, back and all panels) takes, and writes previews of a
 * synthetic resident to /tmp/cetak-face-{front,back,nophoto,longname,allfieldslong}.png. Arguments:
 * [cards] [warm-up cards], default 200 and 50.
 */
public final class FaceBench {
  private FaceBench() {}

  public static void main(String[] args) throws IOException {
    int cards = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    CardFaceRenderer renderer = new CardFaceRenderer();
    List<CardFaceData> data = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      data.add(SampleResidents.withNik(String.format(Locale.ROOT, "32710517089%05d", i)));
    }
    Files.write(
        Path.of("/tmp/cetak-face-front.png"), renderer.previewPng(data.get(0), CardSide.FRONT));
    Files.write(
        Path.of("/tmp/cetak-face-back.png"), renderer.previewPng(data.get(0), CardSide.BACK));
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

    long sink = 0;
    for (int i = 0; i < warmUp; i++) {
      sink += renderer.render(data.get(i % data.size())).panels().front().size();
    }
    long[] times = new long[cards];
    long start = System.nanoTime();
    for (int i = 0; i < cards; i++) {
      long t0 = System.nanoTime();
      sink += renderer.render(data.get(i % data.size())).panels().back().size();
      times[i] = System.nanoTime() - t0;
    }
    long total = System.nanoTime() - start;
    Arrays.sort(times);
    System.out.printf(
        Locale.ROOT,
        "cards=%d mean=%.1f ms/card median=%.1f ms p95=%.1f ms max=%.1f ms (sink %d)%n",
        cards,
        total / 1e6 / cards,
        times[cards / 2] / 1e6,
        times[(int) (cards * 0.95)] / 1e6,
        times[cards - 1] / 1e6,
        sink);
    long t0 = System.nanoTime();
    renderer.previewPng(data.get(1), CardSide.FRONT);
    System.out.printf(
        Locale.ROOT, "previewPng (render + PNG encode)=%.1f ms%n", (System.nanoTime() - t0) / 1e6);
  }
}
