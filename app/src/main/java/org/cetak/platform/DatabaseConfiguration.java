package org.cetak.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.cetak.db.EmbeddedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The connection pools, on the configured PostgreSQL or on an embedded one. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
  private static final String EMBEDDED_DATABASE = "cetak";

  /** Migrations run at start even when the other beans are created lazily (a command). */
  @Bean
  static LazyInitializationExcludeFilter eagerMigrations() {
    return (name, definition, type) -> type.getName().endsWith(".FlywayMigrationInitializer");
  }

  /**
   * Started only when no database URL is configured. A command-line task uses the embedded server a
   * running Cetak started on the same data directory, when there is one, and leaves it running.
   */
  @Bean(destroyMethod = "close")
  EmbeddedServer embeddedServer(
      DatabaseProperties properties, @Value("${cetak.cli.enabled:false}") boolean cli) {
    if (!properties.embedded()) {
      return new EmbeddedServer(null, null);
    }
    if (cli) {
      Optional<EmbeddedDatabase.RunningServer> running =
          EmbeddedDatabase.running(properties.embeddedDataDir());
      if (running.isPresent()) {
        log.debug("Using the embedded PostgreSQL of the running server, {}", running.get());
        return new EmbeddedServer(null, running.get());
      }
    }
    EmbeddedDatabase server =
        EmbeddedDatabase.startPersistent(properties.embeddedDataDir(), properties.embeddedPort());
    createDatabaseIfMissing(server.dataSource("postgres"));
    return new EmbeddedServer(
        server,
        new EmbeddedDatabase.RunningServer(
            server.port(), EmbeddedDatabase.USER, server.password()));
  }

  /**
   * The main pool and, for a server, the console pages' own ({@link ConsoleConnections}); a command
   * has only the main pool.
   */
  @Bean(destroyMethod = "close")
  ConsoleConnections dataSource(
      DatabaseProperties properties,
      ObjectProvider<EmbeddedServer> embedded,
      @Value("${cetak.cli.enabled:false}") boolean cli) {
    HikariDataSource main = pool(properties, embedded, cli, "cetak", properties.poolSize());
    if (cli) {
      return new ConsoleConnections(main, main);
    }
    HikariDataSource pages =
        pool(properties, embedded, false, "cetak-console", properties.consolePoolSize());
    // opened at the first page, not at start
    pages.setMinimumIdle(0);
    return new ConsoleConnections(main, pages);
  }

  private static HikariDataSource pool(
      DatabaseProperties properties,
      ObjectProvider<EmbeddedServer> embedded,
      boolean cli,
      String name,
      int size) {
    HikariConfig config = new HikariConfig();
    if (cli) {
      // a command opens the pool without connecting, and its first statement says in a few
      // seconds when the database does not answer (the check reports it in its own words)
      config.setInitializationFailTimeout(-1);
      config.setConnectionTimeout(5000);
    }
    if (properties.embedded()) {
      EmbeddedDatabase.RunningServer server = embedded.getObject().address();
      config.setJdbcUrl(server.jdbcUrl(EMBEDDED_DATABASE));
      config.setUsername(server.user());
      config.setPassword(server.password());
    } else {
      config.setJdbcUrl(properties.url());
      config.setUsername(properties.user());
      config.setPassword(properties.password());
      if (name.equals("cetak")) {
        log.info("Using PostgreSQL at {}", properties.url());
      }
    }
    config.setMaximumPoolSize(size);
    config.setPoolName(name);
    // pg_stat_activity says which pool a connection is of
    config.addDataSourceProperty("ApplicationName", name);
    // UTC: an office's day comes from its own zone (WIB, WITA or WIT), never from the session
    config.setConnectionInitSql("set timezone to 'UTC'");
    return new HikariDataSource(config);
  }

  private static void createDatabaseIfMissing(DataSource postgres) {
    try (Connection connection = postgres.getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet exists =
          statement.executeQuery(
              "select 1 from pg_database where datname = '" + EMBEDDED_DATABASE + "'")) {
        if (exists.next()) {
          return;
        }
      }
      statement.execute("create database " + EMBEDDED_DATABASE);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the embedded database", e);
    }
  }

  /**
   * The embedded server this process started (null when it uses another process's, or a database
   * URL is configured) and how to reach the embedded server it uses.
   */
  record EmbeddedServer(EmbeddedDatabase server, EmbeddedDatabase.RunningServer address)
      implements AutoCloseable {
    @Override
    public void close() {
      if (server != null) {
        server.close();
      }
    }
  }
}
