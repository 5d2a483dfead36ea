package org.cetak.allocation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.cetak.common.DomainException;
import org.cetak.intake.RequestReason;
import org.junit.jupiter.api.Test;

class PolicyCheckTest {

  private static PriorityPolicy policy(PriorityTier... tiers) {
    return policy(OptionalInt.empty(), 0, tiers);
  }

  private static PriorityPolicy policy(OptionalInt cap, int reserve, PriorityTier... tiers) {
    return new PriorityPolicy(1, 0, cap, reserve, List.of(tiers), "", "kabid", Optional.empty());
  }

  private static PriorityTier tier(int number, PriorityRule... rules) {
    return new PriorityTier(number, "Tier " + number, List.of(rules));
  }

  private static void refused(PriorityPolicy policy, AllocationError error, String saying) {
    assertThatThrownBy(() -> PolicyCheck.check(policy))
        .isInstanceOf(DomainException.class)
        .hasFieldOrPropertyWithValue("error", error)
        .hasMessageContaining(saying);
  }

  @Test
  void the_default_policy_is_accepted() {
    assertThatCode(() -> PolicyCheck.check(DefaultPolicy.forOffice(1))).doesNotThrowAnyException();
  }

  @Test
  void a_policy_without_tiers_is_refused() {
    refused(policy(), AllocationError.POLICY_INVALID, "at least one tier");
  }

  @Test
  void a_negative_daily_cap_is_refused() {
    refused(
        policy(OptionalInt.of(-1), 0, tier(1, PriorityRule.named("ANY"))),
        AllocationError.POLICY_INVALID,
        "daily cap");
  }

  @Test
  void a_negative_urgent_reserve_is_refused() {
    refused(
        policy(OptionalInt.empty(), -5, tier(1, PriorityRule.named("ANY"))),
        AllocationError.POLICY_INVALID,
        "urgent reserve");
  }

  @Test
  void tiers_must_be_numbered_from_one_without_a_gap() {
    refused(
        policy(
            tier(1, PriorityRule.named("LOST").withReasons(RequestReason.LOST)),
            tier(3, PriorityRule.named("ANY"))),
        AllocationError.POLICY_INVALID,
        "2 is missing");
  }

  @Test
  void a_rule_name_used_twice_is_refused() {
    refused(
        policy(
            tier(1, PriorityRule.named("SAME").withReasons(RequestReason.LOST)),
            tier(2, PriorityRule.named("SAME"))),
        AllocationError.POLICY_INVALID,
        "used twice");
  }

  @Test
  void a_negative_age_is_refused() {
    refused(
        policy(tier(1, PriorityRule.named("YOUNG").withAge(-1, 10, null))),
        AllocationError.POLICY_INVALID,
        "negative age");
  }

  @Test
  void a_tier_number_defined_twice_leaves_another_missing() {
    refused(
        policy(
            tier(1, PriorityRule.named("LOST").withReasons(RequestReason.LOST)),
            tier(1, PriorityRule.named("ANY"))),
        AllocationError.POLICY_INVALID,
        "2 is missing");
  }

  @Test
  void two_tiers_claiming_the_same_conditions_overlap() {
    refused(
        policy(
            tier(1, PriorityRule.named("LOST").withReasons(RequestReason.LOST)),
            tier(2, PriorityRule.named("LOST_AGAIN").withReasons(RequestReason.LOST))),
        AllocationError.POLICY_OVERLAPPING_TIERS,
        "same conditions as rule 'LOST'");
  }

  @Test
  void a_rule_an_earlier_rule_already_covers_is_unreachable() {
    refused(
        policy(
            tier(1, PriorityRule.named("ANY")),
            tier(2, PriorityRule.named("LOST").withReasons(RequestReason.LOST))),
        AllocationError.POLICY_UNREACHABLE_TIER,
        "rule 'ANY' of tier 1 already takes every request it would take");
  }

  @Test
  void a_tier_without_rules_is_unreachable() {
    refused(
        policy(tier(1, PriorityRule.named("ANY")), new PriorityTier(2, "Empty", List.of())),
        AllocationError.POLICY_UNREACHABLE_TIER,
        "has no rule");
  }

  @Test
  void a_rule_with_an_empty_date_window_is_unreachable() {
    LocalDate day = LocalDate.of(2029, 2, 14);
    refused(
        policy(
            tier(1, PriorityRule.named("NEVER").withWindow(day, day.minusDays(1))),
            tier(2, PriorityRule.named("ANY"))),
        AllocationError.POLICY_UNREACHABLE_TIER,
        "date window is empty");
  }

  @Test
  void a_rule_with_an_empty_age_range_is_unreachable() {
    refused(
        policy(
            tier(1, PriorityRule.named("NOBODY").withAge(60, 17, null)),
            tier(2, PriorityRule.named("ANY"))),
        AllocationError.POLICY_UNREACHABLE_TIER,
        "age range or date window is empty");
  }

  @Test
  void an_invalid_policy_is_named_invalid_before_its_overlaps() {
    refused(
        policy(
            OptionalInt.of(-1),
            0,
            tier(1, PriorityRule.named("LOST").withReasons(RequestReason.LOST)),
            tier(2, PriorityRule.named("LOST_AGAIN").withReasons(RequestReason.LOST))),
        AllocationError.POLICY_INVALID,
        "daily cap");
  }
}
