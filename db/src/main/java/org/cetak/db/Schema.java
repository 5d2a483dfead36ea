package org.cetak.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema of Cetak: the Flyway migrations under {@code db/migration} are its one source of
 * truth. Migrations are forward-only; a released migration is never edited.
 */
public final class Schema {

  /** Classpath location of the migrations. */
  public static final String MIGRATIONS = "classpath:db/migration";

  private Schema() {}

  /** Flyway configured for Cetak's migrations on the given database. */
  public static Flyway flyway(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations(MIGRATIONS)
        .cleanDisabled(true)
        .validateMigrationNaming(true)
        .load();
  }

  /** Brings the database up to the newest schema; returns the number of migrations applied. */
  public static int migrate(DataSource dataSource) {
    MigrateResult result = flyway(dataSource).migrate();
    return result.migrationsExecuted;
  }
}
