package org.cetak.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.cetak.CetakApplication;
import org.cetak.db.EmbeddedDatabase;
import org.cetak.support.ChildJava;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as an office runs it: a process on its own embedded PostgreSQL, printing on its
 * simulated printers, stopped with SIGTERM (as systemd and Ctrl-C stop it) and started again.
 */
class DemoRestartTest {

  private static final Duration STOP_LIMIT = Duration.ofSeconds(10);

  @TempDir Path home;

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopLeftovers() throws InterruptedException, IOException {
    for (Process process : started) {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    }
    // a demo killed and not started again leaves its database server running
    Optional<ProcessHandle> server = leftServer();
    if (server.isPresent()) {
      server.get().destroy();
      server.get().onExit().join();
    }
  }

  /** The embedded PostgreSQL of the demo's data directory, while it runs. */
  private Optional<ProcessHandle> leftServer() throws IOException {
    Path pid = home.resolve("pgdata").resolve("postmaster.pid");
    if (!Files.exists(pid)) {
      return Optional.empty();
    }
    String first = Files.readAllLines(pid, StandardCharsets.UTF_8).get(0).strip();
    return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
  }

  @Test
  void a_printing_demo_stops_in_order_within_ten_seconds_and_a_restart_prints_on_unquarantined()
      throws Exception {
    Process first = start("first.log");
    awaitPrinted(2);
    // the cards in flight (one a printer) come out during the stop
    long printedBefore = query("select count(*) from print_job where stage = 'PRINTED'") + 2;
    Duration stop = terminate(first);
    String firstLog = Files.readString(home.resolve("first.log"), StandardCharsets.UTF_8);
    assertThat(stop).as("time from SIGTERM to exit").isLessThan(STOP_LIMIT);
    assertThat(firstLog)
        .as("log of the first run")
        .contains("Print stations stopped", "Demo printers' state saved", "stopped")
        .doesNotContainPattern("(?m)^\\s+at ")
        .doesNotContain(" ERROR ");
    assertThat(firstLog.indexOf("Print stations stopped"))
        .as("stations stop before the scheduler, the pool and the database")
        .isLessThan(firstLog.indexOf("Shutting down Quartz Scheduler"))
        .isLessThan(firstLog.indexOf("cetak - Shutdown completed"));
    assertThat(firstLog.indexOf("cetak - Shutdown completed"))
        .isLessThan(firstLog.indexOf("Embedded PostgreSQL on port"));

    Process second = start("second.log");
    awaitPrinted(printedBefore + 3);
    assertThat(query("select count(*) from printer where mode = 'QUARANTINED'"))
        .as("printers quarantined after the restart")
        .isZero();
    assertThat(query("select count(*) from print_job where stage = 'UNKNOWN'"))
        .as("cards of unknown outcome")
        .isZero();
    assertThat(
            query(
                "select count(*) from (select chip_uid from print_job where stage = 'PRINTED'"
                    + " group by chip_uid having count(*) > 1) repeated"))
        .as("chip UIDs recorded for two printed cards")
        .isZero();
    assertThat(query("select count(*) from print_job where note like 'chip UID_REPEATED%'"))
        .as("cards spoiled because the restarted printers gave a UID again")
        .isZero();
    assertThat(terminate(second)).isLessThan(STOP_LIMIT);
    assertThat(Files.readString(home.resolve("second.log"), StandardCharsets.UTF_8))
        .contains("as it was left")
        .doesNotContain("quarantined")
        .doesNotContainPattern("(?m)^\\s+at ");
  }

  /**
   * A kill -9 stops nothing in order: the embedded PostgreSQL and the Kannel children keep running
   * without their owner, and the card in flight stops between two steps. The next start stops what
   * was left, and finds each simulated printer as its last command left it, as a real printer keeps
   * its counters: it prints on with no printer quarantined.
   */
  @Test
  void a_demo_killed_while_printing_restarts_printing_on_unquarantined() throws Exception {
    Process first = start("first.log");
    awaitPrinted(3);
    first.destroyForcibly();
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("killed").isTrue();
    long printedBefore = query("select count(*) from print_job where stage = 'PRINTED'");

    Process second = start("second.log");
    awaitPrinted(printedBefore + 3);
    assertThat(
            text(
                "select coalesce(string_agg(code || ' ' || mode || ' ' || coalesce(mode_cause, '')"
                    + " || ' ' || mode_reason, '; '), '') from printer where mode ="
                    + " 'QUARANTINED'"))
        .as("printers quarantined after the restart")
        .isEmpty();
    assertThat(query("select count(*) from print_job where stage = 'UNKNOWN'"))
        .as("cards of unknown outcome")
        .isZero();
    assertThat(terminate(second)).isLessThan(STOP_LIMIT);
    assertThat(Files.readString(home.resolve("second.log"), StandardCharsets.UTF_8))
        .contains("left running on", "as it was left")
        .doesNotContain("quarantined")
        .doesNotContainPattern("(?m)^\\s+at ");
    assertThat(leftServer()).as("embedded PostgreSQL left running").isEmpty();
  }

