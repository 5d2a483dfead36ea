package org.cetak.stock;

/**
 * The identity that must always close for blanks: received + borrowed = vault + feeders + inside
 * printers + printed + spoiled + destroyed + lent + lost + unknown; and, apart, for old cards:
 * withdrawn = awaiting destruction + destroyed. The left sides come from the ledger, the right
 * sides from the maintained balances.
 */
public record Reconciliation(
    long officeId,
    long received,
    long borrowed,
    long vault,
    long feeders,
    long insidePrinters,
    long printed,
    long spoiled,
    long destroyed,
    long lent,
    long unknown,
    long oldCardsWithdrawn,
    long oldCardsAwaitingDestruction,
    long oldCardsDestroyed,
    long lost) {

  public long sources() {
    return received + borrowed;
  }

  public long accountedFor() {
    return vault + feeders + insidePrinters + printed + spoiled + destroyed + lent + lost + unknown;
  }

  public boolean blanksBalance() {
    return sources() == accountedFor();
  }

  public boolean oldCardsBalance() {
    return oldCardsWithdrawn == oldCardsAwaitingDestruction + oldCardsDestroyed;
  }

  public boolean closes() {
    return blanksBalance() && oldCardsBalance();
  }
}
