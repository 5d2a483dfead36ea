package org.cetak.printing.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cetak.drivers.printer.PrinterDialect;
import org.cetak.printing.DutyCycle;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The printers this node drives.
 *
 * <pre>
 * cetak.station:
 *   enabled: true
 *   node: print-room-1            # defaults to the host name
 *   time-scale: 1.0               # printer timeouts: field timings times this factor
 *   printers:
 *     - office: "32.71"
 *       code: PRN-1
 *       link: serial:/dev/ttyUSB0?baud=115200    # or tcp://10.0.0.21:9100
 *       reader: "PRN-1|OMNIKEY.*0"               # reader-name pattern for its chip encoder
 *       dialect: evolis                          # or cetak; absent: detected
 *   duty-cycles:
 *     Primacy: 150/PT1H                          # at most 150 cards an hour, then rest
 * </pre>
 */
@ConfigurationProperties("cetak.station")
public record StationProperties(
    boolean enabled,
    String node,
    double timeScale,
    Duration chipWait,
    Duration idleWait,
    Duration haltedWait,
    Duration lease,
    int preparationThreads,
    List<PrinterLink> printers,
    Map<String, String> dutyCycles) {

  public StationProperties {
    if (node == null || node.isBlank()) {
      node = hostName();
    }
    if (timeScale <= 0) {
      timeScale = 1.0;
    }
    chipWait = chipWait == null ? Duration.ofSeconds(5) : chipWait;
    idleWait = idleWait == null ? Duration.ofSeconds(2) : idleWait;
    haltedWait = haltedWait == null ? Duration.ofSeconds(1) : haltedWait;
    lease = lease == null ? Duration.ofSeconds(30) : lease;
    preparationThreads = preparationThreads <= 0 ? 2 : preparationThreads;
    printers = printers == null ? List.of() : List.copyOf(printers);
    dutyCycles = dutyCycles == null ? Map.of() : Map.copyOf(dutyCycles);
  }

  /**
   * The thermal duty cycle of a printer model, as {@code <cards>/<ISO-8601 duration>}, for example
   * {@code 150/PT1H}; empty when the model has none configured.
   */
  public Optional<DutyCycle> dutyCycle(String model, Clock clock) {
    String spec = dutyCycles.get(model);
    if (spec == null || spec.isBlank()) {
      return Optional.empty();
    }
    int slash = spec.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(
          "Duty cycle of " + model + " must look like 150/PT1H, not " + spec);
    }
    return Optional.of(
        new DutyCycle(
            Integer.parseInt(spec.substring(0, slash).trim()),
            Duration.parse(spec.substring(slash + 1).trim()),
            clock));
  }

  /**
   * One printer cabled to this node.
   *
   * @param dialect {@code cetak} or {@code evolis}; empty or null: detected when the printer is
   *     first reached (a printer that refuses {@code Rst} speaks the vendor's dialect)
   */
  public record PrinterLink(
      String office, String code, String link, String reader, String dialect) {

    /** The configured dialect; empty to detect it. */
    public Optional<PrinterDialect> printerDialect() {
      if (dialect == null || dialect.isBlank()) {
        return Optional.empty();
      }
      return Optional.of(
          PrinterDialect.of(dialect)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Printer " + code + ": dialect is cetak or evolis, not " + dialect)));
    }
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "node-" + ProcessHandle.current().pid();
    }
  }
}
