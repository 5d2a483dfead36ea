package org.cetak.stock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proves that the maintained balances equal the sums of the ledger, place by place, for every
 * office. A difference means the balance table was changed outside the ledger.
 */
public final class LedgerCheck {

  private final Ledger ledger;

  public LedgerCheck(Ledger ledger) {
    this.ledger = ledger;
  }

  /** The outcome: how many places were compared and every one that differs. */
  public record Result(int placesChecked, List<String> differences) {
    public boolean ok() {
      return differences.isEmpty();
    }
  }

  public Result run() {
    Map<String, Long> maintained = index(ledger.allBalances());
    Map<String, Long> summed = index(ledger.allSums());
    Set<String> keys = new HashSet<>(maintained.keySet());
    keys.addAll(summed.keySet());
    List<String> differences = new ArrayList<>();
    for (String key : keys.stream().sorted().toList()) {
      long m = maintained.getOrDefault(key, 0L);
      long s = summed.getOrDefault(key, 0L);
      if (m != s) {
        differences.add(key + ": balance " + m + ", ledger " + s);
      }
    }
    return new Result(keys.size(), List.copyOf(differences));
  }

  private static Map<String, Long> index(List<Balance> balances) {
    Map<String, Long> map = new HashMap<>();
    for (Balance b : balances) {
      map.merge(
          "office " + b.officeId() + " " + b.item() + " " + b.place(), b.quantity(), Long::sum);
    }
    return map;
  }
}
