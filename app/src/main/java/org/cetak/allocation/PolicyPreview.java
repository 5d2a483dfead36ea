package org.cetak.allocation;

import java.util.List;
import java.util.Map;

/**
 * How the queue would change under a draft policy, before it is saved.
 *
 * @param version the version in force the draft would replace
 * @param tiersNow eligible queued requests per tier under the policy in force (0: no tier)
 * @param tiersDraft the same under the draft
 * @param nextRunNow how many requests the next run would reserve under the policy in force
 * @param nextRunDraft how many under the draft
 * @param leaving how many the draft leaves out of the next run that the policy in force takes
 * @param joining how many the draft takes into the next run that the policy in force leaves out
 * @param movedIn the first of {@code joining}, NIK masked
 * @param movedOut the first of {@code leaving}, NIK masked
 */
public record PolicyPreview(
    int version,
    Map<Integer, Long> tiersNow,
    Map<Integer, Long> tiersDraft,
    int nextRunNow,
    int nextRunDraft,
    long leaving,
    long joining,
    List<Moved> movedIn,
    List<Moved> movedOut) {

  public PolicyPreview {
    tiersNow = Map.copyOf(tiersNow);
    tiersDraft = Map.copyOf(tiersDraft);
    movedIn = List.copyOf(movedIn);
    movedOut = List.copyOf(movedOut);
  }

  /** One request that moves, with its tier under the policy that takes it. */
  public record Moved(long requestId, String maskedNik, int tier) {}

  /** Every tier number either policy uses, in order (0, no tier, last). */
  public List<Integer> tierNumbers() {
    java.util.TreeSet<Integer> all = new java.util.TreeSet<>(tiersNow.keySet());
    all.addAll(tiersDraft.keySet());
    List<Integer> ordered = new java.util.ArrayList<>(all);
    if (ordered.remove(Integer.valueOf(0))) {
      ordered.add(0);
    }
    return ordered;
  }
}
