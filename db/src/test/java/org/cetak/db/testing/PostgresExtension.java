package org.cetak.db.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.cetak.db.EmbeddedDatabase;
import org.cetak.db.Schema;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One PostgreSQL per test JVM — embedded, or the server named by {@code CETAK_TEST_DATABASE_URL}
 * (with {@code CETAK_TEST_DATABASE_USER} and {@code CETAK_TEST_DATABASE_PASSWORD}) — and one fresh
 * database per test class, copied from a template migrated once per JVM.
 */
public final class PostgresExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresExtension.class);

  /**
   * A fresh migrated database on this JVM's test server, for callers outside JUnit's lifecycle (a
   * Spring context initializer); the caller drops it with {@link #dropDatabase(String)}.
   */
  public static TestDatabase createDatabase() {
    return Server.INSTANCE.createDatabase();
  }

  /**
   * Holds the embedded server's stop at JVM exit until the returned action has run (60 s at most):
   * for users that close in a JVM shutdown hook of their own and need the database until then, such
   * as Spring test contexts (their scheduler and pool would otherwise meet a stopped server).
   */
  public static Runnable holdStopUntilDone() {
    Server.held = true;
    return Server.RELEASED::countDown;
  }

  /** Drops a database made by {@link #createDatabase()}. */
  public static void dropDatabase(String name) {
    Server.INSTANCE.dropDatabase(name);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    databaseOf(context);
  }

  /**
   * The class's database, made on first use (a per-class test instance is built before beforeAll).
   */
  private static TestDatabase databaseOf(ExtensionContext classContext) {
    return classContext
        .getStore(NAMESPACE)
        .computeIfAbsent(
            classContext.getRequiredTestClass(),
            testClass -> Server.INSTANCE.createDatabase(),
            TestDatabase.class);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    TestDatabase database =
        context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), TestDatabase.class);
    if (database != null) {
      Server.INSTANCE.dropDatabase(database.name());
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestDatabase.class || type == DataSource.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestDatabase database = find(context);
    return parameter.getParameter().getType() == TestDatabase.class
        ? database
        : database.dataSource();
  }

  private static TestDatabase find(ExtensionContext context) {
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      if (c.getTestClass().isPresent()) {
        TestDatabase database =
            c.getStore(NAMESPACE).get(c.getRequiredTestClass(), TestDatabase.class);
        if (database != null) {
          return database;
        }
        if (c.getTestMethod().isEmpty()
            && c.getTestClass().get().isAnnotationPresent(DatabaseTest.class)) {
          return databaseOf(c);
        }
      }
    }
    throw new ParameterResolutionException(
        "No test database: annotate the test class with @DatabaseTest");
  }

  /** The PostgreSQL server of this JVM and its migrated template database. */
  private static final class Server {
    static final CountDownLatch RELEASED = new CountDownLatch(1);
    static volatile boolean held;
    static final Server INSTANCE = new Server();

    private static final String TEMPLATE = "cetak_template";

    private final String baseUrl;
    private final String user;
    private final String password;
    private final String template;

    private Server() {
      String url = System.getenv("CETAK_TEST_DATABASE_URL");
      if (url == null || url.isBlank()) {
        EmbeddedDatabase embedded = EmbeddedDatabase.startTemporary();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      awaitRelease();
                      embedded.close();
                    },
                    "embedded-pg-stop"));
        baseUrl = embedded.jdbcUrl("postgres");
        user = EmbeddedDatabase.USER;
        password = "";
        template = TEMPLATE;
      } else {
        baseUrl = url;
        user = System.getenv().getOrDefault("CETAK_TEST_DATABASE_USER", "postgres");
        password = System.getenv().getOrDefault("CETAK_TEST_DATABASE_PASSWORD", "");
        // several JVMs may share one server: each migrates a template of its own
        template = TEMPLATE + "_" + shortId();
      }
      execute("create database " + template);
      Schema.migrate(dataSource(template));
      execute("alter database " + template + " with is_template true allow_connections false");
      Runtime.getRuntime().addShutdownHook(new Thread(this::dropTemplate, "test-template-drop"));
    }

    private static void awaitRelease() {
      if (!held) {
        return;
      }
      try {
        RELEASED.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    TestDatabase createDatabase() {
      String name = "cetak_test_" + shortId();
      execute("create database " + name + " template " + template);
      execute("alter database " + name + " set timezone to 'Asia/Jakarta'");
      return new TestDatabase(name, url(name), user, password, dataSource(name));
    }

    void dropDatabase(String name) {
      execute("drop database if exists " + name + " with (force)");
    }

    private void dropTemplate() {
      try {
        execute("alter database " + template + " is_template false");
        dropDatabase(template);
      } catch (IllegalStateException e) {
        // the embedded server may already be gone at JVM exit; nothing is left behind then
      }
    }

    private String url(String database) {
      int slash = baseUrl.lastIndexOf('/');
      int query = baseUrl.indexOf('?', slash);
      return baseUrl.substring(0, slash + 1)
          + database
          + (query < 0 ? "" : baseUrl.substring(query));
    }

    private DataSource dataSource(String database) {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setUrl(url(database));
      dataSource.setUser(user);
      dataSource.setPassword(password);
      return dataSource;
    }

    private void execute(String sql) {
      try (Connection connection = dataSource(databaseOf(baseUrl)).getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException("Test database setup failed on: " + sql, e);
      }
    }

    private static String databaseOf(String url) {
      int slash = url.lastIndexOf('/');
      int query = url.indexOf('?', slash);
      return query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
    }

    private static String shortId() {
      return UUID.randomUUID()
          .toString()
          .replace("-", "")
          .substring(0, 12)
          .toLowerCase(Locale.ROOT);
    }
  }
}
