package org.cetak.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.cetak.support.CetakSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A console page's statements go to the console's own pool, everything else to the main pool. */
@CetakSpringTest
class ConsoleConnectionsTest {

  @Autowired DataSource dataSource;

  @Test
  void a_page_takes_its_connections_from_the_console_pool_and_the_rest_from_the_main_pool()
      throws Exception {
    List<String> pools = new ArrayList<>();
    pools.add(pool());
    ConsoleConnections.forPage(() -> pools.add(pool()));
    pools.add(pool());

    assertThat(pools).containsExactly("cetak", "cetak-console", "cetak");
  }

  private String pool() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select current_setting('application_name')")) {
      row.next();
      return row.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
