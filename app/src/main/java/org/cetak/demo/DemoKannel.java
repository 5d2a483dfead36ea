package org.cetak.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cetak.common.Masking;
import org.cetak.notify.Sms;
import org.cetak.notify.SmsGateway;
import org.cetak.notify.gateway.KannelGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/**
 * The demo's SMS gateway: Debian's Kannel run by the demo itself. It starts bearerbox, smsbox and
 * the fake SMS centre {@code fakesmsc} (playing the mobile network) as child processes on free
 * loopback ports, with their configuration and logs in a directory of the demo's data, and sends
 * through {@link KannelGateway} with delivery reports back to the console's {@code dlr-url}. Each
 * SMS the fake network receives is logged with the phone masked.
 *
 * <p>It starts with the application context and stops after the web server and the scheduler (the
 * scheduler's last run may still be sending), before the connection pool; until the console listens
 * (Kannel's reports need its port) a send is refused and retried. Children left by a demo that was
 * killed are found by the process ids it wrote and stopped at the next start, when their command
 * line still names this directory's configuration.
 */
final class DemoKannel implements SmsGateway, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DemoKannel.class);

  /**
   * Where Kannel's programs are, in Debian's layout under a prefix ({@code
   * cetak.demo.kannel-prefix}, {@code /usr}): {@code sbin/bearerbox}, {@code sbin/smsbox}, {@code
   * lib/kannel/test/fakesmsc}.
   */
  record Binaries(Path prefix) {

    static final Binaries DEBIAN = new Binaries(Path.of("/usr"));

    Path bearerbox() {
      return prefix.resolve("sbin/bearerbox");
    }

    Path smsbox() {
      return prefix.resolve("sbin/smsbox");
    }

    Path fakesmsc() {
      return prefix.resolve("lib/kannel/test/fakesmsc");
    }

    boolean installed() {
      return Files.isExecutable(bearerbox())
          && Files.isExecutable(smsbox())
          && Files.isExecutable(fakesmsc());
    }
  }

  private static final Pattern GOT = Pattern.compile("Got message (\\d+): <\\S+ (\\S+) text ");

  /** Whether Debian's Kannel is installed where Debian puts it. */
  static boolean installed() {
    return Binaries.DEBIAN.installed();
  }

  private final Binaries binaries;
  private final Path dir;
  private final Environment environment;
  private final String reportToken;
  private final Duration timeout;
  private final String password = secret();
  private final List<Process> children = new ArrayList<>();
  private final AtomicInteger received = new AtomicInteger();
  private KannelGateway gateway;
  private volatile boolean running;
  private int sendsmsPort;

  DemoKannel(
      Binaries binaries, Path dir, Environment environment, String reportToken, Duration timeout) {
    this.binaries = binaries;
    this.dir = dir;
    this.environment = environment;
    this.reportToken = reportToken;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "kannel";
  }

  @Override
  public boolean reportsDelivery() {
    return true;
  }

  @Override
  public Outcome send(Sms sms) {
    return gateway()
        .map(g -> g.send(sms))
        .orElseGet(
            () ->
                new Outcome.Refused(
                    "Kannel demo belum siap / the demo's Kannel is not up yet", true));
  }

  /** Kannel's client, once Kannel runs and the console's port (for the reports) is known. */
  private synchronized Optional<KannelGateway> gateway() {
    String port = environment.getProperty("local.server.port");
    if (gateway == null && running && port != null) {
      gateway =
          new KannelGateway(
              new KannelGateway.Settings(
                  URI.create("http://127.0.0.1:" + sendsmsPort + "/cgi-bin/sendsms"),
                  "cetak",
                  password,
                  "DUKCAPIL",
                  URI.create("http://127.0.0.1:" + port + "/sms/reports/kannel"),
                  reportToken,
                  timeout));
    }
    return Optional.ofNullable(gateway);
  }

  /** Starts Kannel and the fake network, and waits until they listen. */
  synchronized void start() {
    try {
      Files.createDirectories(dir);
      stopLeftovers();
      int adminPort = freePort();
      int boxPort = freePort();
      int smscPort = freePort();
      sendsmsPort = freePort();
      Path conf = dir.resolve("kannel.conf");
      Files.writeString(conf, configuration(adminPort, boxPort, smscPort), StandardCharsets.UTF_8);
      start("bearerbox", List.of(binaries.bearerbox().toString(), conf.toString()));
      awaitListening(boxPort, "bearerbox");
      start("smsbox", List.of(binaries.smsbox().toString(), conf.toString()));
      awaitListening(sendsmsPort, "smsbox");
      Process network =
          new ProcessBuilder(
                  binaries.fakesmsc().toString(),
                  "-H",
                  "127.0.0.1",
                  "-r",
                  String.valueOf(smscPort),
                  "-i",
                  "3600",
                  "-m",
                  "0",
                  "100 200 text unused")
              .redirectErrorStream(true)
              .start();
      children.add(network);
      Thread reader = new Thread(() -> follow(network), "demo-fakesmsc");
      reader.setDaemon(true);
      reader.start();
      Files.writeString(
          dir.resolve("pids"),
          String.join("\n", children.stream().map(p -> String.valueOf(p.pid())).toList()),
          StandardCharsets.UTF_8);
      running = true;
      log.info(
          "SMS demo lewat Kannel (bearerbox, smsbox, fakesmsc di 127.0.0.1:{}), log di {} / The"
              + " demo's SMS go through Kannel with a fake SMS centre",
          sendsmsPort,
          dir);
    } catch (IOException e) {
      stopChildren();
      throw new UncheckedIOException("Cannot start the demo's Kannel in " + dir, e);
    }
  }

  @Override
  public synchronized void close() {
    stopChildren();
    running = false;
    log.info(
        "Kannel demo dihentikan; jaringan palsu menerima {} SMS / Demo Kannel stopped",
        received.get());
  }

  private String configuration(int adminPort, int boxPort, int smscPort) {
    return String.join(
        "\n",
        "# written by the Cetak demo at each start",
        "group = core",
        "admin-port = " + adminPort,
        "admin-interface = 127.0.0.1",
        "admin-password = " + password,
        "admin-allow-ip = \"127.0.0.1\"",
        "smsbox-port = " + boxPort,
        "smsbox-interface = 127.0.0.1",
        "box-allow-ip = \"127.0.0.1\"",
        "log-file = \"" + dir.resolve("bearerbox.log") + "\"",
        "log-level = 2",
        "dlr-storage = internal",
        "",
        "group = smsc",
        "smsc = fake",
        "smsc-id = FAKE",
        "our-host = 127.0.0.1",
        "port = " + smscPort,
        "connect-allow-ip = \"127.0.0.1\"",
        "",
        "group = smsbox",
        "bearerbox-host = 127.0.0.1",
        "bearerbox-port = " + boxPort,
        "sendsms-port = " + sendsmsPort,
        "sendsms-interface = 127.0.0.1",
        "log-file = \"" + dir.resolve("smsbox.log") + "\"",
        "log-level = 2",
        // a report Cetak could not take (a restart) is offered again
        "http-request-retry = 30",
        "http-queue-delay = 2",
        "",
        "group = sendsms-user",
        "username = cetak",
        "password = " + password,
        "max-messages = 1",
        "",
        "group = sms-service",
        "keyword = default",
        "text = \"-\"",
        "");
  }

  /** The fake network's output: one line per SMS; the demo logs it with the phone masked. */
  private void follow(Process network) {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(network.getInputStream(), StandardCharsets.ISO_8859_1))) {
      String line;
      while ((line = out.readLine()) != null) {
        Matcher m = GOT.matcher(line);
        if (m.find()) {
          received.incrementAndGet();
          log.info(
              "fakesmsc: SMS ke {} diterima jaringan / reached the network",
              Masking.phone(m.group(2)));
        }
      }
    } catch (IOException e) {
      // the fake network stopped
    }
  }

  private void start(String name, List<String> command) throws IOException {
    children.add(
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".out").toFile())
            .start());
  }

  /** Stops children of an earlier demo that ended without stopping them (a kill -9). */
  private void stopLeftovers() throws IOException {
    Path pids = dir.resolve("pids");
    if (!Files.exists(pids)) {
      return;
    }
    String conf = dir.resolve("kannel.conf").toString();
    for (String line : Files.readAllLines(pids, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      Optional<ProcessHandle> left = ProcessHandle.of(Long.parseLong(line.strip()));
      left.filter(ProcessHandle::isAlive)
          .filter(
              p ->
                  p.info().commandLine().orElse("").contains(conf)
                      || p.info().command().orElse("").equals(binaries.fakesmsc().toString()))
          .ifPresent(
              p -> {
                log.info("Menghentikan sisa Kannel demo sebelumnya (pid {})", p.pid());
                p.destroy();
              });
    }
    Files.delete(pids);
  }

  private synchronized void stopChildren() {
    gateway = null;
    for (int i = children.size() - 1; i >= 0; i--) {
      Process child = children.get(i);
      child.destroy();
      try {
        if (!child.waitFor(5, TimeUnit.SECONDS)) {
          child.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        child.destroyForcibly();
      }
    }
    children.clear();
  }

  private void awaitListening(int port, String what) throws IOException {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < until) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        if (s.isConnected()) {
          return;
        }
      } catch (IOException notYet) {
        if (children.stream().anyMatch(p -> !p.isAlive())) {
          break;
        }
        try {
          // polling a port another process opens: nothing to wait on but time
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw new IOException(
        what + " did not listen on 127.0.0.1:" + port + "; see " + dir.resolve(what + ".out"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String secret() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
