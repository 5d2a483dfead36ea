package org.cetak.sim.card;

/**
 * Faults built into one chip when the blank is made.
 *
 * @param mute the chip never answers: no ATR, connecting fails
 * @param removedAtWrite the n-th UPDATE BINARY (1-based) loses the card mid-write; 0 = never
 * @param failsAtWrite from the n-th UPDATE BINARY on, writes answer {@code 65 81}; 0 = never
 * @param slowFactor personalisation time multiplier (1 = the field profile's 5-20 s)
 */
public record ChipFaults(boolean mute, int removedAtWrite, int failsAtWrite, double slowFactor) {

  public static final ChipFaults NONE = new ChipFaults(false, 0, 0, 1.0);

  public ChipFaults withMute() {
    return new ChipFaults(true, removedAtWrite, failsAtWrite, slowFactor);
  }

  public ChipFaults withRemovedAtWrite(int n) {
    return new ChipFaults(mute, n, failsAtWrite, slowFactor);
  }

  public ChipFaults withFailsAtWrite(int n) {
    return new ChipFaults(mute, removedAtWrite, n, slowFactor);
  }

  public ChipFaults withSlowFactor(double f) {
    return new ChipFaults(mute, removedAtWrite, failsAtWrite, f);
  }
}
