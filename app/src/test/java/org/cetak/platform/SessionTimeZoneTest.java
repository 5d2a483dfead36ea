package org.cetak.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.db.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The application's database sessions run in UTC: no statement takes an office's day from the
 * session by accident (every office's day comes from its own zone, WIB, WITA or WIT). The test
 * database's own default is Asia/Jakarta, so a pool that left the session alone would show it.
 */
@DatabaseTest
class SessionTimeZoneTest {

  @Test
  void the_pools_sessions_run_in_utc(TestDatabase database) throws Exception {
    DatabaseProperties properties =
        new DatabaseProperties(
            database.jdbcUrl(), database.user(), database.password(), null, 0, 2, 2);
    try (ConsoleConnections pools =
        new DatabaseConfiguration().dataSource(properties, null, false)) {
      assertThat(zone(pools)).as("the main pool").isEqualTo("UTC");
      AtomicReference<String> page = new AtomicReference<>();
      ConsoleConnections.forPage(
          () -> {
            try {
              page.set(zone(pools));
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          });
      assertThat(page.get()).as("the console pages' pool").isEqualTo("UTC");
    }
  }

  private static String zone(DataSource pool) throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet zone = statement.executeQuery("show timezone")) {
      assertThat(zone.next()).isTrue();
      return zone.getString(1);
    }
  }
}
