package org.cetak.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.cetak.db.EmbeddedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The connection pool, on the configured PostgreSQL or on an embedded one. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
  private static final String EMBEDDED_DATABASE = "cetak";

  /** Started only when no database URL is configured. */
  @Bean(destroyMethod = "close")
  EmbeddedServer embeddedServer(DatabaseProperties properties) {
    if (!properties.embedded()) {
      return new EmbeddedServer(null);
    }
    EmbeddedDatabase server =
        EmbeddedDatabase.startPersistent(properties.embeddedDataDir(), properties.embeddedPort());
    createDatabaseIfMissing(server.dataSource("postgres"));
    return new EmbeddedServer(server);
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(
      DatabaseProperties properties, ObjectProvider<EmbeddedServer> embedded) {
    HikariConfig config = new HikariConfig();
    if (properties.embedded()) {
      EmbeddedDatabase server = embedded.getObject().server();
      config.setJdbcUrl(server.jdbcUrl(EMBEDDED_DATABASE));
      config.setUsername(EmbeddedDatabase.USER);
    } else {
      config.setJdbcUrl(properties.url());
      config.setUsername(properties.user());
      config.setPassword(properties.password());
      log.info("Using PostgreSQL at {}", properties.url());
    }
    config.setMaximumPoolSize(properties.poolSize());
    config.setPoolName("cetak");
    config.setConnectionInitSql("set timezone to 'Asia/Jakarta'");
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

  /** The embedded server, or none when a database URL is configured. */
  record EmbeddedServer(EmbeddedDatabase server) implements AutoCloseable {
    @Override
    public void close() {
      if (server != null) {
        server.close();
      }
    }
  }
}
