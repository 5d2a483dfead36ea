package org.cetak.allocation;

import java.util.Optional;
import org.cetak.common.CommonError;
import org.cetak.common.DomainException;
import org.cetak.common.Transactions;
import org.cetak.office.Audit;

/** Reads and changes the priority policy; every change is checked, versioned and audited. */
public final class PolicyService {

  private final PolicyStore store;
  private final Transactions transactions;
  private final Audit audit;

  public PolicyService(PolicyStore store, Transactions transactions, Audit audit) {
    this.store = store;
    this.transactions = transactions;
    this.audit = audit;
  }

  /** The policy in force: the newest version, or the default when none was ever saved. */
  public PriorityPolicy current(long officeId) {
    return store.current(officeId).orElseGet(() -> DefaultPolicy.forOffice(officeId));
  }

  /** Saves a new version after {@link PolicyCheck}; refused whole when it is not sound. */
  public PriorityPolicy replace(PriorityPolicy draft, String actor) {
    return replace(draft, -1, actor);
  }

  /**
   * As {@link #replace(PriorityPolicy, String)}, refused with {@code STALE_VERSION} unless the
   * version in force is still {@code basedOn} (0: the default, never saved; negative: no check).
   */
  public PriorityPolicy replace(PriorityPolicy draft, int basedOn, String actor) {
    PolicyCheck.check(draft);
    return transactions.inTransaction(
        () -> {
          store.lock(draft.officeId());
          Optional<PriorityPolicy> before = store.current(draft.officeId());
          int inForce = before.map(PriorityPolicy::version).orElse(0);
          if (basedOn >= 0 && basedOn != inForce) {
            throw new DomainException(
                CommonError.STALE_VERSION,
                "The policy was edited from v" + basedOn + " but v" + inForce + " is in force now",
                basedOn,
                inForce);
          }
          PriorityPolicy saved = store.saveNewVersion(draft, actor);
          audit.record(
              draft.officeId(),
              actor,
              "PRIORITY_POLICY_CHANGED",
              "priority policy v" + saved.version(),
              "from v"
                  + before.map(p -> String.valueOf(p.version())).orElse("default")
                  + ": "
                  + summary(saved));
          return saved;
        });
  }

  static String summary(PriorityPolicy policy) {
    StringBuilder out = new StringBuilder();
    out.append("cap ")
        .append(
            policy.dailyCap().isPresent() ? String.valueOf(policy.dailyCap().getAsInt()) : "none")
        .append(", reserve ")
        .append(policy.urgentReserve())
        .append(", tiers");
    for (PriorityTier tier : policy.tiers()) {
      out.append(' ').append(tier.number()).append('=').append(tier.name()).append('[');
      tier.rules().forEach(r -> out.append(r.name()).append(' '));
      out.setLength(out.length() - (tier.rules().isEmpty() ? 0 : 1));
      out.append(']');
    }
    if (!policy.note().isBlank()) {
      out.append(", note: ").append(policy.note());
    }
    return out.toString();
  }
}
