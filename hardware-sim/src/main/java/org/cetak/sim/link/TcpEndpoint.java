package org.cetak.sim.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cetak.sim.printer.ByteSource;
import org.cetak.sim.printer.PrinterSession;
import org.cetak.sim.printer.SessionOptions;
import org.cetak.sim.printer.SimulatedPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated printer on a TCP port (a network printer, or the far end of a socat pty). Every
 * accepted connection gets its own session with the same printer. A {@code DISCONNECT} fault closes
 * every connection and the listening socket; the port comes back on the same number after {@link
 * SessionOptions#portDown()}.
 */
public final class TcpEndpoint implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TcpEndpoint.class);

  private final SimulatedPrinter printer;
  private final SessionOptions options;
  private final InetAddress host;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile ServerSocket server;
  private volatile boolean closed;
  private volatile Runnable onDisappear = () -> {};
  private final int port;

  private TcpEndpoint(SimulatedPrinter printer, SessionOptions options, InetAddress host, int port)
      throws IOException {
    this.printer = printer;
    this.options = options;
    this.host = host;
    this.server = bind(port);
    this.port = server.getLocalPort();
    this.acceptor = new Thread(this::acceptLoop, "sim-" + printer.name() + "-tcp");
    acceptor.setDaemon(true);
  }

  /** Listens on {@code host:port} (port 0 picks a free one; see {@link #port()}). */
  public static TcpEndpoint start(
      SimulatedPrinter printer, String host, int port, SessionOptions options) throws IOException {
    TcpEndpoint e = new TcpEndpoint(printer, options, InetAddress.getByName(host), port);
    e.acceptor.start();
    log.info("{}: listening on tcp {}:{}", printer.name(), host, e.port);
    return e;
  }

  /** The port listened on. */
  public int port() {
    return port;
  }

  /** Called after every disappearance of the port (the pty endpoint kills its socat here). */
  void onDisappear(Runnable r) {
    onDisappear = r;
  }

  private ServerSocket bind(int p) throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(host, p));
    return s;
  }

  private void acceptLoop() {
    while (!closed) {
      ServerSocket s = server;
      try {
        if (s == null) {
          Thread.sleep(20);
          continue;
        }
        Socket socket = s.accept();
        socket.setTcpNoDelay(true);
        sockets.add(socket);
        Thread t = new Thread(() -> serve(socket), "sim-" + printer.name() + "-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (!closed && server == s) {
          log.warn("{}: accept failed", printer.name(), e);
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      ByteSource source =
          (b, off, len, timeout) -> {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout));
            try {
              return in.read(b, off, len);
            } catch (SocketTimeoutException e) {
              return 0;
            }
          };
      new PrinterSession(printer, source, out, options, this::disappear).serve();
    } catch (IOException e) {
      log.debug("{}: connection ended", printer.name(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      sockets.remove(socket);
    }
  }

  /** The port vanishes: every connection and the listener close; it returns after a while. */
  void disappear() {
    ServerSocket s = server;
    server = null;
    closeQuietly(s);
    for (Socket k : sockets) {
      closeQuietly(k);
    }
    onDisappear.run();
    Thread back =
        new Thread(
            () -> {
              try {
                Thread.sleep(options.portDown().toMillis());
                if (!closed) {
                  server = bind(port);
                  log.info("{}: port is back on {}", printer.name(), port);
                }
              } catch (IOException e) {
                log.warn("{}: could not re-bind port {}", printer.name(), port, e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "sim-" + printer.name() + "-back");
    back.setDaemon(true);
    back.start();
  }

  /** Whether the port is listening now. */
  public boolean listening() {
    return server != null;
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    for (Socket k : sockets) {
      closeQuietly(k);
    }
    acceptor.interrupt();
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception e) {
        // closing anyway
      }
    }
  }
}
