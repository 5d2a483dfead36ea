package org.cetak.allocation.jooq;

import static org.cetak.db.jooq.Tables.OFFICE;
import static org.cetak.db.jooq.Tables.PRIORITY_POLICY;
import static org.cetak.db.jooq.Tables.PRIORITY_RULE;
import static org.cetak.db.jooq.Tables.PRIORITY_TIER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.cetak.allocation.PolicyStore;
import org.cetak.allocation.PriorityPolicy;
import org.cetak.allocation.PriorityRule;
import org.cetak.allocation.PriorityTier;
import org.cetak.db.jooq.tables.records.PriorityPolicyRecord;
import org.cetak.db.jooq.tables.records.PriorityRuleRecord;
import org.cetak.intake.RequestReason;
import org.jooq.DSLContext;

/** Policy versions in PostgreSQL: never updated, each change a new version. */
public final class JooqPolicyStore implements PolicyStore {

  private final DSLContext db;
  private final Clock clock;

  public JooqPolicyStore(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public void lock(long officeId) {
    // the office's row: two supervisors saving at once are served one after the other
    db.select(OFFICE.ID).from(OFFICE).where(OFFICE.ID.eq(officeId)).forNoKeyUpdate().fetch();
  }

  @Override
  public Optional<PriorityPolicy> current(long officeId) {
    return db.selectFrom(PRIORITY_POLICY)
        .where(PRIORITY_POLICY.OFFICE_ID.eq(officeId))
        .orderBy(PRIORITY_POLICY.VERSION.desc())
        .limit(1)
        .fetchOptional()
        .map(this::toPolicy);
  }

  @Override
  public List<PriorityPolicy> history(long officeId) {
    return db.selectFrom(PRIORITY_POLICY)
        .where(PRIORITY_POLICY.OFFICE_ID.eq(officeId))
        .orderBy(PRIORITY_POLICY.VERSION)
        .fetch()
        .map(this::toPolicy);
  }

  @Override
  public PriorityPolicy saveNewVersion(PriorityPolicy policy, String actor) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    PriorityPolicyRecord saved =
        db.insertInto(PRIORITY_POLICY)
            .set(PRIORITY_POLICY.OFFICE_ID, policy.officeId())
            .set(
                PRIORITY_POLICY.VERSION,
                select(coalesce(max(PRIORITY_POLICY.VERSION), val(0)).plus(1))
                    .from(PRIORITY_POLICY)
                    .where(PRIORITY_POLICY.OFFICE_ID.eq(policy.officeId())))
            .set(
                PRIORITY_POLICY.DAILY_CAP,
                policy.dailyCap().isPresent() ? policy.dailyCap().getAsInt() : null)
            .set(PRIORITY_POLICY.URGENT_RESERVE, policy.urgentReserve())
            .set(PRIORITY_POLICY.NOTE, policy.note())
            .set(PRIORITY_POLICY.CREATED_BY, actor)
            .set(PRIORITY_POLICY.CREATED_AT, now)
            .returning()
            .fetchSingle();
    for (PriorityTier tier : policy.tiers()) {
      db.insertInto(PRIORITY_TIER)
          .set(PRIORITY_TIER.POLICY_ID, saved.getId())
          .set(PRIORITY_TIER.TIER, tier.number())
          .set(PRIORITY_TIER.NAME, tier.name())
          .execute();
      int seq = 1;
      for (PriorityRule rule : tier.rules()) {
        db.insertInto(PRIORITY_RULE)
            .set(PRIORITY_RULE.POLICY_ID, saved.getId())
            .set(PRIORITY_RULE.TIER, tier.number())
            .set(PRIORITY_RULE.SEQ, seq++)
            .set(PRIORITY_RULE.NAME, rule.name())
            .set(
                PRIORITY_RULE.REASONS,
                rule.reasons().isEmpty()
                    ? null
                    : rule.reasons().stream()
                        .map(Enum::name)
                        .sorted()
                        .collect(Collectors.joining(",")))
            .set(PRIORITY_RULE.URGENT, rule.urgent().orElse(null))
            .set(PRIORITY_RULE.VULNERABLE, rule.vulnerable().orElse(null))
            .set(PRIORITY_RULE.DISABLED, rule.disabled().orElse(null))
            .set(PRIORITY_RULE.MIN_AGE, rule.minAge().orElse(null))
            .set(PRIORITY_RULE.MAX_AGE, rule.maxAge().orElse(null))
            .set(PRIORITY_RULE.AGE_ON, rule.ageOn().orElse(null))
            .set(PRIORITY_RULE.VALID_FROM, rule.validFrom().orElse(null))
            .set(PRIORITY_RULE.VALID_UNTIL, rule.validUntil().orElse(null))
            .execute();
      }
    }
    return toPolicy(saved);
  }

  private PriorityPolicy toPolicy(PriorityPolicyRecord row) {
    List<PriorityTier> tiers = new ArrayList<>();
    List<PriorityRuleRecord> rules =
        db.selectFrom(PRIORITY_RULE)
            .where(PRIORITY_RULE.POLICY_ID.eq(row.getId()))
            .orderBy(PRIORITY_RULE.TIER, PRIORITY_RULE.SEQ)
            .fetch();
    for (var tier :
        db.selectFrom(PRIORITY_TIER)
            .where(PRIORITY_TIER.POLICY_ID.eq(row.getId()))
            .orderBy(PRIORITY_TIER.TIER)
            .fetch()) {
      tiers.add(
          new PriorityTier(
              tier.getTier(),
              tier.getName(),
              rules.stream()
                  .filter(r -> r.getTier().equals(tier.getTier()))
                  .map(JooqPolicyStore::toRule)
                  .toList()));
    }
    return new PriorityPolicy(
        row.getOfficeId(),
        row.getVersion(),
        row.getDailyCap() == null ? OptionalInt.empty() : OptionalInt.of(row.getDailyCap()),
        row.getUrgentReserve(),
        tiers,
        row.getNote(),
        row.getCreatedBy(),
        Optional.of(row.getCreatedAt()));
  }

  private static PriorityRule toRule(PriorityRuleRecord r) {
    Set<RequestReason> reasons = EnumSet.noneOf(RequestReason.class);
    if (r.getReasons() != null && !r.getReasons().isBlank()) {
      Arrays.stream(r.getReasons().split(",")).map(RequestReason::valueOf).forEach(reasons::add);
    }
    return new PriorityRule(
        r.getName(),
        reasons,
        Optional.ofNullable(r.getUrgent()),
        Optional.ofNullable(r.getVulnerable()),
        Optional.ofNullable(r.getDisabled()),
        Optional.ofNullable(r.getMinAge()),
        Optional.ofNullable(r.getMaxAge()),
        Optional.ofNullable(r.getAgeOn()),
        Optional.ofNullable(r.getValidFrom()),
        Optional.ofNullable(r.getValidUntil()));
  }
}
