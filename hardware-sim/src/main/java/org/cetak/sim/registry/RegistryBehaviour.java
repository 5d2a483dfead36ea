package org.cetak.sim.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How the simulated SIAK behaves.
 *
 * @param residents how many synthetic residents it serves
 * @param seed seed of the resident generator
 * @param slow extra (real) delay before every answer
 * @param failureRate share of requests answered {@code 500}, drawn from a random source seeded by
 *     {@code seed}
 * @param outages periods (on the simulated clock) when every request gets {@code 503}
 */
public record RegistryBehaviour(
    int residents, long seed, Duration slow, double failureRate, List<Outage> outages) {

  public RegistryBehaviour {
    if (residents < 0) {
      throw new IllegalArgumentException("residents must be >= 0, was " + residents);
    }
    if (failureRate < 0 || failureRate > 1) {
      throw new IllegalArgumentException("failure rate must be in [0,1], was " + failureRate);
    }
    outages = List.copyOf(outages);
  }

  public static RegistryBehaviour healthy(int residents, long seed) {
    return new RegistryBehaviour(residents, seed, Duration.ZERO, 0, List.of());
  }

  /** Whether the registry is down at {@code t}. */
  public boolean downAt(Instant t) {
    for (Outage o : outages) {
      if (!t.isBefore(o.from()) && t.isBefore(o.from().plus(o.length()))) {
        return true;
      }
    }
    return false;
  }

  /** A period when the registry answers {@code 503} ("down for 3 days"). */
  public record Outage(Instant from, Duration length) {}
}
