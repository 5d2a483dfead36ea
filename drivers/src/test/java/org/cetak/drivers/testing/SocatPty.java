package org.cetak.drivers.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.Assumptions;

/**
 * A real pseudo-terminal whose far end is a TCP port, made by {@code socat}: a serial cable to the
 * simulator's TCP endpoint. When the TCP side goes away, socat exits and the pty vanishes (an
 * unplugged cable); a supervisor starts socat again, so the pty comes back when the port does (a
 * re-plugged cable, possibly a new pty behind the same link).
 */
public final class SocatPty implements AutoCloseable {

  private final Path link;
  private final int tcpPort;
  private final Thread supervisor;
  private volatile boolean closed;
  private volatile Process socat;

  private SocatPty(Path link, int tcpPort) {
    this.link = link;
    this.tcpPort = tcpPort;
    this.supervisor = new Thread(this::supervise, "socat-pty-" + tcpPort);
    this.supervisor.setDaemon(true);
  }

  /** Skips the calling test when socat is not installed. */
  public static void assumeInstalled() {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/socat")),
        "socat is not installed (Debian package socat): pty tests skipped");
  }

  /** Starts socat and waits until the pty link exists. */
  public static SocatPty toTcp(int tcpPort) throws IOException, InterruptedException {
    assumeInstalled();
    Path link = Files.createTempDirectory("cetak-pty").resolve("ttyPRN");
    SocatPty pty = new SocatPty(link, tcpPort);
    pty.supervisor.start();
    try {
      pty.awaitLink(Duration.ofSeconds(5));
    } catch (RuntimeException e) {
      pty.close();
      throw e;
    }
    return pty;
  }

  /** The pty's path (a symlink to /dev/pts/N), for jSerialComm. */
  public String path() {
    return link.toString();
  }

  /** Waits until the link exists again. */
  public void awaitLink(Duration timeout) {
    await("socat makes a pty at " + link)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(5))
        .until(() -> Files.exists(link));
  }

  /** Ends the current socat (the cable is pulled); the supervisor plugs it back in. */
  public void unplug() {
    Process p = socat;
    if (p != null) {
      p.destroy();
    }
  }

  private void supervise() {
    while (!closed) {
      try {
        Process p =
            new ProcessBuilder(
                    "/usr/bin/socat",
                    "pty,raw,echo=0,link=" + link,
                    "tcp:127.0.0.1:" + tcpPort + ",nodelay")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        socat = p;
        p.waitFor();
        Thread.sleep(30);
      } catch (IOException e) {
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    supervisor.interrupt();
    Process p = socat;
    if (p != null) {
      p.destroy();
    }
    try {
      supervisor.join(2000);
      if (p != null) {
        p.waitFor();
      }
      Process last = socat;
      if (last != null && last != p) {
        last.destroy();
        last.waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      FileUtils.deleteDirectory(link.getParent().toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + link.getParent(), e);
    }
  }
}
