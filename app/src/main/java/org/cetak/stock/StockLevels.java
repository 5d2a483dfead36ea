package org.cetak.stock;

import java.util.List;
import java.util.Map;

/**
 * How many blanks an office has: available (vault + feeders), usable (available minus what
 * allocation reserved), and the reconciliation identity.
 */
public final class StockLevels {

  private final Ledger ledger;
  private final ReservedBlanks reserved;
  private final long reorderThreshold;

  public StockLevels(Ledger ledger, ReservedBlanks reserved, long reorderThreshold) {
    this.ledger = ledger;
    this.reserved = reserved;
    this.reorderThreshold = reorderThreshold;
  }

  /** Blanks in the vault and the feeders. */
  public long available(long officeId) {
    return ledger.balances(officeId).stream()
        .filter(b -> b.item() == Item.BLANK)
        .filter(
            b -> b.place().location() == Location.VAULT || b.place().location() == Location.FEEDER)
        .mapToLong(Balance::quantity)
        .sum();
  }

  public long reserved(long officeId) {
    return reserved.reserved(officeId);
  }

  /** Available minus reserved (never below zero). */
  public long usable(long officeId) {
    return Math.max(0, available(officeId) - reserved(officeId));
  }

  public long reorderThreshold() {
    return reorderThreshold;
  }

  /** Whether usable stock is below the threshold at which the office asks the province for more. */
  public boolean reorderAlert(long officeId) {
    return usable(officeId) < reorderThreshold;
  }

  public Reconciliation reconciliation(long officeId) {
    Map<String, Long> sourced = ledger.sourced(officeId);
    List<Balance> balances = ledger.balances(officeId);
    return new Reconciliation(
        officeId,
        sourced.getOrDefault(Item.BLANK + ":" + Location.CENTRE, 0L),
        sourced.getOrDefault(Item.BLANK + ":" + Location.BORROWED, 0L),
        held(balances, Item.BLANK, Location.VAULT),
        held(balances, Item.BLANK, Location.FEEDER),
        held(balances, Item.BLANK, Location.INSIDE_PRINTER),
        held(balances, Item.BLANK, Location.PRINTED),
        held(balances, Item.BLANK, Location.SPOILED),
        held(balances, Item.BLANK, Location.DESTROYED),
        held(balances, Item.BLANK, Location.LENT),
        held(balances, Item.BLANK, Location.UNKNOWN),
        sourced.getOrDefault(Item.OLD_CARD + ":" + Location.WITHDRAWN, 0L),
        held(balances, Item.OLD_CARD, Location.SPOILED),
        held(balances, Item.OLD_CARD, Location.DESTROYED),
        held(balances, Item.BLANK, Location.LOST));
  }

  /**
   * Blanks received from the centre in these flows, less those of reversed drops that went back.
   */
  static long received(Map<String, Long> flows) {
    return outOf(flows, Item.BLANK, Location.CENTRE) - into(flows, Item.BLANK, Location.CENTRE);
  }

  static long outOf(Map<String, Long> flows, Item item, Location from) {
    String prefix = item + ":" + from + ":";
    return flows.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  static long into(Map<String, Long> flows, Item item, Location to) {
    String suffix = ":" + to;
    String prefix = item + ":";
    return flows.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix) && e.getKey().endsWith(suffix))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  static long held(List<Balance> balances, Item item, Location location) {
    return balances.stream()
        .filter(b -> b.item() == item && b.place().location() == location)
        .mapToLong(Balance::quantity)
        .sum();
  }
}
