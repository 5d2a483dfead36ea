package org.cetak.stock;

import org.cetak.common.DomainException;

/** The one rule every quantity of blanks obeys: a whole number above zero. */
final class Quantities {

  private Quantities() {}

  static void positive(int quantity) {
    if (quantity <= 0) {
      throw new DomainException(
          StockError.INVALID_QUANTITY,
          "Jumlah harus lebih dari 0, bukan "
              + quantity
              + " / Quantity must be positive, was "
              + quantity,
          quantity);
    }
  }
}
