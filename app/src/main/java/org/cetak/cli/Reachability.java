package org.cetak.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

/** Whether a gateway, the centre or a printer on the network accepts a connection. */
final class Reachability {

  /** How long a gateway, the centre or a printer on the network gets to accept a connection. */
  private static final Duration CONNECT_WAIT = Duration.ofSeconds(3);

  private Reachability() {}

  static CheckResult reachable(CliText text, String what, String host, int port) {
    String address = host + ":" + port;
    return connects(host, port)
        ? CheckResult.ok(what, address)
        : CheckResult.fail(text, what, "cli.check.silent", address);
  }

  /** The port of an HTTP(S) address, its scheme's usual one when it names none. */
  static int port(URI uri) {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "https".equals(uri.getScheme()) ? 443 : 80;
  }

  static boolean connects(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) CONNECT_WAIT.toMillis());
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