  @Test
  void a_command_beside_the_running_demo_uses_its_database_and_leaves_its_schedule_alone()
      throws Exception {
    start("demo.log");
    awaitPrinted(1);
    String schedule =
        text(
            "select string_agg(trigger_name || ' ' || start_time || ' ' || repeat_interval, ','"
                + " order by trigger_name)"
                + " from qrtz_simple_triggers join qrtz_triggers using (sched_name, trigger_name,"
                + " trigger_group)");
    long from = System.nanoTime();
    Process command =
        new ProcessBuilder(
                javaCommand(
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC",
                    CetakApplication.class.getName(),
                    "status",
                    "--cetak.database.embedded-data-dir=" + home.resolve("pgdata")))
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("status.log").toFile())
            .start();
    started.add(command);
    assertThat(command.waitFor(2, TimeUnit.MINUTES)).isTrue();
    Duration took = Duration.ofNanos(System.nanoTime() - from);
    System.out.printf("cetak status beside the running demo: %d ms%n", took.toMillis());
    assertThat(command.exitValue()).isZero();
    assertThat(Files.readString(home.resolve("status.log"), StandardCharsets.UTF_8))
        .contains("Kantor / Office 32.71")
        .doesNotContain("could not lock")
        .doesNotContainPattern("(?m)^\\s+at ");
    assertThat(
            text(
                "select string_agg(trigger_name || ' ' || start_time || ' ' || repeat_interval, ','"
                    + " order by trigger_name)"
                    + " from qrtz_simple_triggers join qrtz_triggers using (sched_name, trigger_name,"
                    + " trigger_group)"))
        .as("the server's schedule")
        .isEqualTo(schedule);
  }

  private List<String> javaCommand(String... rest) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.addAll(List.of(rest));
    return command;
  }

  private Process start(String log) throws IOException {
    List<String> command = ChildJava.command("-Xmx384m");
    command.add(CetakApplication.class.getName());
    command.add("demo");
    command.add("--logging.config=classpath:logback-spring.xml"); // the demo's own, not the tests'
    command.add("--server.port=0");
    command.add("--server.address=127.0.0.1");
    command.add("--cetak.database.embedded-data-dir=" + home.resolve("pgdata"));
    command.add("--cetak.demo.scenario=" + scenario());
    command.add("--cetak.demo.backlog=40");
    command.add("--cetak.station.time-scale=0.05");
    command.add("--cetak.station.chip-wait=5s");
    command.add("--cetak.station.idle-wait=200ms");
    Process process =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve(log).toFile())
            .start();
    started.add(process);
    return process;
  }

  private String scenario() throws IOException {
    Path file = home.resolve("demo-quick.yaml");
    try (InputStream in = getClass().getResourceAsStream("/print-room/demo-quick.yaml")) {
      Files.write(file, in.readAllBytes());
    }
    return file.toString();
  }

  /** SIGTERM, then the time until the process has exited. */
  private static Duration terminate(Process process) throws InterruptedException {
    long from = System.nanoTime();
    process.destroy();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("process ended").isTrue();
    return Duration.ofNanos(System.nanoTime() - from);
  }

  private void awaitPrinted(long cards) {
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> query("select count(*) from print_job where stage = 'PRINTED'") >= cards);
  }

  private long query(String sql) throws IOException, SQLException {
    return Long.parseLong(text(sql));
  }

  /** A value from the running demo's database, through the connection file the demo wrote. */
  private String text(String sql) throws IOException, SQLException {
    Properties file = new Properties();
    Path pgdata = home.resolve("pgdata");
    try (InputStream in = Files.newInputStream(EmbeddedDatabase.connectionFile(pgdata))) {
      file.load(in);
    }
    return count(
        "jdbc:postgresql://localhost:" + file.getProperty("port") + "/cetak",
        file.getProperty("user"),
        file.getProperty("password"),
        sql);
  }

  private static String count(String url, String user, String password, String sql)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }
}
