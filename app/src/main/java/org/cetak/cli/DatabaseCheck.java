package org.cetak.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
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

  DatabaseCheck(
      ObjectProvider<DataSource> dataSource,
      ObjectProvider<OfficeDirectory> offices,
      Environment environment) {
    this.dataSource = dataSource;
    this.offices = offices;
    this.environment = environment;
  }

  /** Adds the database's, the schema's and (when both hold) the office's results. */
  void check(List<CheckResult> results) {
    if (database(results)) {
      results.add(office());
    }
  }

  /** The database answers and every migration of this jar is applied; true when both hold. */
  private boolean database(List<CheckResult> results) {
    String what = "basis data / database";
    String where = environment.getProperty("cetak.database.url", "");
    String named = where.isBlank() ? "embedded PostgreSQL" : where;
    DataSource source;
    String version;
    try {
      source = dataSource.getObject();
      try (Connection c = source.getConnection()) {
        version = c.getMetaData().getDatabaseProductVersion();
      }
    } catch (RuntimeException | SQLException e) {
      results.add(
          CheckResult.fail(
              what,
              "tidak dapat terhubung ke " + named + ": " + CheckResult.rootMessage(e),
              "cannot connect to " + named + ": " + CheckResult.rootMessage(e)));
      return false;
    }
    results.add(CheckResult.ok(what, "PostgreSQL " + version + " (" + named + ")"));
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
    String schema = "skema / schema";
    if (failed > 0) {
      return CheckResult.fail(
          schema,
          failed + " migrasi gagal; pulihkan dari cadangan (docs/INSTALL.md)",
          failed + " migration(s) failed; restore the backup (docs/INSTALL.md)");
    }
    if (future > 0) {
      return CheckResult.fail(
          schema,
          "versi " + at + " lebih baru dari program ini: pasang jar yang lebih baru",
          "version " + at + " is newer than this jar: install the newer jar");
    }
    if (pending > 0) {
      return CheckResult.fail(
          schema,
          "versi "
              + at
              + ", "
              + pending
              + " migrasi belum dijalankan: jalankan server sekali (ia memigrasikan)",
          "version "
              + at
              + ", "
              + pending
              + " migration(s) pending: start the server once (it migrates)");
    }
    return CheckResult.ok(schema, "versi / version " + at);
  }

  private CheckResult office() {
    List<Office> all = offices.getObject().offices();
    String what = "kantor / office";
    return all.isEmpty()
        ? CheckResult.fail(
            what, "belum ada kantor: jalankan ./cetak setup", "no office yet: run ./cetak setup")
        : CheckResult.ok(what, String.join(", ", all.stream().map(Office::code).toList()));
  }
}
