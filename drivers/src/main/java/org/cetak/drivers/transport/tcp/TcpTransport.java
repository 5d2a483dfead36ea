package org.cetak.drivers.transport.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.cetak.drivers.transport.ReopeningTransport;
import org.cetak.drivers.transport.StreamTransport;
import org.cetak.drivers.transport.Transport;
import org.cetak.drivers.transport.TransportDisconnectedException;

/**
 * The TCP adapter: a printer behind a network print server or the simulator's TCP endpoint. The
 * connection is opened at once and again on the first exchange after it broke.
 */
public final class TcpTransport {

  /** Where the printer listens and how long a connect may take. */
  public record Config(String host, int port, Duration connectTimeout) {
    public Config {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
    }
  }

  private TcpTransport() {}

  /** Connects now; throws {@link TransportDisconnectedException} when nobody listens. */
  public static Transport connect(Config config) {
    String name = config.host() + ":" + config.port();
    return new ReopeningTransport(name, () -> open(name, config));
  }

  private static StreamTransport open(String name, Config config) {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.setKeepAlive(true);
      socket.connect(
          new InetSocketAddress(config.host(), config.port()),
          Math.toIntExact(config.connectTimeout().toMillis()));
      return StreamTransport.over(name, socket.getInputStream(), socket.getOutputStream(), socket);
    } catch (IOException e) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // nothing was opened that could leak
      }
      throw new TransportDisconnectedException(name, "cannot connect: " + e.getMessage(), e);
    }
  }
}
