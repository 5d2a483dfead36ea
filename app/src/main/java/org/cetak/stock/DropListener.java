package org.cetak.stock;

/**
 * Told after a drop is recorded, inside the same transaction (a failing listener undoes the drop).
 */
public interface DropListener {

  void dropReceived(long officeId, long dropId, int quantity);
}
