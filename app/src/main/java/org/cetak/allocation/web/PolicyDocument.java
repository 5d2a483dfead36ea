package org.cetak.allocation.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.cetak.allocation.AllocationError;
import org.cetak.allocation.PriorityPolicy;
import org.cetak.allocation.PriorityRule;
import org.cetak.allocation.PriorityTier;
import org.cetak.common.DomainException;
import org.cetak.intake.RequestReason;

/** The priority policy as JSON for {@code GET/PUT /api/policy}. */
public record PolicyDocument(
    Integer version, Integer dailyCap, int urgentReserve, String note, List<Tier> tiers) {

  public record Tier(int tier, String name, List<Rule> rules) {}

  /** Absent (null) conditions hold always. */
  public record Rule(
      String name,
      List<String> reasons,
      Boolean urgent,
      Boolean vulnerable,
      Boolean disabled,
      Integer minAge,
      Integer maxAge,
      LocalDate ageOn,
      LocalDate validFrom,
      LocalDate validUntil) {}

  public static PolicyDocument of(PriorityPolicy p) {
    List<Tier> tiers = new ArrayList<>();
    for (PriorityTier t : p.tiers()) {
      List<Rule> rules = new ArrayList<>();
      for (PriorityRule r : t.rules()) {
        rules.add(
            new Rule(
                r.name(),
                r.reasons().stream().map(Enum::name).sorted().toList(),
                r.urgent().orElse(null),
                r.vulnerable().orElse(null),
                r.disabled().orElse(null),
                r.minAge().orElse(null),
                r.maxAge().orElse(null),
                r.ageOn().orElse(null),
                r.validFrom().orElse(null),
                r.validUntil().orElse(null)));
      }
      tiers.add(new Tier(t.number(), t.name(), rules));
    }
    return new PolicyDocument(
        p.version(),
        p.dailyCap().isPresent() ? p.dailyCap().getAsInt() : null,
        p.urgentReserve(),
        p.note(),
        tiers);
  }

  public PriorityPolicy toPolicy(long officeId, String actor) {
    if (tiers == null) {
      throw new DomainException(AllocationError.POLICY_INVALID, "A policy needs its tiers");
    }
    List<PriorityTier> out = new ArrayList<>();
    for (Tier t : tiers) {
      List<PriorityRule> rules = new ArrayList<>();
      for (Rule r : t.rules() == null ? List.<Rule>of() : t.rules()) {
        Set<RequestReason> reasons = EnumSet.noneOf(RequestReason.class);
        for (String reason : r.reasons() == null ? List.<String>of() : r.reasons()) {
          try {
            reasons.add(RequestReason.valueOf(reason));
          } catch (IllegalArgumentException e) {
            throw new DomainException(
                AllocationError.POLICY_INVALID,
                "Rule '" + r.name() + "': unknown request reason " + reason);
          }
        }
        rules.add(
            new PriorityRule(
                r.name(),
                reasons,
                Optional.ofNullable(r.urgent()),
                Optional.ofNullable(r.vulnerable()),
                Optional.ofNullable(r.disabled()),
                Optional.ofNullable(r.minAge()),
                Optional.ofNullable(r.maxAge()),
                Optional.ofNullable(r.ageOn()),
                Optional.ofNullable(r.validFrom()),
                Optional.ofNullable(r.validUntil())));
      }
      out.add(new PriorityTier(t.tier(), t.name() == null ? "" : t.name(), rules));
    }
    return new PriorityPolicy(
        officeId,
        0,
        dailyCap == null ? OptionalInt.empty() : OptionalInt.of(dailyCap),
        urgentReserve,
        out,
        note == null ? "" : note,
        actor,
        Optional.empty());
  }
}
