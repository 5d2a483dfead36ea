package org.cetak.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cetak.db.testing.PostgresExtension;
import org.cetak.db.testing.TestDatabase;
import org.cetak.notify.gateway.GammuGateway;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's Gammu SMSD for a test: the SQL service on a database of its own on the test's PostgreSQL
 * (schema from Debian's {@code pgsql.sql}) and the dummy phone, which sends whatever Gammu gives
 * it.
 */
final class GammuStack implements AutoCloseable {

  private static final Path SCHEMA = Path.of("/usr/share/doc/gammu-smsd/examples/pgsql.sql");

  static boolean installed() {
    return Files.isExecutable(Path.of("/usr/bin/gammu-smsd")) && Files.isReadable(SCHEMA);
  }

  final TestDatabase database;
  final Path dir;
  private final Process smsd;

  GammuStack() throws IOException, SQLException {
    database = PostgresExtension.createDatabase();
    String schema =
        Files.readString(SCHEMA, StandardCharsets.UTF_8).replace("CREATE LANGUAGE plpgsql;", "");
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(schema);
    }
    dir = Files.createTempDirectory("cetak-gammu");
    Path phone = Files.createDirectories(dir.resolve("phone"));
    URI url = URI.create(database.jdbcUrl().substring("jdbc:".length()));
    Path config = dir.resolve("smsdrc");
    Files.writeString(
        config,
        String.join(
            "\n",
            "[gammu]",
            "device = " + phone,
            "model = dummy",
            "connection = none",
            "",
            "[smsd]",
            "service = sql",
            "driver = native_pgsql",
            "host = 127.0.0.1:" + url.getPort(),
            "user = " + database.user(),
            "password = " + database.password(),
            "database = " + database.name(),
            "logfile = " + dir.resolve("smsd.log"),
            "debuglevel = 1",
            "phoneid = dummy",
            "loopsleep = 1",
            "commtimeout = 1",
            "sendtimeout = 5",
            "statusfrequency = 0",
            "checksecurity = 0",
            "checkbattery = 0",
            "checksignal = 0",
            "checknetwork = 0",
            "resetfrequency = 0",
            "hardresetfrequency = 0",
            ""),
        StandardCharsets.UTF_8);
    smsd =
        new ProcessBuilder("/usr/bin/gammu-smsd", "-c", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("smsd.out").toFile())
            .start();
  }

  GammuGateway.Settings settings() {
    return new GammuGateway.Settings(database.jdbcUrl(), database.user(), database.password());
  }

  /** Every message Gammu was given, queued or sent: receiver and text. */
  List<String[]> messages() throws SQLException {
    List<String[]> all = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        var r =
            s.executeQuery(
                "select \"DestinationNumber\", \"TextDecoded\" from outbox union all"
                    + " select \"DestinationNumber\", \"TextDecoded\" from sentitems")) {
      while (r.next()) {
        all.add(new String[] {r.getString(1), r.getString(2)});
      }
    }
    return all;
  }

  /** Rows Gammu moved to {@code sentitems}. */
  int sent() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        var r = s.executeQuery("select count(*) from sentitems")) {
      r.next();
      return r.getInt(1);
    }
  }

  boolean running() {
    return smsd.isAlive();
  }

  String log() throws IOException {
    Path log = dir.resolve("smsd.log");
    return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
  }

  @Override
  public void close() {
    smsd.destroy();
    try {
      if (!smsd.waitFor(5, TimeUnit.SECONDS)) {
        smsd.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      smsd.destroyForcibly();
    }
    smsd.onExit().join();
    try {
      FileSystemUtils.deleteRecursively(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + dir, e);
    } finally {
      PostgresExtension.dropDatabase(database.name());
    }
  }
}
