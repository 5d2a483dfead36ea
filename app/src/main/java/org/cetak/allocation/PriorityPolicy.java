package org.cetak.allocation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.cetak.intake.ResidentRecord;

/**
 * An office's priority policy as data: ordered tiers with rules, a daily print cap and an urgent
 * reserve. Within a tier the oldest Suket goes first, then the oldest PRR time.
 *
 * @param version 0 for a draft not saved yet
 * @param dailyCap most cards to print per day; empty = no cap
 * @param urgentReserve blanks held back for urgent walk-ins a supervisor approves
 */
public record PriorityPolicy(
    long officeId,
    int version,
    OptionalInt dailyCap,
    int urgentReserve,
    List<PriorityTier> tiers,
    String note,
    String createdBy,
    Optional<OffsetDateTime> createdAt) {

  public PriorityPolicy {
    tiers = List.copyOf(tiers);
  }

  /** The tier and rule that take this record today, or empty when none does. */
  public Optional<Placement> place(ResidentRecord record, LocalDate today) {
    for (PriorityTier tier : tiers) {
      for (PriorityRule rule : tier.rules()) {
        if (rule.matches(record, today)) {
          return Optional.of(new Placement(tier.number(), tier.name(), rule.name()));
        }
      }
    }
    return Optional.empty();
  }

  public Optional<PriorityTier> tier(int number) {
    return tiers.stream().filter(t -> t.number() == number).findFirst();
  }

  /** Where a record falls in the policy. */
  public record Placement(int tier, String tierName, String rule) {}
}
