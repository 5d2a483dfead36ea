package org.cetak.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from the binaries on the classpath, for a machine with no
 * database configured (the demo) and for tests. With a data directory, the data survives restarts.
 *
 * <p>A persistent server listens on the loopback interface only, has no Unix socket, and asks every
 * connection for the password of its {@value #USER} role: a password generated on the first start
 * and kept, with the port of the running server, in a file only the owner can read ({@link
 * #connectionFile(Path)}). A command-line task finds a running server through that file ({@link
 * #running(Path)}) instead of starting a second one on the same data.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  /** Database and user created by {@code initdb} in the embedded server. */
  public static final String USER = "postgres";

  private static final String HBA =
      """
      # Written by Cetak at each start: loopback only, a password for every connection.
      host all all 127.0.0.1/32 scram-sha-256
      host all all ::1/128 scram-sha-256
      """;

  /** How long a server left running by a killed Cetak may take to stop. */
  private static final Duration LEFT_SERVER_STOP = Duration.ofSeconds(60);

  private final EmbeddedPostgres postgres;
  private final String password;

  private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
    this.postgres = postgres;
    this.password = password;
  }

  /**
   * Starts a server keeping its data in {@code dataDirectory} (created when missing, kept on
   * close). The server is stopped by {@link #close()}, not by a JVM shutdown hook: the application
   * stops it last, after everything that uses it.
   *
   * @param port the port to listen on, 0 for any free port
   */
  public static EmbeddedDatabase startPersistent(Path dataDirectory, int port) {
    try {
      Files.createDirectories(dataDirectory);
      Path connectionFile = connectionFile(dataDirectory);
      String password =
          readConnection(connectionFile)
              .map(RunningServer::password)
              .orElseGet(EmbeddedDatabase::newPassword);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              .setServerConfig("timezone", "UTC")
              .setServerConfig("max_connections", "200")
              .setServerConfig("listen_addresses", "localhost")
              .setServerConfig("unix_socket_directories", "")
              .setConnectConfig("password", password);
      if (port > 0) {
        builder.setPort(port);
      }
      stopLeftServer(dataDirectory);
      EmbeddedDatabase database = new EmbeddedDatabase(builder.start(), password);
      database.lockDown(dataDirectory);
      writeConnection(connectionFile, new RunningServer(database.port(), USER, password));
      log.info(
          "Embedded PostgreSQL listening on localhost:{} with data in {}",
          database.port(),
          dataDirectory.toAbsolutePath());
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot start embedded PostgreSQL with data directory " + dataDirectory, e);
    }
  }

  /**
   * A server whose owner was killed ({@code kill -9}) keeps running on its data directory, and a
   * second one cannot start there. When no process holds the data directory's lock ({@code
   * epg-lock}, held by the process that started the server for as long as it lives), the server
   * left behind is stopped, as PostgreSQL stops on SIGTERM (its clients died with their owner), and
   * the new one starts on the same data.
   */
  private static void stopLeftServer(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    Optional<ProcessHandle> left =
        lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,18}")
            ? Optional.empty()
            : ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().orElse("").endsWith("/postgres"));
    if (left.isEmpty() || !unowned(dataDirectory)) {
      return;
    }
    log.warn(
        "Stopping the embedded PostgreSQL (pid {}) left running on {} by a Cetak that was killed",
        left.get().pid(),
        dataDirectory.toAbsolutePath());
    left.get().destroy();
    try {
      left.get().onExit().get(LEFT_SERVER_STOP.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(
          "The embedded PostgreSQL left running (pid "
              + left.get().pid()
              + ") did not stop within "
              + LEFT_SERVER_STOP.toSeconds()
              + " s",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while the embedded PostgreSQL left running stopped", e);
    }
  }

  /** Whether no process holds the data directory's lock (the one the embedded server takes). */
  private static boolean unowned(Path dataDirectory) throws IOException {
    try (FileChannel channel =
            FileChannel.open(
                dataDirectory.resolve("epg-lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      return lock != null;
    } catch (OverlappingFileLockException e) {
      return false; // this process holds it
    }
  }

  /**
   * Starts a throw-away server in a temporary directory, deleted on close. Room for 500
   * connections: the test run's cached application contexts each keep their pool's connections
   * open.
   */
  public static EmbeddedDatabase startTemporary() {
    try {
      return new EmbeddedDatabase(
          EmbeddedPostgres.builder()
              .setServerConfig("timezone", "Asia/Jakarta")
              .setServerConfig("max_connections", "500")
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .start(),
          "");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start a temporary embedded PostgreSQL", e);
    }
  }

  /**
   * The file beside a persistent server's data directory holding its port, user and password,
   * readable by the owner only.
   */
  public static Path connectionFile(Path dataDirectory) {
    Path absolute = dataDirectory.toAbsolutePath().normalize();
    return absolute.resolveSibling(absolute.getFileName() + ".connection");
  }

  /**
   * The server another process started on this data directory, when one is running and answers with
   * the password of the connection file; empty when none runs.
   */
  public static Optional<RunningServer> running(Path dataDirectory) {
    if (!Files.exists(dataDirectory.resolve("postmaster.pid"))) {
      return Optional.empty();
    }
    return readConnection(connectionFile(dataDirectory)).filter(RunningServer::answers);
  }

  /** How to reach a running persistent server. */
  public record RunningServer(int port, String user, String password) {

    public String jdbcUrl(String database) {
      return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    boolean answers() {
      Properties credentials = new Properties();
      credentials.setProperty("user", user);
      credentials.setProperty("password", password);
      credentials.setProperty("connectTimeout", "2");
      try (java.sql.Connection c = DriverManager.getConnection(jdbcUrl(USER), credentials)) {
        return c.isValid(2);
      } catch (SQLException e) {
        return false;
      }
    }

    @Override
    public String toString() {
      return "RunningServer[localhost:" + port + ", user " + user + "]";
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /** The password of {@link #USER}; empty for a temporary server (trust on loopback). */
  public String password() {
    return password;
  }

  /** JDBC URL of a database on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  /** A connection-per-call data source for a database on this server. */
  public DataSource dataSource(String database) {
    return postgres.getDatabase(USER, database); // with the password of the connect config
  }

  /**
   * Gives {@link #USER} the password and makes the server ask for it on every connection. initdb
   * trusts local connections; the first start replaces that before anything is stored.
   */
  private void lockDown(Path dataDirectory) throws IOException {
    try (java.sql.Connection c = dataSource(USER).getConnection();
        Statement statement = c.createStatement()) {
      statement.execute("alter role " + USER + " password '" + password + "'");
      Files.writeString(dataDirectory.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
      statement.execute("select pg_reload_conf()");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot set the embedded PostgreSQL's password", e);
    }
  }

  private static String newPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Optional<RunningServer> readConnection(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
      return Optional.of(
          new RunningServer(
              Integer.parseInt(p.getProperty("port", "0")),
              p.getProperty("user", USER),
              p.getProperty("password", "")));
    } catch (IOException | NumberFormatException e) {
      log.warn("Cannot read {}: {}", file, e.toString());
      return Optional.empty();
    }
  }

  private static void writeConnection(Path file, RunningServer connection) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".new");
    Files.deleteIfExists(temporary);
    Files.createFile(
        temporary,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Properties p = new Properties();
    p.setProperty("port", Integer.toString(connection.port()));
    p.setProperty("user", connection.user());
    p.setProperty("password", connection.password());
    try (OutputStream out = Files.newOutputStream(temporary)) {
      p.store(out, "The embedded PostgreSQL of Cetak: keep this file private");
    }
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public void close() {
    try {
      postgres.close();
      if (!password.isEmpty()) {
        log.info("Embedded PostgreSQL on port {} stopped", port());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot stop embedded PostgreSQL", e);
    }
  }
}
