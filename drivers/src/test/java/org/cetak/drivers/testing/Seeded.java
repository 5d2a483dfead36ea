package org.cetak.drivers.testing;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Randomised tests that reproduce: each case is one seed, its input generated from that seed by a
 * {@link java.util.SplittableRandom}; a failing case names its seed and the input it was given. Run
 * {@code -Dcetak.seed=<seed>} to replay just that case.
 */
public final class Seeded {

  private Seeded() {}

  /** The seeds 1..{@code count}, or only the one given by {@code -Dcetak.seed}. */
  public static LongStream seeds(int count) {
    String replay = System.getProperty("cetak.seed", "");
    if (!replay.isBlank()) {
      return LongStream.of(Long.parseLong(replay.trim()));
    }
    return LongStream.rangeClosed(1, count);
  }

  /** A check that may throw anything. */
  @FunctionalInterface
  public interface Check {
    void run() throws Exception;
  }

  /**
   * Runs {@code check}; when it fails, the failure says the seed and the generated input, so the
   * case can be replayed.
   */
  public static void check(long seed, Supplier<String> input, Check check) {
    try {
      check.run();
    } catch (Exception | AssertionError e) {
      throw new AssertionError(
          "failed for seed "
              + seed
              + " (replay with -Dcetak.seed="
              + seed
              + "), input: "
              + input.get(),
          e);
    }
  }

  /**
   * Between {@code min} and {@code max} random bytes; one array in four is at most eight bytes
   * long, so the short edge cases come up as often as the long ones.
   */
  public static byte[] bytes(SplittableRandom random, int min, int max) {
    int upper = random.nextInt(4) == 0 ? Math.min(max, min + 8) : max;
    byte[] b = new byte[random.nextInt(min, upper + 1)];
    random.nextBytes(b);
    return b;
  }

  /** Bytes in hexadecimal, as a failure message shows them. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** A list of byte arrays in hexadecimal. */
  public static String hex(List<byte[]> list) {
    return list.stream().map(Seeded::hex).collect(Collectors.joining(", ", "[", "]"));
  }

  /** Each element of an int array. */
  public static String ints(int... values) {
    return Arrays.toString(values);
  }
}
