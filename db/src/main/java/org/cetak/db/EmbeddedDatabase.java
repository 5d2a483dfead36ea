package org.cetak.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from the binaries on the classpath, for a machine with no
 * database configured (the demo) and for tests. With a data directory, the data survives restarts.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  /** Database and user created by {@code initdb} in the embedded server. */
  public static final String USER = "postgres";

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts a server keeping its data in {@code dataDirectory} (created when missing, kept on
   * close).
   *
   * @param port the port to listen on, 0 for any free port
   */
  public static EmbeddedDatabase startPersistent(Path dataDirectory, int port) {
    try {
      Files.createDirectories(dataDirectory);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setServerConfig("timezone", "Asia/Jakarta")
              .setServerConfig("max_connections", "200");
      if (port > 0) {
        builder.setPort(port);
      }
      EmbeddedDatabase database = new EmbeddedDatabase(builder.start());
      log.info(
          "Embedded PostgreSQL listening on port {} with data in {}",
          database.port(),
          dataDirectory.toAbsolutePath());
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot start embedded PostgreSQL with data directory " + dataDirectory, e);
    }
  }

  /** Starts a throw-away server in a temporary directory, deleted on close. */
  public static EmbeddedDatabase startTemporary() {
    try {
      return new EmbeddedDatabase(
          EmbeddedPostgres.builder()
              .setServerConfig("timezone", "Asia/Jakarta")
              .setServerConfig("max_connections", "300")
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .start());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start a temporary embedded PostgreSQL", e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /** JDBC URL of a database on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  /** A connection-per-call data source for a database on this server. */
  public DataSource dataSource(String database) {
    return postgres.getDatabase(USER, database);
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot stop embedded PostgreSQL", e);
    }
  }
}
