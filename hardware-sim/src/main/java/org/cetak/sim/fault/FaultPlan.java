package org.cetak.sim.fault;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The faults of one printer (and its chips): scripted faults strike once at their card; rated
 * faults strike at each opportunity with their probability, drawn from a seeded {@link Random} so a
 * run can be reproduced. Thread-safe.
 */
public final class FaultPlan {

  private final Map<FaultType, Double> rates;
  private final List<ScriptedFault> pending;
  private final Random random;

  public FaultPlan(Map<FaultType, Double> rates, List<ScriptedFault> script, long seed) {
    this.rates = rates.isEmpty() ? new EnumMap<>(FaultType.class) : new EnumMap<>(rates);
    rates.forEach(
        (t, r) -> {
          if (r < 0 || r > 1) {
            throw new IllegalArgumentException("rate of " + t + " must be in [0,1], was " + r);
          }
        });
    this.pending = new ArrayList<>(script);
    this.random = new Random(seed);
  }

  /** No faults at all. */
  public static FaultPlan none() {
    return new FaultPlan(Map.of(), List.of(), 0);
  }

  /**
   * Whether {@code type} strikes now, for card {@code card} (0 if none) during {@code command}. A
   * matching scripted fault is consumed.
   *
   * @return null when it does not strike; otherwise whether it was scripted
   */
  public synchronized Boolean strikes(FaultType type, int card, String command) {
    for (int i = 0; i < pending.size(); i++) {
      ScriptedFault f = pending.get(i);
      if (f.type() == type
          && f.card() == card
          && (f.command() == null || f.command().equals(command))) {
        pending.remove(i);
        return Boolean.TRUE;
      }
    }
    Double rate = rates.get(type);
    if (rate != null && rate > 0 && random.nextDouble() < rate) {
      return Boolean.FALSE;
    }
    return null;
  }

  /** Scripted faults that have not struck yet. */
  public synchronized List<ScriptedFault> pending() {
    return List.copyOf(pending);
  }

  /** A draw from this plan's seeded random source (for chip timing and such). */
  public synchronized double nextDouble() {
    return random.nextDouble();
  }

  /** Fills {@code bytes} from this plan's seeded random source. */
  public synchronized void nextBytes(byte[] bytes) {
    random.nextBytes(bytes);
  }
}
