package org.cetak.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cetak.CetakApplication;
import org.cetak.db.EmbeddedDatabase;
import org.cetak.support.ChildJava;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as a new user starts it on a machine with Debian's Kannel: its notices leave through the
 * Kannel it starts, the fake network receives them, delivery reports come back, and its Kannel
 * stops with it.
 */
class DemoSmsTest {

  @TempDir Path home;

  private Process demo;

  @AfterEach
  void stopLeftover() throws InterruptedException {
    if (demo != null && demo.isAlive()) {
      demo.destroy();
      if (!demo.waitFor(30, TimeUnit.SECONDS)) {
        demo.destroyForcibly();
      }
    }
  }

  @Test
  void the_demo_sends_through_its_own_kannel_gets_reports_back_and_stops_kannel_with_it()
      throws Exception {
    assumeTrue(DemoKannel.installed(), "Kannel is not installed (kannel, kannel-extras)");
    demo = start();

    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () ->
                operatorChecksTheWaitingCards()
                    && query(
                            "select count(*) from sms_outbox where gateway = 'kannel' and status ="
                                + " 'DELIVERED'")
                        >= 2);
    assertThat(
            query(
                "select count(*) from sms_report where gateway = 'kannel' and state = 'DELIVERED'"))
        .isGreaterThanOrEqualTo(2);
    List<Long> children = pids();
    assertThat(children).hasSize(3).allMatch(DemoSmsTest::alive);

    demo.destroy();
    assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("demo ended").isTrue();

    String log = Files.readString(home.resolve("demo.log"), StandardCharsets.UTF_8);
    assertThat(log)
        .contains("SMS demo lewat Kannel", "diterima jaringan", "Kannel demo dihentikan")
        .doesNotContainPattern("\\+628\\d{8,}")
        .doesNotContainPattern("(?m)^\\s+at ")
        .doesNotContain(" ERROR ");
    assertThat(log.indexOf("Kannel demo dihentikan"))
        .as("Kannel stops after the scheduler, before the pool and the database")
        .isGreaterThan(log.indexOf("Shutting down Quartz Scheduler"))
        .isLessThan(log.indexOf("cetak - Shutdown completed"));
    assertThat(children).noneMatch(DemoSmsTest::alive);
  }

  @Test
  void without_kannel_the_demo_says_so_and_writes_its_sms_to_the_file_masked_without_a_nik()
      throws Exception {
    Path missing = home.resolve("no-kannel-here");
    demo = start("--cetak.demo.kannel-prefix=" + missing);
    Path smsLog = home.resolve(".cetak").resolve("sms.log");

    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(
            () ->
                operatorChecksTheWaitingCards()
                    && Files.readAllLines(smsLog, StandardCharsets.UTF_8).size() >= 2);
    List<String> niks = strings("select nik from print_request");
    assertThat(niks).isNotEmpty();
    assertThat(query("select count(*) from sms_outbox where gateway = 'file'")).isGreaterThan(0);
    demo.destroy();
    assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("demo ended").isTrue();

    String log = Files.readString(home.resolve("demo.log"), StandardCharsets.UTF_8);
    assertThat(log)
        .contains("Kannel tidak terpasang di " + missing)
        .doesNotContain("SMS demo lewat Kannel");
    assertThat(home.resolve("kannel")).doesNotExist();
    List<String> lines = Files.readAllLines(smsLog, StandardCharsets.UTF_8);
    assertThat(lines)
        .allSatisfy(
            line -> {
              String[] fields = line.split("\t", -1);
              assertThat(fields).hasSize(4);
              assertThat(fields[2]).as("the phone, masked").matches("\\*{8,}\\d{3}");
              assertThat(fields[3]).startsWith("Yth.").doesNotContainPattern("\\d{8,}");
            });
    String all = String.join("\n", lines);
    assertThat(niks).noneMatch(all::contains);
    assertThat(all).doesNotContainPattern("\\+?628\\d{6,}");
  }

  /**
   * The demo office checks its cards before the SMS is written: its operator passes the cards
   * waiting for the check over the REST API, each with the chip UID read back (here: the UID the
   * station recorded). True once it asked (whether or not a card was waiting).
   */
  private boolean operatorChecksTheWaitingCards() throws Exception {
    Matcher console =
        Pattern.compile("Demo console on http://localhost:(\\d+)")
            .matcher(Files.readString(home.resolve("demo.log"), StandardCharsets.UTF_8));
    if (!console.find()) {
      return false;
    }
    List<String> cards =
        strings(
            "select '{\"printJobId\":' || print_job_id || ',\"chipUid\":\"' || chip_uid || '\"}'"
                + " from card_check where status = 'WAITING'");
    if (cards.isEmpty()) {
      return true;
    }
    HttpResponse<String> passed =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:"
                                + console.group(1)
                                + "/api/offices/32.71/quality-check/pass"))
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(
                                    "operator:cetak-demo".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"cards\":[" + String.join(",", cards) + "]}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(passed.statusCode()).as(passed.body()).isEqualTo(200);
    return true;
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private List<Long> pids() throws IOException {
    return Files.readAllLines(home.resolve("kannel").resolve("pids")).stream()
        .filter(l -> !l.isBlank())
        .map(l -> Long.parseLong(l.strip()))
        .toList();
  }

  private Process start(String... more) throws IOException {
    Path scenario = home.resolve("demo-quick.yaml");
    try (InputStream in = getClass().getResourceAsStream("/print-room/demo-quick.yaml")) {
      Files.write(scenario, in.readAllBytes());
    }
    List<String> command = ChildJava.command("-Xmx384m");
    command.add(CetakApplication.class.getName());
    command.add("demo");
    command.add("--logging.config=classpath:logback-spring.xml");
    command.add("--server.port=0");
    command.add("--server.address=127.0.0.1");
    command.add("--cetak.database.embedded-data-dir=" + home.resolve("pgdata"));
    command.add("--cetak.demo.scenario=" + scenario);
    command.add("--cetak.demo.backlog=40");
    command.add("--cetak.station.time-scale=0.05");
    command.add("--cetak.station.chip-wait=5s");
    command.add("--cetak.station.idle-wait=200ms");
    command.add("--cetak.sms.every=PT2S");
    command.addAll(List.of(more));
    return new ProcessBuilder(command)
        .directory(home.toFile())
        .redirectErrorStream(true)
        .redirectOutput(home.resolve("demo.log").toFile())
        .start();
  }

  private long query(String sql) throws IOException, SQLException {
    return Long.parseLong(strings(sql).get(0));
  }

  private List<String> strings(String sql) throws IOException, SQLException {
    Properties file = new Properties();
    try (InputStream in =
        Files.newInputStream(EmbeddedDatabase.connectionFile(home.resolve("pgdata")))) {
      file.load(in);
    }
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + file.getProperty("port") + "/cetak",
                file.getProperty("user"),
                file.getProperty("password"));
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (r.next()) {
        values.add(r.getString(1));
      }
      return values;
    }
  }
}
