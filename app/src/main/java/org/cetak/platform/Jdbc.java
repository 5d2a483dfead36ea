package org.cetak.platform;

import java.sql.SQLException;
import java.util.function.Supplier;
import org.jooq.ConnectionCallable;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Statements prepared from fixed texts on the transaction's connection, for the few that run for
 * every card and would otherwise be rendered by jOOQ each time; a failure says what was being done.
 */
public final class Jdbc {

  private Jdbc() {}

  /**
   * Runs {@code work} on the connection of {@code db}'s current transaction; an {@link
   * SQLException} becomes a {@link DataAccessException} reading "Cannot " and {@code doing}.
   */
  public static <T> T onConnection(
      DSLContext db, Supplier<String> doing, ConnectionCallable<T> work) {
    return db.connectionResult(
        c -> {
          try {
            return work.run(c);
          } catch (SQLException e) {
            throw new DataAccessException("Cannot " + doing.get(), e);
          }
        });
  }
}
