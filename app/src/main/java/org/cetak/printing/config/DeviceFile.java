package org.cetak.printing.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.cetak.drivers.printer.PrinterDialect;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * An office's device file: the printers its nodes drive, each by its port, and the printer models.
 *
 * <pre>
 * printers:
 *   - office: "32.71"
 *     code: PRN-1
 *     port: /dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A10KXYZ-if00-port0   # or tcp://host:9100
 *     baud: 115200                 # default 115200
 *     dialect: evolis              # or cetak; absent: detected at the first command
 *     model: Primacy               # one of models below
 *     reader: "OMNIKEY.* 0"        # pattern of the PC/SC reader name of its chip encoder
 *     node: print-room-1           # the node that drives it; absent: any node (one at a time)
 * models:
 *   Primacy:
 *     feeder: 100                  # blanks the feeder holds
 *     duty-cycle: 150/PT1H         # at most 150 cards an hour, then rest
 *     timings: {pick-and-park: PT3.5S, print-front: PT16S, print-back: PT8S, eject: PT1.5S,
 *               reject: PT2S}
 * </pre>
 *
 * A file is taken whole or not at all: {@link #parse} reports every mistake it finds at once, each
 * in Bahasa Indonesia and English.
 */
public record DeviceFile(List<PrinterDevice> printers, Map<String, PrinterModel> models) {

  /** The speeds a serial adapter and a card printer's port may run at. */
  static final List<Integer> BAUDS =
      List.of(1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600);

  /** Timings a model may set, as the driver names them. */
  static final Set<String> TIMINGS =
      Set.of("pick-and-park", "pick-to-print", "print-front", "print-back", "eject", "reject");

  /**
   * One printer of the file.
   *
   * @param port a serial device path, or {@code tcp://host:port}, or {@code sim:<name>} (the demo)
   * @param node the node that drives it; empty when any node may
   */
  public record PrinterDevice(
      String office,
      String code,
      String port,
      int baud,
      Optional<PrinterDialect> dialect,
      String model,
      String reader,
      Optional<String> node) {

    /** Whether the port is a serial device on its node (not TCP, not simulated). */
    public boolean serial() {
      return port.startsWith("/");
    }

    /** The station's link to it. */
    public String link() {
      return serial() ? "serial:" + port + "?baud=" + baud : port;
    }

    /** Whether {@code thisNode} drives it. */
    public boolean drivenBy(String thisNode) {
      return node.map(thisNode::equals).orElse(true);
    }
  }

  /**
   * A printer model.
   *
   * @param feeder blanks its feeder holds
   * @param dutyCycle {@code <cards>/<ISO-8601 duration>}, or empty
   * @param timings field timings that differ from PROTOCOL.md's, by name ({@link #TIMINGS})
   */
  public record PrinterModel(
      String name, int feeder, Optional<String> dutyCycle, Map<String, Duration> timings) {}

  /** What the file needs to know of this machine's serial devices. */
  public interface Ports {
    /** Whether the path names a device that is there now. */
    boolean exists(String path);

    /** The device the path leads to (links followed), to find two names of one port. */
    String device(String path);
  }

  /**
   * Reads and checks a device file.
   *
   * @param thisNode the node reading it: its serial ports must exist
   * @throws InvalidDeviceFileException with every mistake found
   */
  public static DeviceFile parse(String yaml, String source, String thisNode, Ports ports) {
    List<String> errors = new ArrayList<>();
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (YAMLException e) {
      throw new InvalidDeviceFileException(
          source,
          List.of(
              "bukan YAML yang sah / not valid YAML: "
                  + e.getMessage().lines().findFirst().orElse("")));
    }
    Map<?, ?> top = root == null ? Map.of() : map(root, "file", errors);
    unknownKeys(top, Set.of("printers", "models"), "file", errors);
    Map<String, PrinterModel> models = models(top.get("models"), errors);
    List<PrinterDevice> printers = new ArrayList<>();
    Object list = top.get("printers");
    if (list != null && !(list instanceof List<?>)) {
      errors.add("printers: harus berupa daftar / must be a list");
    } else if (list != null) {
      int i = 0;
      for (Object entry : (List<?>) list) {
        printer(entry, "printers[" + i++ + "]", models, errors).ifPresent(printers::add);
      }
    }
    checkTogether(printers, thisNode, ports, errors);
    if (!errors.isEmpty()) {
      throw new InvalidDeviceFileException(source, errors);
    }
    return new DeviceFile(List.copyOf(printers), Map.copyOf(models));
  }

  private static Map<String, PrinterModel> models(Object node, List<String> errors) {
    Map<String, PrinterModel> models = new LinkedHashMap<>();
    if (node == null) {
      return models;
    }
    for (Map.Entry<?, ?> e : map(node, "models", errors).entrySet()) {
      String name = String.valueOf(e.getKey());
      String where = "models." + name;
      Map<?, ?> m = map(e.getValue(), where, errors);
      unknownKeys(m, Set.of("feeder", "duty-cycle", "timings"), where, errors);
      int feeder = positive(m.get("feeder"), 100, where + ".feeder", errors);
      Optional<String> duty = Optional.ofNullable(m.get("duty-cycle")).map(String::valueOf);
      duty.ifPresent(
          d -> {
            if (!d.matches("\\d+/P.+")) {
              errors.add(
                  where + ".duty-cycle: tulis seperti 150/PT1H / write it like 150/PT1H, not " + d);
            }
          });
      Map<String, Duration> timings = new HashMap<>();
      if (m.get("timings") != null) {
        for (Map.Entry<?, ?> t : map(m.get("timings"), where + ".timings", errors).entrySet()) {
          String key = String.valueOf(t.getKey());
          if (!TIMINGS.contains(key)) {
            errors.add(
                where + ".timings." + key + ": waktu tidak dikenal / unknown timing " + TIMINGS);
            continue;
          }
          try {
            timings.put(key, Duration.parse(String.valueOf(t.getValue())));
          } catch (DateTimeParseException ex) {
            errors.add(
                where
                    + ".timings."
                    + key
                    + ": durasi ISO-8601 seperti PT3.5S / an ISO-8601 duration such as PT3.5S");
          }
        }
      }
      models.put(name, new PrinterModel(name, feeder, duty, Map.copyOf(timings)));
    }
    return models;
  }

  private static Optional<PrinterDevice> printer(
      Object node, String where, Map<String, PrinterModel> models, List<String> errors) {
    Map<?, ?> p = map(node, where, errors);
    unknownKeys(
        p,
        Set.of("office", "code", "port", "baud", "dialect", "model", "reader", "node"),
        where,
        errors);
    String code = text(p, "code", where, errors);
    String label = code == null ? where : where + " (" + code + ")";
    String office = text(p, "office", label, errors);
    String port = text(p, "port", label, errors);
    String model = text(p, "model", label, errors);
    String reader = text(p, "reader", label, errors);
    int baud = positive(p.get("baud"), 115_200, label + ".baud", errors);
    if (p.get("baud") instanceof Integer b && b > 0 && !BAUDS.contains(b)) {
      errors.add(
          label
              + ".baud: bukan kecepatan port serial / not a serial port speed: "
              + b
              + " ("
              + BAUDS.stream()
                  .map(String::valueOf)
                  .collect(java.util.stream.Collectors.joining(", "))
              + ")");
    }
    Optional<PrinterDialect> dialect = Optional.empty();
    if (p.get("dialect") != null) {
      String word = String.valueOf(p.get("dialect"));
      dialect = PrinterDialect.of(word);
      if (dialect.isEmpty()) {
        errors.add(
            label + ".dialect: cetak atau evolis / cetak or evolis, bukan / not \"" + word + "\"");
      }
    }
    if (model != null && !models.containsKey(model)) {
      errors.add(
          label
              + ".model: model \""
              + model
              + "\" tidak ada di models / is not under models "
              + models.keySet());
    }
    if (reader != null) {
      try {
        Pattern.compile(reader);
      } catch (PatternSyntaxException e) {
        errors.add(label + ".reader: pola tidak sah / not a valid pattern: " + e.getDescription());
      }
    }
    if (port != null
        && !port.startsWith("/")
        && !port.startsWith("tcp://")
        && !port.startsWith("sim:")) {
      errors.add(
          label
              + ".port: jalur perangkat serial (/dev/...) atau tcp://host:port / a serial device"
              + " path (/dev/...) or tcp://host:port, not \""
              + port
              + "\"");
    }
    Optional<String> driver = Optional.ofNullable(p.get("node")).map(String::valueOf);
    if (code == null || office == null || port == null || model == null || reader == null) {
      return Optional.empty();
    }
    return Optional.of(new PrinterDevice(office, code, port, baud, dialect, model, reader, driver));
  }

  /** Mistakes that only show among printers: one port twice, one printer twice. */
  private static void checkTogether(
      List<PrinterDevice> printers, String thisNode, Ports ports, List<String> errors) {
    Map<String, PrinterDevice> byPrinter = new HashMap<>();
    Map<String, PrinterDevice> byPort = new HashMap<>();
    for (PrinterDevice p : printers) {
      String id = p.office() + "/" + p.code();
      PrinterDevice same = byPrinter.putIfAbsent(id, p);
      if (same != null) {
        errors.add(
            "printer "
                + id
                + ": diklaim dua kali (node "
                + same.node().orElse("mana saja")
                + " dan "
                + p.node().orElse("mana saja")
                + ") / claimed twice (nodes "
                + same.node().orElse("any")
                + " and "
                + p.node().orElse("any")
                + "): satu printer, satu node / one printer, one node");
      }
      if (!p.serial() || !p.drivenBy(thisNode)) {
        continue; // another node's ports are on another machine
      }
      if (!ports.exists(p.port())) {
        errors.add(
            "printer "
                + id
                + ": port "
                + p.port()
                + " tidak dikenal di node ini (adaptor tercolok? lihat ./cetak devices) / unknown"
                + " port on this node (adapter plugged in? see ./cetak devices)");
        continue;
      }
      String device = ports.device(p.port());
      PrinterDevice other = byPort.putIfAbsent(p.node().orElse("") + "|" + device, p);
      if (other != null) {
        errors.add(
            "printer "
                + id
                + ": port "
                + p.port()
                + " sudah dipakai printer "
                + other.code()
                + " / is already the port of printer "
                + other.code()
                + " ("
                + device
                + ")");
      }
    }
  }

  private static Map<?, ?> map(Object node, String where, List<String> errors) {
    if (node instanceof Map<?, ?> m) {
      return m;
    }
    errors.add(where + ": harus berupa pemetaan kunci: nilai / must be a key: value mapping");
    return Map.of();
  }

  private static void unknownKeys(
      Map<?, ?> node, Set<String> known, String where, List<String> errors) {
    for (Object key : node.keySet()) {
      if (!known.contains(String.valueOf(key))) {
        errors.add(where + "." + key + ": kunci tidak dikenal / unknown key (" + known + ")");
      }
    }
  }

  private static String text(Map<?, ?> node, String key, String where, List<String> errors) {
    Object v = node.get(key);
    if (v == null || String.valueOf(v).isBlank()) {
      errors.add(where + "." + key + ": wajib diisi / required");
      return null;
    }
    return String.valueOf(v).trim();
  }

  private static int positive(Object v, int dflt, String where, List<String> errors) {
    if (v == null) {
      return dflt;
    }
    if (v instanceof Integer i && i > 0) {
      return i;
    }
    errors.add(where + ": bilangan bulat positif / a positive whole number, not " + v);
    return dflt;
  }
}
