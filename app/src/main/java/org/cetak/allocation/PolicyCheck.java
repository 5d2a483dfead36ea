package org.cetak.allocation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cetak.common.DomainException;

/**
 * Refuses a policy an office cannot mean: tiers not numbered 1..n or numbered twice, the same
 * conditions claimed by two tiers (overlapping), a rule or tier that can never take a request
 * because an earlier rule takes all it would (unreachable), an empty date window or age range.
 */
public final class PolicyCheck {

  private PolicyCheck() {}

  /** Throws {@link DomainException} (INVALID) naming the first kind of problem and all of them. */
  public static void check(PriorityPolicy policy) {
    List<String> overlapping = new ArrayList<>();
    List<String> unreachable = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    if (policy.tiers().isEmpty()) {
      invalid.add("a policy needs at least one tier");
    }
    if (policy.dailyCap().isPresent() && policy.dailyCap().getAsInt() < 0) {
      invalid.add("the daily cap must be 0 or more");
    }
    if (policy.urgentReserve() < 0) {
      invalid.add("the urgent reserve must be 0 or more");
    }
    Set<Integer> numbers = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (PriorityTier tier : policy.tiers()) {
      if (!numbers.add(tier.number())) {
        overlapping.add("tier " + tier.number() + " is defined twice");
      }
      if (tier.rules().isEmpty()) {
        unreachable.add("tier " + tier.number() + " (" + tier.name() + ") has no rule");
      }
      for (PriorityRule rule : tier.rules()) {
        if (rule.name() == null || rule.name().isBlank()) {
          invalid.add("tier " + tier.number() + " has a rule without a name");
        } else if (!names.add(rule.name())) {
          invalid.add("rule name '" + rule.name() + "' is used twice");
        }
        rule.minAge()
            .filter(a -> a < 0)
            .ifPresent(a -> invalid.add("rule '" + rule.name() + "' has a negative age"));
      }
    }
    for (int i = 1; i <= policy.tiers().size(); i++) {
      if (!numbers.contains(i)) {
        invalid.add(
            "tiers must be numbered 1 to " + policy.tiers().size() + "; " + i + " is missing");
      }
    }
    List<PriorityTier> ordered =
        policy.tiers().stream().sorted((a, b) -> Integer.compare(a.number(), b.number())).toList();
    List<Placed> earlier = new ArrayList<>();
    for (PriorityTier tier : ordered) {
      int reachable = 0;
      for (PriorityRule rule : tier.rules()) {
        String why = null;
        if (rule.impossible()) {
          why = "its age range or date window is empty";
          unreachable.add(describe(tier, rule) + " is unreachable: " + why);
        } else {
          for (Placed before : earlier) {
            if (before.tier != tier.number() && before.rule.sameConditions(rule)) {
              why = "same conditions";
              overlapping.add(
                  describe(tier, rule)
                      + " has the same conditions as rule '"
                      + before.rule.name()
                      + "' of tier "
                      + before.tier);
              break;
            }
            if (before.rule.covers(rule)) {
              why = "covered";
              unreachable.add(
                  describe(tier, rule)
                      + " is unreachable: rule '"
                      + before.rule.name()
                      + "' of tier "
                      + before.tier
                      + " already takes every request it would take");
              break;
            }
          }
        }
        if (why == null) {
          reachable++;
        }
        earlier.add(new Placed(tier.number(), rule));
      }
      if (reachable == 0 && !tier.rules().isEmpty()) {
        unreachable.add(
            "tier " + tier.number() + " (" + tier.name() + ") can never take a request");
      }
    }
    if (!invalid.isEmpty()) {
      throw new DomainException(
          AllocationError.POLICY_INVALID,
          "Policy refused: " + String.join("; ", invalid),
          String.join("; ", invalid));
    }
    if (!overlapping.isEmpty()) {
      throw new DomainException(
          AllocationError.POLICY_OVERLAPPING_TIERS,
          "Policy refused: " + String.join("; ", overlapping),
          String.join("; ", overlapping));
    }
    if (!unreachable.isEmpty()) {
      throw new DomainException(
          AllocationError.POLICY_UNREACHABLE_TIER,
          "Policy refused: " + String.join("; ", unreachable),
          String.join("; ", unreachable));
    }
  }

  private static String describe(PriorityTier tier, PriorityRule rule) {
    return "rule '" + rule.name() + "' of tier " + tier.number() + " (" + tier.name() + ")";
  }

  private record Placed(int tier, PriorityRule rule) {}
}
