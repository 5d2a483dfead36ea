package org.cetak.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * A throw-away server of the PostgreSQL installed from the operating system's packages ({@code
 * /usr/lib/postgresql/<major>/bin}, Debian's {@code postgresql-15}), whose {@code pg_dump} and
 * {@code pg_restore} are of the same major version: what an office server runs. The server refuses
 * to run as root, so under root (CI) it runs as the {@code postgres} user through {@code runuser}.
 * It listens on loopback only and asks every connection for a password.
 */
public final class InstalledPostgres implements AutoCloseable {

  private static final Path INSTALLED = Path.of("/usr/lib/postgresql");
  private static final String USER = "postgres";

  private final Path bin;
  private final Path directory;
  private final int port;
  private final String password;
  private final boolean asPostgresUser;

  private InstalledPostgres(
      Path bin, Path directory, int port, String password, boolean asPostgresUser) {
    this.bin = bin;
    this.directory = directory;
    this.port = port;
    this.password = password;
    this.asPostgresUser = asPostgresUser;
  }

  /**
   * The newest installed major version that has a server, {@code pg_dump} and {@code pg_restore}.
   */
  public static Path binaries() {
    try (Stream<Path> versions =
        Files.isDirectory(INSTALLED) ? Files.list(INSTALLED) : Stream.empty()) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(
              b ->
                  Stream.of("postgres", "initdb", "pg_ctl", "pg_dump", "pg_restore")
                      .allMatch(tool -> Files.isExecutable(b.resolve(tool))))
          .max(Comparator.comparing(b -> major(b.getParent())))
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "No PostgreSQL server with pg_dump under "
                          + INSTALLED
                          + ": install the postgresql-15 package (.ci/run does)"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int major(Path version) {
    try {
      return Integer.parseInt(version.getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Creates a cluster in a new temporary directory and starts it on a free port. */
  public static InstalledPostgres start() {
    Path bin = binaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    try {
      Path directory = Files.createTempDirectory("cetak-pg");
      String password = new BigInteger(120, new SecureRandom()).toString(36);
      Path passwordFile = directory.resolve("password");
      Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
      if (root) {
        UserPrincipal postgres =
            directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
        Files.setOwner(directory, postgres);
        Files.setOwner(passwordFile, postgres);
      }
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      InstalledPostgres server = new InstalledPostgres(bin, directory, port, password, root);
      Path data = directory.resolve("data");
      server.run(
          bin.resolve("initdb").toString(),
          "--pgdata=" + data,
          "--username=" + USER,
          "--pwfile=" + passwordFile,
          "--auth=scram-sha-256",
          "--encoding=UTF8",
          "--locale=C.UTF-8",
          "--no-sync");
      Files.delete(passwordFile);
      server.run(
          bin.resolve("pg_ctl").toString(),
          "--pgdata=" + data,
          "--log=" + directory.resolve("server.log"),
          "--wait",
          "--options=-p "
              + port
              + " -c listen_addresses=127.0.0.1 -k "
              + directory
              + " -c fsync=off -c max_connections=100 -c timezone=Asia/Jakarta",
          "start");
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the installed PostgreSQL of " + bin, e);
    }
  }

  /** The directory of this server's own client programs ({@code pg_dump}, {@code psql}, ...). */
  public Path bin() {
    return bin;
  }

  public int port() {
    return port;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return password;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** The libpq variables that point a client program at this server. */
  public Map<String, String> clientEnvironment(String database) {
    return Map.of(
        "PGHOST", "127.0.0.1",
        "PGPORT", Integer.toString(port),
        "PGUSER", USER,
        "PGPASSWORD", password,
        "PGDATABASE", database);
  }

  /** Creates an empty database. */
  public void createDatabase(String name) {
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, password);
        Statement statement = c.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
  }

  /** The server's major version as it reports it. */
  public int serverMajor() {
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, password)) {
      return c.getMetaData().getDatabaseMajorVersion();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the server version", e);
    }
  }

  private void run(String... command) throws IOException {
    List<String> line = new ArrayList<>();
    if (asPostgresUser) {
      line.addAll(List.of("runuser", "-u", USER, "--"));
    }
    line.addAll(List.of(command));
    Path output = Files.createTempFile("cetak-pg", ".out");
    try {
      Process process =
          new ProcessBuilder(line)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("Timed out: " + line);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.format(
                Locale.ROOT,
                "%s exited with %d:%n%s%s",
                line,
                process.exitValue(),
                Files.readString(output),
                serverLog().orElse("")));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted: " + line, e);
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private Optional<String> serverLog() {
    try {
      Path log = directory.resolve("server.log");
      return Files.exists(log) ? Optional.of(Files.readString(log)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    try {
      run(
          bin.resolve("pg_ctl").toString(),
          "--pgdata=" + directory.resolve("data"),
          "--mode=fast",
          "--wait",
          "stop");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        FileSystemUtils.deleteRecursively(directory);
      } catch (IOException e) {
        // a temporary directory left behind is harmless
      }
    }
  }
}
