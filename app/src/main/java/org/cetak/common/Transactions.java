package org.cetak.common;

import java.util.function.Supplier;

/**
 * Runs domain work in one database transaction: everything inside commits together or not at all.
 * Nested calls join the outer transaction.
 */
public interface Transactions {

  <T> T inTransaction(Supplier<T> work);

  /**
   * Runs the action when the transaction the caller is in has ended, committed or rolled back (on
   * the thread that ends it); at once when the caller is in none.
   */
  default void whenEnded(Runnable action) {
    action.run();
  }

  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
