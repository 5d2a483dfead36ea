package org.cetak.common;

import java.util.function.Supplier;

/**
 * Runs domain work in one database transaction: everything inside commits together or not at all.
 * Nested calls join the outer transaction.
 */
public interface Transactions {

  <T> T inTransaction(Supplier<T> work);

  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
