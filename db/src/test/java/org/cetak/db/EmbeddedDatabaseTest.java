package org.cetak.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server an installation keeps: password, loopback, and found by a second process. */
class EmbeddedDatabaseTest {

  @TempDir static Path home;

  private static EmbeddedDatabase server;
  private static Path data;

  @BeforeAll
  static void start() {
    data = home.resolve("pgdata");
    server = EmbeddedDatabase.startPersistent(data, 0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void the_connection_file_is_readable_by_its_owner_only() throws Exception {
    Path file = EmbeddedDatabase.connectionFile(data);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file)).contains("port=" + server.port()).contains("password=");
  }

  @Test
  void a_connection_without_the_password_is_refused() {
    assertThatThrownBy(
            () ->
                DriverManager.getConnection(
                        server.jdbcUrl("postgres"), EmbeddedDatabase.USER, "wrong")
                    .close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password authentication failed");
  }

  @Test
  void the_server_listens_on_loopback_only_and_without_a_unix_socket() throws SQLException {
    assertThat(setting("listen_addresses")).isEqualTo("localhost");
    assertThat(setting("unix_socket_directories")).isEmpty();
  }

  @Test
  void another_process_finds_the_running_server_through_the_connection_file() {
    assertThat(EmbeddedDatabase.running(data))
        .hasValueSatisfying(
            running -> {
              assertThat(running.port()).isEqualTo(server.port());
              assertThat(running.password()).isEqualTo(server.password());
              assertThat(running.toString()).doesNotContain(server.password());
            });
  }

  private static String setting(String name) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                server.jdbcUrl("postgres"), EmbeddedDatabase.USER, server.password());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("show " + name)) {
      r.next();
      return r.getString(1);
    }
  }
}
