package org.cetak.printing.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.cetak.drivers.transport.Transport;
import org.cetak.drivers.transport.serial.SerialTransport;
import org.cetak.drivers.transport.tcp.TcpTransport;

/**
 * Opens the transport a printer link names: {@code tcp://host:port} or {@code
 * serial:/dev/x?baud=n}.
 */
public interface PrinterLinks {

  /** The transport of this link, or empty when this opener does not know its scheme. */
  Optional<Transport> open(String link);

  /** Serial ports and TCP, the links of real printers. */
  static PrinterLinks devices() {
    return link -> {
      if (link.startsWith("tcp://")) {
        URI uri = URI.create(link);
        return Optional.of(
            TcpTransport.connect(
                new TcpTransport.Config(uri.getHost(), uri.getPort(), Duration.ofSeconds(3))));
      }
      if (link.startsWith("serial:")) {
        String rest = link.substring("serial:".length());
        int query = rest.indexOf('?');
        String path = query < 0 ? rest : rest.substring(0, query);
        SerialTransport.Config config = SerialTransport.Config.standard(path);
        if (query >= 0) {
          for (String pair : rest.substring(query + 1).split("&", -1)) {
            if (pair.startsWith("baud=")) {
              config =
                  new SerialTransport.Config(
                      config.path(),
                      Integer.parseInt(pair.substring(5)),
                      config.parity(),
                      config.dataBits(),
                      config.stopBits(),
                      config.readPoll(),
                      config.writeTimeout());
            }
          }
        }
        return Optional.of(SerialTransport.open(config));
      }
      return Optional.empty();
    };
  }
}
