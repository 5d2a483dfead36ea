package org.cetak.allocation;

/**
 * Blanks that can still be printed: those in the office's vault and printer feeders (the stock
 * ledger's balances). Reserved blanks are counted in it; allocation subtracts them.
 */
@FunctionalInterface
public interface BlankSupply {

  long available(long officeId);
}
