package org.cetak.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.sql.DataSource;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;

/**
 * The database part of {@code cetak check}: the database answers, its schema is at this jar's
 * version (nothing is migrated), and an office is set up in it.
 */
final class DatabaseCheck {

  private final ObjectProvider<DataSource> dataSource;
  private final ObjectProvider<OfficeDirectory> offices;
  private final Environment environment;
  private final CliText text;

  DatabaseCheck(
      ObjectProvider<DataSource> dataSource,
      ObjectProvider<OfficeDirectory> offices,
      Environment environment,
      CliText text) {
    this.dataSource = dataSource;
    this.offices = offices;
    this.environment = environment;
    this.text = text;
  }

  /** Adds the database's, the schema's and (when both hold) the office's results. */
  void check(List<CheckResult> results) {
    if (database(results)) {
      results.add(office());
    }
  }

  /** The database answers and every migration of this jar is applied; true when both hold. */
  private boolean database(List<CheckResult> results) {
    String what = text.both("cli.check.database");
    String where = environment.getProperty("cetak.database.url", "");
    Function<Locale, String> named =
        locale -> where.isBlank() ? text.in(locale, "cli.check.database.embedded") : where;
    DataSource source;
    String version;
    try {
      source = dataSource.getObject();
      try (Connection c = source.getConnection()) {
        version = c.getMetaData().getDatabaseProductVersion();
      }
    } catch (RuntimeException | SQLException e) {
      String why = CheckResult.rootMessage(e);
      results.add(
          CheckResult.fail(
              what,
              locale ->
                  text.in(locale, "cli.check.database.unreachable", named.apply(locale), why)));
      return false;
    }
    results.add(CheckResult.ok(what, "PostgreSQL " + version + " (" + text.both(named) + ")"));
    CheckResult schema = schema(source);
    results.add(schema);
    return schema.ok();
  }

  private CheckResult schema(DataSource source) {
    MigrationInfoService info =
        Flyway.configure()
            .dataSource(source)
            .locations(
                environment
                    .getProperty("spring.flyway.locations", "classpath:db/migration")
                    .split(","))
            .load()
            .info();
    MigrationInfo current = info.current();
    String at = current == null ? "-" : current.getVersion().toString();
    long failed =
        Arrays.stream(info.all()).filter(m -> m.getState() == MigrationState.FAILED).count();
    long future =
        Arrays.stream(info.all())
            .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS)
            .count();
    int pending = info.pending().length;
    String schema = text.both("cli.check.schema");
    if (failed > 0) {
      return CheckResult.fail(text, schema, "cli.check.schema.failed", failed);
    }
    if (future > 0) {
      return CheckResult.fail(text, schema, "cli.check.schema.newer", at);
    }
    if (pending > 0) {
      return CheckResult.fail(text, schema, "cli.check.schema.pending", at, pending);
    }
    return CheckResult.ok(schema, text.both("cli.check.schema.version") + " " + at);
  }

  private CheckResult office() {
    List<Office> all = offices.getObject().offices();
    String what = text.both("cli.check.office");
    return all.isEmpty()
        ? CheckResult.fail(text, what, "cli.check.office.none")
        : CheckResult.ok(what, String.join(", ", all.stream().map(Office::code).toList()));
  }
}
