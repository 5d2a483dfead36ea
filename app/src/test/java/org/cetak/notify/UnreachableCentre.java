package org.cetak.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A port on loopback that takes TCP connections and either drops each at once (a centre that
 * refuses us) or keeps it and never says a word (a centre that hangs).
 */
final class UnreachableCentre implements AutoCloseable {
  final AtomicInteger connections = new AtomicInteger();
  final int port;
  private final ServerSocket socket;
  private final List<Socket> kept = new CopyOnWriteArrayList<>();
  private final Thread accepting;

  static UnreachableCentre dropping() throws IOException {
    return new UnreachableCentre(false);
  }

  static UnreachableCentre silent() throws IOException {
    return new UnreachableCentre(true);
  }

  private UnreachableCentre(boolean keep) throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    port = socket.getLocalPort();
    accepting =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try {
                  Socket link = socket.accept();
                  connections.incrementAndGet();
                  if (keep) {
                    kept.add(link);
                  } else {
                    link.close();
                  }
                } catch (IOException e) {
                  return; // closed
                }
              }
            },
            "test-centre-down");
    accepting.setDaemon(true);
    accepting.start();
  }

  @Override
  public void close() throws IOException {
    stop();
  }

  void stop() throws IOException {
    socket.close();
    for (Socket s : kept) {
      s.close();
    }
    try {
      accepting.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
