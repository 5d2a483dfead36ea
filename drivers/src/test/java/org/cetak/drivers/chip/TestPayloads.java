package org.cetak.drivers.chip;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Synthetic chip payloads (no real person). */
public final class TestPayloads {

  private TestPayloads() {}

  /** Biodata, a 3 KB "photo", a signature and two templates, from a seed. */
  public static ChipPayload synthetic(long seed) {
    Random random = new Random(seed);
    byte[] biodata =
        ("NIK=3174XXXXXXXX0001;NAMA=WARGA SINTETIS " + seed + ";TGL=1990-01-01;")
            .repeat(8)
            .getBytes(StandardCharsets.UTF_8);
    return new ChipPayload(biodata, bytes(random, 3000), bytes(random, 700), bytes(random, 900));
  }

  private static byte[] bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
