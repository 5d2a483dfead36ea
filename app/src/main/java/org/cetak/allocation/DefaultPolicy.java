package org.cetak.allocation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.cetak.intake.RequestReason;

/**
 * The policy an office starts with (DOMAIN.md "Why blanks are scarce"): 1 pemula (first cards, and
 * first-time voters in the six months before the next general election); 2 urgent need, vulnerable,
 * elderly, disabled; 3 moved in, region split, data change; 4 lost; 5 damaged; 6 everyone else.
 */
public final class DefaultPolicy {

  /** Pemilu 2029 (assumed date; a supervisor sets the real one). */
  public static final LocalDate NEXT_ELECTION = LocalDate.of(2029, 2, 14);

  private DefaultPolicy() {}

  public static PriorityPolicy forOffice(long officeId) {
    return new PriorityPolicy(
        officeId,
        0,
        OptionalInt.empty(),
        0,
        List.of(
            new PriorityTier(
                1,
                "Pemula",
                List.of(
                    PriorityRule.named("FIRST_CARD").withReasons(RequestReason.FIRST_CARD),
                    // voters of 17 to 21 on election day have not voted in a general election yet
                    PriorityRule.named("FIRST_TIME_VOTER")
                        .withAge(17, 21, NEXT_ELECTION)
                        .withWindow(NEXT_ELECTION.minusMonths(6), NEXT_ELECTION))),
            new PriorityTier(
                2,
                "Mendesak, rentan, lansia, disabilitas",
                List.of(
                    PriorityRule.named("URGENT_NEED").withUrgent(true),
                    PriorityRule.named("VULNERABLE").withVulnerable(true),
                    PriorityRule.named("ELDERLY").withAge(60, null, null),
                    PriorityRule.named("DISABLED").withDisabled(true))),
            new PriorityTier(
                3,
                "Pindah datang, pemekaran, perubahan data",
                List.of(
                    PriorityRule.named("MOVED_IN").withReasons(RequestReason.MOVED_IN),
                    PriorityRule.named("REGION_SPLIT").withReasons(RequestReason.REGION_SPLIT),
                    PriorityRule.named("DATA_CHANGE").withReasons(RequestReason.DATA_CHANGE))),
            new PriorityTier(
                4, "Hilang", List.of(PriorityRule.named("LOST").withReasons(RequestReason.LOST))),
            new PriorityTier(
                5,
                "Rusak",
                List.of(PriorityRule.named("DAMAGED").withReasons(RequestReason.DAMAGED))),
            new PriorityTier(6, "Lainnya", List.of(PriorityRule.named("ANY")))),
        "default policy",
        "system",
        Optional.empty());
  }
}
