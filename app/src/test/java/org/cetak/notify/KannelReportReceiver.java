package org.cetak.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.cetak.notify.gateway.KannelGateway;

/**
 * Cetak's {@code dlr-url} endpoint for the gateway tests, without the web server: Kannel's calls go
 * through {@link KannelGateway#report} to {@link DeliveryReports}, as the console's endpoint does.
 */
final class KannelReportReceiver implements AutoCloseable {

  static final String TOKEN = "token-uji";

  private final HttpServer server;

  KannelReportReceiver(DeliveryReports reports) throws IOException {
    this(reports, 0);
  }

  /** A receiver on the given port (0: a free one), as a node answering at a known address. */
  KannelReportReceiver(DeliveryReports reports, int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext(
        "/sms/reports/kannel",
        exchange -> {
          Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
          int status = 403;
          if (TOKEN.equals(q.get("token"))) {
            reports.received(
                KannelGateway.report(
                    Long.parseLong(q.get("notice")),
                    Integer.parseInt(q.get("state")),
                    q.getOrDefault("answer", ""),
                    q.getOrDefault("foreign", "")));
            status = 200;
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms/reports/kannel");
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&", -1)) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          q.put(
              pair.substring(0, eq),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return q;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
