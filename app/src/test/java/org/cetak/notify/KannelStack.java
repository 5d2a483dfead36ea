package org.cetak.notify;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's Kannel on loopback for a test: bearerbox with a fake SMSC, smsbox with a sendsms user,
 * and {@code fakesmsc} playing the network, each on a free port. {@link #messages} is what reached
 * the fake network.
 */
final class KannelStack implements AutoCloseable {

  static final String USER = "cetak";
  static final String PASSWORD = "rahasia-uji";
  private static final Pattern GOT =
      Pattern.compile("Got message \\d+: <(\\S+) (\\S+) text (.*)>$");

  static boolean installed() {
    return Files.isExecutable(Path.of("/usr/sbin/bearerbox"))
        && Files.isExecutable(Path.of("/usr/sbin/smsbox"))
        && Files.isExecutable(Path.of("/usr/lib/kannel/test/fakesmsc"));
  }

  final Path dir;
  final int adminPort;
  final int smsboxPort;
  final int smscPort;
  final int sendsmsPort;
  private final List<Process> processes = new ArrayList<>();
  private Process fakesmsc;
  private final List<Path> fakesmscLogs = new ArrayList<>();

  KannelStack() throws IOException {
    this(List.of());
  }

  /** With more settings of smsbox's group ({@code http-request-retry = 3}, ...). */
  KannelStack(List<String> smsboxSettings) throws IOException {
    dir = Files.createTempDirectory("cetak-kannel");
    adminPort = freePort();
    smsboxPort = freePort();
    smscPort = freePort();
    sendsmsPort = freePort();
    Path conf = dir.resolve("kannel.conf");
    Files.writeString(
        conf,
        String.join(
            "\n",
            "group = core",
            "admin-port = " + adminPort,
            "admin-interface = 127.0.0.1",
            "admin-password = uji",
            "admin-allow-ip = \"127.0.0.1\"",
            "smsbox-port = " + smsboxPort,
            "smsbox-interface = 127.0.0.1",
            "box-allow-ip = \"127.0.0.1\"",
            "log-file = \"" + dir.resolve("bearerbox.log") + "\"",
            "log-level = 1",
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
            "bearerbox-port = " + smsboxPort,
            "sendsms-port = " + sendsmsPort,
            "sendsms-interface = 127.0.0.1",
            "log-file = \"" + dir.resolve("smsbox.log") + "\"",
            "log-level = 1",
            String.join("\n", smsboxSettings),
            "",
            "group = sendsms-user",
            "username = " + USER,
            "password = " + PASSWORD,
            "max-messages = 1",
            "",
            "group = sms-service",
            "keyword = default",
            "text = \"-\"",
            ""),
        StandardCharsets.UTF_8);
    start("bearerbox", List.of("/usr/sbin/bearerbox", conf.toString()));
    awaitListening(smsboxPort);
    start("smsbox", List.of("/usr/sbin/smsbox", conf.toString()));
    awaitListening(sendsmsPort);
    startNetwork();
  }

  URI sendsms() {
    return URI.create("http://127.0.0.1:" + sendsmsPort + "/cgi-bin/sendsms");
  }

  /** The fake network connects to bearerbox's fake SMSC; messages wait in bearerbox while down. */
  void startNetwork() throws IOException {
    Path log = dir.resolve("fakesmsc-" + fakesmscLogs.size() + ".log");
    fakesmscLogs.add(log);
    fakesmsc =
        new ProcessBuilder(
                "/usr/lib/kannel/test/fakesmsc",
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
            .redirectOutput(log.toFile())
            .start();
    processes.add(fakesmsc);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> status().contains("FAKE") && status().contains("online"));
  }

  void stopNetwork() {
    fakesmsc.destroy();
    await().atMost(Duration.ofSeconds(10)).until(() -> !fakesmsc.isAlive());
    await().atMost(Duration.ofSeconds(10)).until(() -> !status().contains("online"));
  }

  /** Every message the fake network received: sender, receiver, text. */
  List<String[]> messages() throws IOException {
    List<String[]> got = new ArrayList<>();
    for (Path log : fakesmscLogs) {
      if (!Files.exists(log)) {
        continue;
      }
      for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
        Matcher m = GOT.matcher(line);
        if (m.find()) {
          got.add(new String[] {m.group(1), m.group(2), m.group(3)});
        }
      }
    }
    return got;
  }

  private String status() {
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + adminPort + "/status.txt?password=uji"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return r.body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private void start(String name, List<String> command) throws IOException {
    processes.add(
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".out").toFile())
            .start());
  }

  private static void awaitListening(int port) {
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              try (java.net.Socket s =
                  new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                return s.isConnected();
              } catch (IOException e) {
                return false;
              }
            });
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.destroy();
      try {
        if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
    for (Process p : processes) {
      p.onExit().join();
    }
    try {
      FileSystemUtils.deleteRecursively(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + dir, e);
    }
  }
}
