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
    for (Conflict c : conflicts(policy)) {
      if (c.kind() == Conflict.Kind.SAME_CONDITIONS) {
        overlapping.add(c.english());
      } else {
        unreachable.add(c.english());
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

  /**
   * A rule or a tier that cannot work beside the others, named so that a form can show it beside
   * the rule or tier: a rule with the same conditions as a rule of another tier, a rule an earlier
   * one already takes every request of, a rule with an empty age range or date window, a tier none
   * of whose rules can take a request.
   *
   * @param rule the rule, empty for {@link Kind#TIER_NEVER_TAKES}
   * @param otherRule the earlier rule, for {@link Kind#SAME_CONDITIONS} and {@link Kind#COVERED}
   */
  public record Conflict(
      Kind kind, int tier, String tierName, String rule, String otherRule, int otherTier) {

    /** What is wrong. */
    public enum Kind {
      SAME_CONDITIONS,
      COVERED,
      IMPOSSIBLE,
      TIER_NEVER_TAKES
    }

    /** The code a refusal of this conflict carries. */
    public AllocationError error() {
      return kind == Kind.SAME_CONDITIONS
          ? AllocationError.POLICY_OVERLAPPING_TIERS
          : AllocationError.POLICY_UNREACHABLE_TIER;
    }

    String english() {
      String described = "rule '" + rule + "' of tier " + tier + " (" + tierName + ")";
      return switch (kind) {
        case SAME_CONDITIONS ->
            described + " has the same conditions as rule '" + otherRule + "' of tier " + otherTier;
        case COVERED ->
            described
                + " is unreachable: rule '"
                + otherRule
                + "' of tier "
                + otherTier
                + " already takes every request it would take";
        case IMPOSSIBLE -> described + " is unreachable: its age range or date window is empty";
        case TIER_NEVER_TAKES -> "tier " + tier + " (" + tierName + ") can never take a request";
      };
    }
  }

  /** The conflicts of the policy's tiers and rules, in the order the tiers are served. */
  public static List<Conflict> conflicts(PriorityPolicy policy) {
    List<Conflict> out = new ArrayList<>();
    List<PriorityTier> ordered =
        policy.tiers().stream().sorted((a, b) -> Integer.compare(a.number(), b.number())).toList();
    List<Placed> earlier = new ArrayList<>();
    for (PriorityTier tier : ordered) {
      int reachable = 0;
      for (PriorityRule rule : tier.rules()) {
        Conflict found = null;
        if (rule.impossible()) {
          found =
              new Conflict(
                  Conflict.Kind.IMPOSSIBLE, tier.number(), tier.name(), rule.name(), "", 0);
        } else {
          for (Placed before : earlier) {
            if (before.tier != tier.number() && before.rule.sameConditions(rule)) {
              found =
                  new Conflict(
                      Conflict.Kind.SAME_CONDITIONS,
                      tier.number(),
                      tier.name(),
                      rule.name(),
                      before.rule.name(),
                      before.tier);
              break;
            }
            if (before.rule.covers(rule)) {
              found =
                  new Conflict(
                      Conflict.Kind.COVERED,
                      tier.number(),
                      tier.name(),
                      rule.name(),
                      before.rule.name(),
                      before.tier);
              break;
            }
          }
        }
        if (found == null) {
          reachable++;
        } else {
          out.add(found);
        }
        earlier.add(new Placed(tier.number(), rule));
      }
      if (reachable == 0 && !tier.rules().isEmpty()) {
        out.add(
            new Conflict(Conflict.Kind.TIER_NEVER_TAKES, tier.number(), tier.name(), "", "", 0));
      }
    }
    return out;
  }

  private record Placed(int tier, PriorityRule rule) {}
}
