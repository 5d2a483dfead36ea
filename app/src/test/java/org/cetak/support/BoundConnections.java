package org.cetak.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.cetak.common.Transactions;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

/**
 * Test transactions: the connection of the current transaction is bound to the thread, so every
 * adapter sharing this provider works in it and nested calls join, as under Spring.
 */
public final class BoundConnections implements ConnectionProvider, Transactions {

  private final DataSource dataSource;

  // Each instance is one test database's transaction scope; a static one would mix databases.
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Connection> current = new ThreadLocal<>();

  private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

  public BoundConnections(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Connection acquire() {
    Connection bound = current.get();
    if (bound != null) {
      return bound;
    }
    return take();
  }

  /** An idle connection, or a new one: opening a connection costs more than most statements. */
  private Connection take() {
    Connection c = idle.poll();
    try {
      return c != null ? c : dataSource.getConnection();
    } catch (SQLException e) {
      throw new DataAccessException("No connection", e);
    }
  }

  private void give(Connection c) {
    try {
      c.setAutoCommit(true);
      idle.offer(c);
    } catch (SQLException e) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // already broken
      }
    }
  }

  @Override
  public void release(Connection connection) {
    if (connection != current.get()) {
      give(connection);
    }
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (current.get() != null) {
      return work.get();
    }
    Connection connection = take();
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
      } finally {
        current.remove();
      }
    } catch (SQLException e) {
      throw new DataAccessException("Transaction failed", e);
    } finally {
      give(connection);
    }
  }
}
