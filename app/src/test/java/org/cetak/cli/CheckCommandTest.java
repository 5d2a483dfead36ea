package org.cetak.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cetak.CetakApplication;
import org.cetak.db.testing.PostgresExtension;
import org.cetak.db.testing.TestDatabase;
import org.cetak.drivers.transport.serial.SerialTransport;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.link.TcpEndpoint;
import org.cetak.sim.printer.PrinterConfig;
import org.cetak.sim.printer.SessionOptions;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.time.ScaledTimeline;
import org.cetak.sim.time.Sleeper;
import org.cetak.sim.truth.GroundTruth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cetak --check} on a set-up installation whose SMS gateway and centre answer (a listening
 * socket stands in for each), then with one thing wrong at a time: each failure is named in
 * Indonesian and English, without a stack trace, and the exit code is 1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckCommandTest {

  @TempDir Path home;

  private TestDatabase database;
  private ServerSocket gateway;
  private ServerSocket centre;
  private final List<TestDatabase> extra = new ArrayList<>();

  @BeforeAll
  void installation() throws IOException {
    database = PostgresExtension.createDatabase();
    gateway = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    centre = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  @AfterAll
  void removeInstallation() throws IOException {
    gateway.close();
    centre.close();
    PostgresExtension.dropDatabase(database.name());
  }

  @AfterEach
  void dropExtraDatabases() {
    extra.forEach(d -> PostgresExtension.dropDatabase(d.name()));
    extra.clear();
  }

  @Test
  void a_ready_installation_passes_every_check() throws IOException {
    setUp(database);
    Run run = check(database);
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains(
            "ok     basis data / database: PostgreSQL",
            "ok     skema / schema: versi / version",
            "ok     kantor / office: 32.71",
            "ok     gateway SMS / SMS gateway kannel: 127.0.0.1:" + gateway.getLocalPort(),
            "ok     tautan ke pusat / centre link: 127.0.0.1:" + centre.getLocalPort(),
            "OK: instalasi siap / the installation is ready")
        .doesNotContain("GAGAL");
  }

  @Test
  void an_unreachable_database_fails_with_its_address_and_no_stack_trace() throws IOException {
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/cetak";
    Run run =
        cetak(
            "--check",
            "--cetak.database.url=" + url,
            "--cetak.database.password=x",
            "--cetak.sms.gateway=kannel",
            kannelAt(gateway.getLocalPort()),
            upstreamAt(centre.getLocalPort()));
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "GAGAL  basis data / database: tidak dapat terhubung ke " + url,
            "FAIL: cannot connect to " + url,
            "1 pemeriksaan gagal / 1 check(s) failed")
        .doesNotContain("kantor / office");
    assertThat(run.out() + run.err()).doesNotContainPattern("(?m)^\\s+at ");
  }

  @Test
  void a_database_with_a_migration_pending_fails_and_is_left_unmigrated() throws Exception {
    TestDatabase behind = fresh();
    String latest =
        sql(
            behind,
            "select version from flyway_schema_history order by installed_rank desc limit 1");
    execute(
        behind,
        "delete from flyway_schema_history where installed_rank ="
            + " (select max(installed_rank) from flyway_schema_history)");
    Run run = check(behind);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains("GAGAL  skema / schema: versi ", "1 migrasi belum dijalankan")
        .contains("FAIL: version ", "1 migration(s) pending: start the server once");
    assertThat(
            sql(
                behind,
                "select count(*)::text from flyway_schema_history where version = '"
                    + latest
                    + "'"))
        .as("the check migrates nothing")
        .isEqualTo("0");
  }

  @Test
  void an_installation_without_an_office_fails_and_says_to_run_setup() {
    Run run = check(fresh());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "GAGAL  kantor / office: belum ada kantor: jalankan ./cetak setup",
            "FAIL: no office yet: run ./cetak setup");
  }

  @Test
  void a_printer_whose_port_is_missing_or_silent_fails() throws IOException {
    setUp(database);
    Path missing = home.resolve("ttyUSB-none");
    Run run =
        check(
            database,
            "--cetak.station.printers[0].office=32.71",
            "--cetak.station.printers[0].code=PRN-1",
            "--cetak.station.printers[0].link=serial:" + missing + "?baud=115200",
            "--cetak.station.printers[0].reader=No Such Reader 1",
            "--cetak.station.printers[1].office=32.71",
            "--cetak.station.printers[1].code=PRN-2",
            "--cetak.station.printers[1].link=tcp://127.0.0.1:" + closedPort(),
            "--cetak.station.printers[1].reader=No Such Reader 2");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "GAGAL  printer PRN-1: " + missing + " tidak ada",
            "FAIL: " + missing + " does not exist",
            "GAGAL  printer PRN-2: tcp://127.0.0.1:",
            "does not accept a connection",
            "GAGAL  pembaca chip / chip reader PRN-1: tidak ada pembaca yang cocok",
            "FAIL: no reader matches \"No Such Reader 2\"");
  }

  @Test
  void each_serial_printer_is_asked_what_it_is_in_its_own_dialect() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/socat")), "socat is not installed: skipped");
    setUp(database);
    List<AutoCloseable> opened = new ArrayList<>();
    try (ServerSocket mute = new ServerSocket(0, 2, InetAddress.getLoopbackAddress())) {
      Thread silent =
          new Thread(
              () -> {
                try (Socket held = mute.accept()) {
                  held.getInputStream().transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                  // the test closed the socket
                }
              },
              "mute-printer");
      silent.setDaemon(true);
      silent.start();
      Path cetak = pty(simulated("PRN-C", PrinterConfig.Personality.CETAK, opened), opened);
      Path vendor = pty(simulated("PRN-E", PrinterConfig.Personality.EVOLIS, opened), opened);
      Path wrong = pty(simulated("PRN-W", PrinterConfig.Personality.EVOLIS, opened), opened);
      Path quiet = pty(mute.getLocalPort(), opened);
      Path held = pty(mute.getLocalPort(), opened);
      opened.add(SerialTransport.open(SerialTransport.Config.standard(held.toString())));

      List<String> settings = new ArrayList<>();
      settings.addAll(printerSettings(0, "PRN-1", cetak, ""));
      settings.addAll(printerSettings(1, "PRN-2", vendor, "evolis"));
      settings.addAll(printerSettings(2, "PRN-3", wrong, "cetak"));
      settings.addAll(printerSettings(3, "PRN-4", quiet, ""));
      settings.addAll(printerSettings(4, "PRN-5", held, ""));
      Run run = check(database, settings.toArray(String[]::new));

      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.out())
          .contains(
              "ok     printer PRN-1: "
                  + cetak
                  + ": Primacy, nomor seri / serial SIM-PRN-C, firmware F0.CETAK.SIM-1,"
                  + " dialek / dialect cetak, siap / ready",
              "ok     printer PRN-2: "
                  + vendor
                  + ": Primacy, nomor seri / serial SIM-PRN-E, firmware F0.CETAK.SIM-1,"
                  + " dialek / dialect evolis, siap / ready",
              "GAGAL  printer PRN-3: "
                  + wrong
                  + " menjawab dengan dialek evolis, berkas perangkat menyebut cetak",
              "FAIL: " + wrong + " answers in the evolis dialect, the device file says cetak",
              "GAGAL  printer PRN-4: " + quiet + " tidak menjawab dalam 3 detik",
              "FAIL: " + quiet + " does not answer within 3 s",
              "ok     printer PRN-5: "
                  + held
                  + " ada, tetapi tidak dapat dibuka untuk ditanya (dipakai server Cetak yang"
                  + " berjalan?)");
      assertThat(run.out() + run.err()).doesNotContainPattern("(?m)^\\s+at ");
    } finally {
      for (int i = opened.size() - 1; i >= 0; i--) {
        opened.get(i).close();
      }
    }
  }

  private static List<String> printerSettings(int i, String code, Path tty, String dialect) {
    String at = "--cetak.station.printers[" + i + "].";
    List<String> settings =
        new ArrayList<>(
            List.of(
                at + "office=32.71",
                at + "code=" + code,
                at + "link=serial:" + tty + "?baud=115200",
                at + "reader=Sim Reader " + code));
    if (!dialect.isEmpty()) {
      settings.add(at + "dialect=" + dialect);
    }
    return settings;
  }

  /** A simulated printer on a TCP port of its own, closed with the test. */
  private static int simulated(
      String name, PrinterConfig.Personality personality, List<AutoCloseable> opened)
      throws IOException {
    SimulatedPrinter printer =
        new SimulatedPrinter(
            PrinterConfig.builder(name).blanks(3).deadChipRate(0).personality(personality).build(),
            new ScaledTimeline(0.01, Instant.parse("2026-11-24T02:00:00Z"), Sleeper.real()),
            new FaultPlan(Map.of(), List.of(), 3),
            new GroundTruth());
    TcpEndpoint endpoint = TcpEndpoint.start(printer, "127.0.0.1", 0, SessionOptions.defaults());
    opened.add(endpoint);
    return endpoint.port();
  }

  /**
   * A pseudo-terminal whose far end is the TCP port (socat: a serial cable), closed with the test.
   */
  private Path pty(int tcpPort, List<AutoCloseable> opened) throws IOException {
    Path tty = Files.createTempDirectory(home, "pty").resolve("ttyUSB0");
    Process socat =
        new ProcessBuilder(
                "/usr/bin/socat",
                "pty,raw,echo=0,link=" + tty,
                "tcp:127.0.0.1:" + tcpPort + ",nodelay")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    opened.add(
        () -> {
          socat.destroy();
          socat.waitFor();
        });
    await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(tty));
    return tty;
  }

  @Test
  void an_sms_gateway_that_does_not_answer_fails() throws IOException {
    setUp(database);
    int closed = closedPort();
    Run run = check(database, kannelAt(closed));
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "GAGAL  gateway SMS / SMS gateway kannel: 127.0.0.1:" + closed + " tidak menjawab",
            "FAIL: 127.0.0.1:" + closed + " does not accept a connection",
            "1 pemeriksaan gagal");
  }

  @Test
  void an_unknown_sms_gateway_fails() throws IOException {
    setUp(database);
    Run run = check(database, "--cetak.sms.gateway=pigeon");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("cetak.sms.gateway is file, kannel, gammu or smpp, not pigeon");
  }

  @Test
  void a_centre_link_not_configured_or_not_answering_fails() throws IOException {
    setUp(database);
    Run unset = check(database, "--cetak.upstream.url=");
    assertThat(unset.exit()).isEqualTo(1);
    assertThat(unset.out())
        .contains(
            "GAGAL  tautan ke pusat / centre link: cetak.upstream.url belum diisi",
            "FAIL: cetak.upstream.url is not set");
    int closed = closedPort();
    Run silent = check(database, upstreamAt(closed));
    assertThat(silent.exit()).isEqualTo(1);
    assertThat(silent.out())
        .contains("GAGAL  tautan ke pusat / centre link: 127.0.0.1:" + closed + " tidak menjawab");
  }

  private TestDatabase fresh() {
    TestDatabase d = PostgresExtension.createDatabase();
    extra.add(d);
    return d;
  }

  private boolean setUpDone;

  /** {@code cetak setup} once on the class's database. */
  private void setUp(TestDatabase on) throws IOException {
    if (setUpDone) {
      return;
    }
    Path password = home.resolve("password");
    Files.writeString(password, "rahasia-kantor-2026\n");
    Run run =
        cetak(
            "setup",
            "--region",
            "32.71",
            "--name",
            "Disdukcapil Kota Bogor",
            "--address",
            "Jl. Ir. H. Juanda No. 10",
            "--hours",
            "08.00-15.00",
            "--zone",
            "Asia/Jakarta",
            "--admin",
            "kepala",
            "--admin-password-file",
            password.toString(),
            "--cetak.database.url=" + on.jdbcUrl(),
            "--cetak.database.user=" + on.user(),
            "--cetak.database.password=" + on.password());
    assertThat(run.exit()).as(run.err()).isZero();
    setUpDone = true;
  }

  /**
   * {@code cetak --check} on a database, with a gateway and a centre that answer unless overridden.
   */
  private Run check(TestDatabase on, String... settings) {
    List<String> args = new ArrayList<>(List.of("--check"));
    args.addAll(Arrays.asList(settings));
    for (String answering :
        List.of(
            "--cetak.sms.gateway=kannel",
            kannelAt(gateway.getLocalPort()),
            upstreamAt(centre.getLocalPort()))) {
      String key = answering.substring(0, answering.indexOf('=') + 1);
      if (Arrays.stream(settings).noneMatch(s -> s.startsWith(key))) {
        args.add(answering);
      }
    }
    args.add("--cetak.database.url=" + on.jdbcUrl());
    args.add("--cetak.database.user=" + on.user());
    args.add("--cetak.database.password=" + on.password());
    return cetak(args.toArray(String[]::new));
  }

  private static String kannelAt(int port) {
    return "--cetak.sms.kannel.url=http://127.0.0.1:" + port + "/cgi-bin/sendsms";
  }

  private static String upstreamAt(int port) {
    return "--cetak.upstream.url=http://127.0.0.1:" + port + "/siak";
  }

  /** A loopback port nothing listens on. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private record Run(int exit, String out, String err) {}

  /** Runs {@code cetak <args>} in this JVM, capturing what it prints. */
  private static Run cetak(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
      int exit = CetakApplication.run(args);
      return new Run(
          exit,
          captured.toString(StandardCharsets.UTF_8),
          capturedErr.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private static String sql(TestDatabase on, String query) throws Exception {
    try (Connection c = DriverManager.getConnection(on.jdbcUrl(), on.user(), on.password());
        Statement s = c.createStatement();
        var r = s.executeQuery(query)) {
      r.next();
      return r.getString(1);
    }
  }

  private static void execute(TestDatabase on, String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(on.jdbcUrl(), on.user(), on.password());
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
