package org.cetak.allocation.jooq;

import static org.cetak.db.jooq.Tables.PRINT_REQUEST;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.trueCondition;
import static org.jooq.impl.DSL.when;

import java.time.LocalDate;
import java.util.Optional;
import org.cetak.allocation.PriorityPolicy;
import org.cetak.allocation.PriorityRule;
import org.cetak.allocation.PriorityTier;
import org.cetak.db.jooq.tables.PrintRequest;
import org.jooq.CaseConditionStep;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;

/**
 * The priority policy as SQL over {@code print_request}: the tier and rule of every row in one CASE
 * each, so the whole queue is ranked by the database. Mirrors {@link
 * PriorityRule#matches(org.cetak.intake.ResidentRecord, LocalDate)}.
 */
final class PolicySql {

  /** Requests without a Suket sort after those with one. */
  static final LocalDate NO_SUKET = LocalDate.of(9999, 12, 31);

  private PolicySql() {}

  /** The tier number that takes each row today; null where no rule does. */
  static Optional<Field<Integer>> tier(PrintRequest r, PriorityPolicy policy, LocalDate today) {
    CaseConditionStep<Integer> tier = null;
    for (PriorityTier t : policy.tiers()) {
      for (PriorityRule rule : t.rules()) {
        if (!rule.activeOn(today)) {
          continue;
        }
        Condition c = condition(r, rule, today);
        tier = tier == null ? when(c, inline(t.number())) : tier.when(c, inline(t.number()));
      }
    }
    return Optional.ofNullable(tier);
  }

  /** The name of the rule that takes each row today. */
  static Optional<Field<String>> rule(PrintRequest r, PriorityPolicy policy, LocalDate today) {
    CaseConditionStep<String> rule = null;
    for (PriorityTier t : policy.tiers()) {
      for (PriorityRule candidate : t.rules()) {
        if (!candidate.activeOn(today)) {
          continue;
        }
        Condition c = condition(r, candidate, today);
        rule =
            rule == null
                ? when(c, inline(candidate.name()))
                : rule.when(c, inline(candidate.name()));
      }
    }
    return Optional.ofNullable(rule);
  }

  /**
   * The rows tier {@code number} takes today, the same as {@code tier(...) = number}: one of its
   * rules matches and no rule of a better tier does. Written out so the planner estimates each
   * condition from the columns' statistics (a CASE it cannot) and reads the eligible-queue index in
   * order for the few it needs.
   */
  static Condition inTier(PrintRequest r, PriorityPolicy policy, int number, LocalDate today) {
    Condition earlier = falseCondition();
    Condition mine = falseCondition();
    for (PriorityTier t : policy.tiers()) {
      for (PriorityRule rule : t.rules()) {
        if (rule.activeOn(today)) {
          if (t.number() == number) {
            mine = mine.or(matches(r, rule, today));
          } else {
            // the CASE takes the first rule that matches, in the policy's order
            earlier = earlier.or(matches(r, rule, today));
          }
        }
      }
      if (t.number() == number) {
        break;
      }
    }
    return mine.andNot(earlier);
  }

  private static Condition matches(PrintRequest r, PriorityRule rule, LocalDate today) {
    Condition c = condition(r, rule, today);
    return c.equals(noCondition()) ? trueCondition() : c;
  }

  static Condition condition(PrintRequest r, PriorityRule rule, LocalDate today) {
    Condition c = noCondition();
    if (!rule.reasons().isEmpty()) {
      c = c.and(r.REASON.in(rule.reasons().stream().map(Enum::name).sorted().toList()));
    }
    if (rule.urgent().isPresent()) {
      c = c.and(rule.urgent().get() ? r.URGENT_REASON.isNotNull() : r.URGENT_REASON.isNull());
    }
    if (rule.vulnerable().isPresent()) {
      c = c.and(r.VULNERABLE.eq(inline(rule.vulnerable().get())));
    }
    if (rule.disabled().isPresent()) {
      c = c.and(r.DISABLED.eq(inline(rule.disabled().get())));
    }
    Optional<LocalDate> latest = rule.bornOnOrBefore(today);
    if (latest.isPresent()) {
      c = c.and(r.BIRTH_DATE.le(inline(latest.get())));
    }
    Optional<LocalDate> earliest = rule.bornAfter(today);
    if (earliest.isPresent()) {
      c = c.and(r.BIRTH_DATE.gt(inline(earliest.get())));
    }
    return c;
  }

  static Field<LocalDate> suketKey(PrintRequest r) {
    return org.jooq.impl.DSL.coalesce(r.SUKET_DATE, inline(NO_SUKET));
  }

  /** Tie-break within a tier: oldest Suket, then oldest PRR time, then first registered. */
  static SortField<?>[] tieBreak(PrintRequest r) {
    return new SortField<?>[] {suketKey(r).asc(), r.SIAK_STATUS_AT.asc(), r.ID.asc()};
  }

  static PrintRequest requests() {
    return PRINT_REQUEST;
  }
}
