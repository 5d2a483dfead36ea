package org.cetak.drivers.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PC/SC stack, started by the tests: {@code pcscd --foreground} with a private reader
 * configuration (the vpcd reader driver on two free TCP ports) and our Python card personality
 * ({@code hardware-sim/src/main/python/cetak_card.py}) as the card in its field.
 *
 * <p>pcsc-lite 1.9 always puts its socket in {@code /run/pcscd}: one daemon per machine. When
 * another pcscd is already running, the tests are skipped with a message rather than fight it. The
 * tests run as root (the daemon needs {@code /run/pcscd}). Test JVMs running side by side (the
 * build's forks) take turns: a stack holds a lock file of the machine from its start to its close,
 * and the next one waits for it.
 */
public final class PcscStack implements AutoCloseable {

  public static final String READER = "Virtual PCD 00 00";

  private static final Path PCSCD = Path.of("/usr/sbin/pcscd");
  private static final Path VPCD = Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so");
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path VSC = Path.of("/usr/lib/python3/site-packages/virtualsmartcard");
  private static final Path SOCKET = Path.of("/run/pcscd/pcscd.comm");
  private static final Path TURN =
      Path.of(System.getProperty("java.io.tmpdir"), "cetak-pcsc-stack.lock");
  private static final Duration TURN_WAIT = Duration.ofMinutes(10);

  private final Path dir;
  private final int port;
  private final Path log;
  private Process daemon;
  private Process card;
  private final List<Process> started = new ArrayList<>();
  private final FileChannel turn;

  private PcscStack(Path dir, int port, FileChannel turn) {
    this.dir = dir;
    this.port = port;
    this.log = dir.resolve("pcscd.log");
    this.turn = turn;
  }

  /** Skips the calling test when a part of the stack is not installed, or pcscd runs already. */
  public static void assumeAvailable() {
    for (Path p : List.of(PCSCD, VPCD, PYTHON, VSC, cardScript())) {
      Assumptions.assumeTrue(
          Files.exists(p),
          "PC/SC stack incomplete, missing "
              + p
              + " (Debian: pcscd vsmartcard-vpcd python3-virtualsmartcard python3-pycryptodome)");
    }
    Optional<ProcessHandle> other =
        ProcessHandle.allProcesses()
            .filter(h -> h.info().command().map(c -> c.endsWith("/pcscd")).orElse(false))
            .findFirst();
    Assumptions.assumeTrue(
        other.isEmpty(),
        () ->
            "another pcscd (pid "
                + other.get().pid()
                + ") owns /run/pcscd: stop it to run these tests");
  }

  /** The card personality's script. */
  public static Path cardScript() {
    String configured = System.getProperty("cetak.card.script");
    if (configured != null) {
      return Path.of(configured);
    }
    return Path.of("..", "hardware-sim", "src", "main", "python", "cetak_card.py")
        .toAbsolutePath()
        .normalize();
  }

  /** Starts pcscd with a private vpcd reader on two free neighbouring ports. */
  public static PcscStack start() throws IOException, InterruptedException {
    FileChannel turn = takeTurn();
    PcscStack stack = null;
    try {
      stack = start(turn);
      return stack;
    } finally {
      if (stack == null) {
        turn.close();
      }
    }
  }

  private static PcscStack start(FileChannel turn) throws IOException, InterruptedException {
    assumeAvailable();
    int port = freePortPair();
    Path dir = Files.createTempDirectory("cetak-pcsc");
    Path conf = Files.createDirectories(dir.resolve("reader.conf.d"));
    Files.writeString(
        conf.resolve("vpcd"),
        "FRIENDLYNAME \"Virtual PCD\"\n"
            + "DEVICENAME   /dev/null:0x"
            + Integer.toHexString(port)
            + "\nLIBPATH      "
            + VPCD
            + "\nCHANNELID    0x"
            + Integer.toHexString(port)
            + "\n");
    PcscStack stack = new PcscStack(dir, port, turn);
    try {
      stack.startDaemon();
    } catch (IOException | InterruptedException | RuntimeException e) {
      stack.stopProcesses();
      FileUtils.deleteDirectory(dir.toFile());
      throw e;
    }
    return stack;
  }

  /**
   * A port whose next port is free too: vpcd listens on both (readers {@code 00 00} and {@code 00
   * 01}), and pcscd gives up both readers when the second port is taken. The pair is chosen below
   * the kernel's ephemeral range, so no outgoing connection of this machine (a test's database
   * connection, say) takes the second port between this check and the daemon's start.
   */
  private static int freePortPair() throws IOException {
    int below = ephemeralLow();
    int from = Math.max(1024, below - 20_000);
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(from, below - 1);
      if (bothFree(port)) {
        return port;
      }
    }
    throw new IOException(
        "PC/SC stack: no two free neighbouring ports between " + from + " and " + below);
  }

  private static boolean bothFree(int port) {
    try (ServerSocket first = new ServerSocket(port);
        ServerSocket second = new ServerSocket(port + 1)) {
      return first.getLocalPort() == port && second.getLocalPort() == port + 1;
    } catch (IOException taken) {
      return false;
    }
  }

  private static int ephemeralLow() {
    try {
      String range =
          Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
      return Integer.parseInt(range.split("\\s+", -1)[0]);
    } catch (IOException | RuntimeException e) {
      return 32_768; // Linux's default
    }
  }

  /** Waits until no other test JVM's stack runs on this machine, and holds the turn. */
  private static FileChannel takeTurn() throws IOException, InterruptedException {
    FileChannel channel =
        FileChannel.open(TURN, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    long deadline = System.nanoTime() + TURN_WAIT.toNanos();
    while (channel.tryLock() == null) {
      if (System.nanoTime() > deadline) {
        channel.close();
        throw new IllegalStateException(
            "PC/SC stack: another test JVM held " + TURN + " for " + TURN_WAIT);
      }
      Thread.sleep(100);
    }
    return channel;
  }

  /** Starts pcscd (again) and waits for its socket and the vpcd port. */
  public void startDaemon() throws IOException, InterruptedException {
    Files.deleteIfExists(log);
    daemon =
        new ProcessBuilder(
                PCSCD.toString(),
                "--foreground",
                "--info",
                "-c",
                dir.resolve("reader.conf.d").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    started.add(daemon);
    await("pcscd socket", () -> Files.exists(SOCKET) && daemon.isAlive(), Duration.ofSeconds(5));
    await("vpcd listening on " + port, this::vpcdListening, Duration.ofSeconds(5));
  }

  /** Stops pcscd (the PC/SC service goes away). */
  public void stopDaemon() throws InterruptedException {
    removeCard();
    if (daemon != null) {
      daemon.destroy();
      daemon.waitFor();
      daemon = null;
    }
  }

  /**
   * Kills pcscd with SIGKILL and leaves the card process alone: the service dies under whatever the
   * reader is doing.
   */
  public void killDaemon() throws InterruptedException {
    if (daemon != null) {
      daemon.destroyForcibly();
      daemon.waitFor();
      daemon = null;
    }
  }

  /** Waits until a card inserted with the fault {@code hold-at:N} holds its N-th write. */
  public void awaitHeldWrite() throws IOException, InterruptedException {
    await(
        "card holding a write",
        () -> Files.readString(dir.resolve("card.log")).contains("holding UPDATE BINARY"),
        Duration.ofSeconds(10));
  }

  /** Lets a card holding a write ({@code hold-at:N}) go on. */
  public void releaseHeldWrite() throws IOException {
    card.getOutputStream().write('\n');
    card.getOutputStream().flush();
  }

  /**
   * Puts a card personality into the field and waits until pcscd reports it inserted.
   *
   * @param fault a fault mode of cetak_card.py ({@code none}, {@code refuse-write} ...)
   */
  public void insertCard(String uidHex, String fault) throws IOException, InterruptedException {
    removeCard();
    int insertedBefore = count("Card inserted into");
    ProcessBuilder personality =
        new ProcessBuilder(
                PYTHON.toString(),
                cardScript().toString(),
                "--port",
                Integer.toString(port),
                "--uid",
                uidHex,
                "--fault",
                fault)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("card.log").toFile());
    // a temporary directory of the card's own, so that a test sees whether it leaves files behind
    personality.environment().put("TMPDIR", Files.createDirectories(cardTemporary()).toString());
    card = personality.start();
    started.add(card);
    await(
        "card inserted",
        () -> count("Card inserted into") > insertedBefore,
        Duration.ofSeconds(10));
  }

  /** Takes the card out of the field (its process ends). */
  public void removeCard() throws InterruptedException {
    if (card != null) {
      card.destroy();
      card.waitFor();
      card = null;
    }
  }

  /** What the card processes left in their temporary directory ({@code TMPDIR}). */
  public List<Path> cardTemporaryFiles() throws IOException {
    if (!Files.isDirectory(cardTemporary())) {
      return List.of();
    }
    try (Stream<Path> left = Files.list(cardTemporary())) {
      return left.toList();
    }
  }

  private Path cardTemporary() {
    return dir.resolve("card-tmp");
  }

  /** Whether the card process is still running (a vanishing card ends itself). */
  public boolean cardPresent() {
    return card != null && card.isAlive();
  }

  /** pcscd's log so far, for assertion messages. */
  public String daemonLog() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private int count(String marker) {
    String text = daemonLog();
    int n = 0;
    for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) {
      n++;
    }
    return n;
  }

  private boolean vpcdListening() {
    String hexPort = String.format(":%04X ", port);
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] f = line.trim().split("\\s+", -1);
          if (f.length > 3 && (f[1] + " ").endsWith(hexPort) && f[3].equals("0A")) {
            return true;
          }
        }
      } catch (IOException e) {
        // the table may not exist (no IPv6)
      }
    }
    return false;
  }

  private interface Condition {
    boolean holds() throws IOException;
  }

  private void await(String what, Condition condition, Duration timeout)
      throws IOException, InterruptedException {
    try {
      Awaitility.await("PC/SC stack: " + what)
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(10))
          .until(condition::holds);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          "PC/SC stack: no " + what + " within " + timeout + "\n" + daemonLog(), e);
    }
  }

  @Override
  public void close() {
    stopProcesses();
    try {
      try {
        turn.close();
      } finally {
        FileUtils.deleteDirectory(dir.toFile());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void stopProcesses() {
    for (Process p : started) {
      p.destroy();
    }
    try {
      for (Process p : started) {
        p.waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
