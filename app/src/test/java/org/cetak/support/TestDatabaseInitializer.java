package org.cetak.support;

import java.util.Map;
import org.cetak.db.testing.PostgresExtension;
import org.cetak.db.testing.TestDatabase;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at a fresh database on the test JVM's PostgreSQL; the database is
 * dropped when the context closes. Contexts with the same configuration are shared by Spring.
 */
public final class TestDatabaseInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
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
                    "cetak.database.password", database.password())));
    context.addApplicationListener(
        event -> {
          if (event instanceof ContextClosedEvent) {
            PostgresExtension.dropDatabase(database.name());
          }
        });
  }
}
