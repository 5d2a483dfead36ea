package org.cetak.support;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cetak.db.testing.PostgresExtension;
import org.cetak.db.testing.TestDatabase;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at a fresh database on the test JVM's PostgreSQL; the database is
 * dropped after the context's last bean is gone. Contexts with the same configuration are shared by
 * Spring.
 *
 * <p>Each context's Quartz scheduler is named after its database: Quartz keeps the connection
 * provider of a scheduler in a JVM-wide registry under the scheduler's name, so contexts of one JVM
 * sharing the name {@code cetak} would all use the pool of the context made last, and fail when
 * that context closes.
 */
public final class TestDatabaseInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final AtomicBoolean SERVER_HELD = new AtomicBoolean();

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    if (SERVER_HELD.compareAndSet(false, true)) {
      // the contexts close in Spring's shutdown hook at JVM exit; the server stops after them
      SpringApplication.getShutdownHandlers().add(PostgresExtension.holdStopUntilDone());
    }
    TestDatabase database = PostgresExtension.createDatabase();
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "test-database",
                Map.of(
                    "cetak.database.url", database.jdbcUrl(),
                    "cetak.database.user", database.user(),
                    "cetak.database.password", database.password(),
                    "spring.quartz.scheduler-name", "cetak-" + database.name())));
    // registered before any bean, so destroyed after all of them (the pool, the scheduler)
    ((DefaultListableBeanFactory) context.getBeanFactory())
        .registerDisposableBean(
            "testDatabaseDrop", () -> PostgresExtension.dropDatabase(database.name()));
  }
}
