package org.cetak.notify;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.cetak.common.Transactions;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

/**
 * Test transactions as under Spring: the current transaction's connection is bound to the thread,
 * every adapter sharing this provider works in it, nested calls join.
 */
final class ThreadTransactions implements ConnectionProvider, Transactions {

  private final DataSource dataSource;

  // one per instance: each test database has its own transactions
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Connection> current = new ThreadLocal<>();

  ThreadTransactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Connection acquire() {
    Connection bound = current.get();
    if (bound != null) {
      return bound;
    }
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new DataAccessException("No connection", e);
    }
  }

  @Override
  public void release(Connection connection) {
    if (connection != current.get()) {
      close(connection);
    }
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (current.get() != null) {
      return work.get();
    }
    Connection connection = acquire();
    try {
      connection.setAutoCommit(false);
      current.set(connection);
      try {
        T result = work.get();
        connection.commit();
        return result;
      } catch (RuntimeException | Error e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new DataAccessException("Transaction failed", e);
    } finally {
      current.remove();
      close(connection);
    }
  }

  private static void close(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // already gone
    }
  }
}
