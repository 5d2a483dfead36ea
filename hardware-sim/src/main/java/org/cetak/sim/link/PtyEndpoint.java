package org.cetak.sim.link;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cetak.sim.printer.SessionOptions;
import org.cetak.sim.printer.SimulatedPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated printer behind a pseudo-terminal, the way a serial printer looks to the host: the
 * printer listens on a loopback TCP port and {@code socat pty,raw,echo=0,link=<path>
 * tcp:127.0.0.1:<port>} makes {@code path} a symlink to a pty wired to it. A {@code DISCONNECT}
 * fault kills socat, so the link really vanishes; it is started again (possibly on a new pty) after
 * {@link SessionOptions#portDown()}. {@link #close()} stops socat. Needs the {@code socat} program.
 */
public final class PtyEndpoint implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PtyEndpoint.class);

  private final SimulatedPrinter printer;
  private final Path link;
  private final SessionOptions options;
  private final TcpEndpoint tcp;
  private final Thread supervisor;
  private volatile Process socat;
  private volatile boolean closed;
  private volatile boolean dropped;

  private PtyEndpoint(SimulatedPrinter printer, Path link, SessionOptions options)
      throws IOException {
    this.printer = printer;
    this.link = link;
    this.options = options;
    this.tcp = TcpEndpoint.start(printer, "127.0.0.1", 0, options);
    this.tcp.onDisappear(this::vanish);
    this.supervisor = new Thread(this::supervise, "sim-" + printer.name() + "-socat");
    supervisor.setDaemon(true);
  }

  /** Starts socat and waits (up to 5 s) until {@code link} exists. */
  public static PtyEndpoint start(SimulatedPrinter printer, String link, SessionOptions options)
      throws IOException {
    PtyEndpoint e = new PtyEndpoint(printer, Path.of(link), options);
    e.supervisor.start();
    if (!e.awaitLink(5_000)) {
      e.close();
      throw new IOException("socat did not create " + link + " within 5 s (is socat installed?)");
    }
    log.info("{}: serial port at {}", printer.name(), link);
    return e;
  }

  public Path link() {
    return link;
  }

  /** Whether the pty link is there now. */
  public boolean present() {
    return Files.exists(link, LinkOption.NOFOLLOW_LINKS);
  }

  /** Waits until the link exists; false on timeout. */
  public boolean awaitLink(long millis) {
    long end = System.nanoTime() + millis * 1_000_000L;
    while (!present()) {
      if (System.nanoTime() > end) {
        return false;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private void supervise() {
    while (!closed) {
      try {
        if (dropped) {
          Thread.sleep(options.portDown().toMillis());
          dropped = false;
          continue;
        }
        Process p =
            new ProcessBuilder(
                    List.of(
                        "socat",
                        "pty,raw,echo=0,link=" + link,
                        "tcp:127.0.0.1:" + tcp.port() + ",nodelay"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        socat = p;
        p.waitFor();
        if (!closed && !dropped) {
          Thread.sleep(200);
        }
      } catch (IOException e) {
        log.warn("{}: cannot start socat", printer.name(), e);
        sleepQuietly(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void vanish() {
    dropped = true;
    stopSocat();
  }

  private void stopSocat() {
    Process p = socat;
    if (p != null) {
      p.destroy();
      try {
        if (!p.waitFor(2, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    supervisor.interrupt();
    stopSocat();
    tcp.close();
  }
}
