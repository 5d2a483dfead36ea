package org.cetak.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cetak.common.Backoff;
import org.cetak.db.testing.TestDatabase;
import org.cetak.notify.gateway.GammuGateway;
import org.cetak.notify.gateway.KannelGateway;
import org.cetak.notify.gateway.SmppGateway;
import org.cetak.notify.jooq.JooqNoticeStore;
import org.cetak.notify.jooq.JooqSendRate;
import org.cetak.office.jooq.JooqAudit;
import org.cetak.support.BoundConnections;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A dispatcher in a JVM of its own, as a node runs it: its own connections to the test's database
 * and its own gateway client, dispatching every 100 ms. Started with {@code dying}, it stops right
 * after the gateway's first answer, before the answer commits, prints {@code ANSWERED <notice>} and
 * waits there for the test to SIGKILL it.
 */
final class DispatcherProcess {

  static final String ANSWERED = "ANSWERED ";

  private DispatcherProcess() {}

  /** How the test starts one. */
  static Process start(
      TestDatabase database,
      Instant clockStart,
      Duration reportWait,
      boolean dying,
      Path log,
      List<String> gateway)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx128m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(DispatcherProcess.class.getName());
    command.add(database.jdbcUrl());
    command.add(database.user());
    command.add(database.password());
    command.add(clockStart.toString());
    command.add(reportWait.toString());
    command.add(String.valueOf(dying));
    command.addAll(gateway);
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
    if (!dying) {
      builder.redirectOutput(log.resolveSibling(log.getFileName() + ".out").toFile());
    }
    return builder.start();
  }

  /** The answer a dying dispatcher was given, or empty when it ended without one in time. */
  static String awaitAnswer(Process dying, Duration within) throws Exception {
    java.util.concurrent.CompletableFuture<String> line =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try (var out =
                  new java.io.BufferedReader(
                      new java.io.InputStreamReader(
                          dying.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                  if (l.startsWith(ANSWERED)) {
                    return l;
                  }
                }
                return "";
              } catch (IOException e) {
                return "";
              }
            });
    return line.get(within.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Arguments: JDBC URL, user, password, the clock's start, the report wait, dying, then the
   * gateway: {@code kannel <sendsms> <report-url> <token>}, {@code smpp <port>} or {@code gammu
   * <jdbc-url> <user> <password>}.
   */
  public static void main(String[] args) throws Exception {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(args[0]);
    dataSource.setUser(args[1]);
    dataSource.setPassword(args[2]);
    Instant start = Instant.parse(args[3]);
    Duration reportWait = Duration.parse(args[4]);
    boolean dying = Boolean.parseBoolean(args[5]);
    // the test's simulated morning, running at the real pace from this process's start
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
    BoundConnections transactions = new BoundConnections(dataSource);
    DSLContext db = DSL.using(transactions, SQLDialect.POSTGRES);
    NoticeStore real = new JooqNoticeStore(db, clock);
    DeliveryReports reports = new DeliveryReports(real, transactions, clock);
    Notices notices = new Notices(real, transactions, new JooqAudit(db, clock), clock);
    SmsGateway gateway = gateway(args, reports);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    NoticeStore store =
        dying
            ? new CrashingStore(
                real,
                noticeId -> {
                  out.println(ANSWERED + noticeId);
                  waitForTheKill(System.in);
                })
            : real;
    Dispatcher dispatcher =
        new Dispatcher(
            store,
            notices,
            gateway,
            new JooqSendRate(db, 1000),
            reports,
            transactions,
            clock,
            new Dispatcher.Settings(
                3,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5)),
                reportWait,
                1,
                dying ? "node-dying" : "node-restarted"));
    while (true) {
      Dispatcher.Run run = dispatcher.dispatch();
      if (run.sent() + run.settled() > 0) {
        out.println("RUN " + run);
      }
      Thread.sleep(100); // the dispatcher's own pace, as its Quartz trigger
    }
  }

  private static SmsGateway gateway(String[] args, DeliveryReports reports) {
    return switch (args[6]) {
      case "kannel" ->
          new KannelGateway(
              new KannelGateway.Settings(
                  URI.create(args[7]),
                  KannelStack.USER,
                  KannelStack.PASSWORD,
                  "DUKCAPIL",
                  URI.create(args[8]),
                  args[9],
                  Duration.ofSeconds(5)));
      case "smpp" ->
          new SmppGateway(
              new SmppGateway.Settings(
                  "127.0.0.1",
                  Integer.parseInt(args[7]),
                  "cetak",
                  "rahasia",
                  "",
                  "DUKCAPIL",
                  Duration.ofSeconds(5),
                  Duration.ofSeconds(30),
                  Duration.ofSeconds(5),
                  Duration.ofSeconds(30),
                  Duration.ofMinutes(10)),
              reports::received,
              Clock.systemUTC());
      case "gammu" -> new GammuGateway(new GammuGateway.Settings(args[7], args[8], args[9]));
      default -> throw new IllegalArgumentException(args[6]);
    };
  }

  /** Blocks until the test kills this process; halts should the test itself be gone. */
  private static void waitForTheKill(InputStream in) {
    try {
      while (in.read() >= 0) {
        // nothing comes: the test never writes
      }
    } catch (IOException e) {
      // the test is gone
    }
    Runtime.getRuntime().halt(3);
  }
}
