package org.cetak.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
  void the_pools_sessions_run_in_utc(TestDatabase database) throws SQLException {
    DatabaseProperties properties =
        new DatabaseProperties(
            database.jdbcUrl(), database.user(), database.password(), null, 0, 2);
    try (HikariDataSource pool = new DatabaseConfiguration().dataSource(properties, null, false);
        Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet zone = statement.executeQuery("show timezone")) {
      assertThat(zone.next()).isTrue();
      assertThat(zone.getString(1)).isEqualTo("UTC");
    }
  }
}
