package org.cetak.allocation;

import java.util.List;

/** An ordered tier of the policy: tier 1 is served first; its rules are alternatives. */
public record PriorityTier(int number, String name, List<PriorityRule> rules) {

  public PriorityTier {
    rules = List.copyOf(rules);
  }
}
