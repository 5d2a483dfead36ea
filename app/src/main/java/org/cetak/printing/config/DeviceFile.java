package org.cetak.printing.config;

import java.io.StringReader;
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
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

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
 * in Bahasa Indonesia and English and led by the line of the file it is about ({@code baris 7:}).
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
    Object root;
    Mistakes errors;
    try {
      Node tree =
          new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
      errors = new Mistakes(Mistakes.lines(tree, "", new HashMap<>()));
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (YAMLException e) {
      String line =
          e instanceof MarkedYAMLException marked && marked.getProblemMark() != null
              ? "baris " + (marked.getProblemMark().getLine() + 1) + ": "
              : "";
      throw new InvalidDeviceFileException(
          source,
          List.of(
              line
                  + "bukan YAML yang sah / not valid YAML: "
                  + e.getMessage().lines().findFirst().orElse("")));
    }
    Map<?, ?> top = root == null ? Map.of() : map(root, "", "file", errors);
    unknownKeys(top, Set.of("printers", "models"), "", "file", errors);
    Map<String, PrinterModel> models = models(top.get("models"), errors);
    List<Map.Entry<PrinterDevice, String>> printers = new ArrayList<>();
    Object list = top.get("printers");
    if (list != null && !(list instanceof List<?>)) {
      errors.add("printers", "printers: harus berupa daftar / must be a list");
    } else if (list != null) {
      int i = 0;
      for (Object entry : (List<?>) list) {
        String where = "printers[" + i++ + "]";
        printer(entry, where, models, errors).ifPresent(p -> printers.add(Map.entry(p, where)));
      }
    }
    checkTogether(printers, thisNode, ports, errors);
    if (!errors.list().isEmpty()) {
      throw new InvalidDeviceFileException(source, errors.list());
    }
    return new DeviceFile(printers.stream().map(Map.Entry::getKey).toList(), Map.copyOf(models));
  }

  private static Map<String, PrinterModel> models(Object node, Mistakes errors) {
    Map<String, PrinterModel> models = new LinkedHashMap<>();
    if (node == null) {
      return models;
    }
    for (Map.Entry<?, ?> e : map(node, "models", "models", errors).entrySet()) {
      String name = String.valueOf(e.getKey());
      String where = "models." + name;
      Map<?, ?> m = map(e.getValue(), where, where, errors);
      unknownKeys(m, Set.of("feeder", "duty-cycle", "timings"), where, where, errors);
      int feeder = positive(m.get("feeder"), 100, where + ".feeder", where + ".feeder", errors);
      Optional<String> duty = Optional.ofNullable(m.get("duty-cycle")).map(String::valueOf);
      duty.ifPresent(
          d -> {
            if (!d.matches("\\d+/P.+")) {
              errors.add(
                  where + ".duty-cycle",
                  where + ".duty-cycle: tulis seperti 150/PT1H / write it like 150/PT1H, not " + d);
            }
          });
      Map<String, Duration> timings = new HashMap<>();
      if (m.get("timings") != null) {
        for (Map.Entry<?, ?> t :
            map(m.get("timings"), where + ".timings", where + ".timings", errors).entrySet()) {
          String key = String.valueOf(t.getKey());
          if (!TIMINGS.contains(key)) {
            errors.add(
                where + ".timings." + key,
                where + ".timings." + key + ": waktu tidak dikenal / unknown timing " + TIMINGS);
            continue;
          }
          try {
            timings.put(key, Duration.parse(String.valueOf(t.getValue())));
          } catch (DateTimeParseException ex) {
            errors.add(
                where + ".timings." + key,
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
      Object node, String where, Map<String, PrinterModel> models, Mistakes errors) {
    Map<?, ?> p = map(node, where, where, errors);
    unknownKeys(
        p,
        Set.of("office", "code", "port", "baud", "dialect", "model", "reader", "node"),
        where,
        where,
        errors);
    String code = text(p, "code", where, where, errors);
    String label = code == null ? where : where + " (" + code + ")";
    String office = text(p, "office", where, label, errors);
    String port = text(p, "port", where, label, errors);
    String model = text(p, "model", where, label, errors);
    String reader = text(p, "reader", where, label, errors);
    int baud = positive(p.get("baud"), 115_200, where + ".baud", label + ".baud", errors);
    if (p.get("baud") instanceof Integer b && b > 0 && !BAUDS.contains(b)) {
      errors.add(
          where + ".baud",
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
            where + ".dialect",
            label + ".dialect: cetak atau evolis / cetak or evolis, bukan / not \"" + word + "\"");
      }
    }
    if (model != null && !models.containsKey(model)) {
      errors.add(
          where + ".model",
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
        errors.add(
            where + ".reader",
            label + ".reader: pola tidak sah / not a valid pattern: " + e.getDescription());
      }
    }
    if (port != null
        && !port.startsWith("/")
        && !port.startsWith("tcp://")
        && !port.startsWith("sim:")) {
      errors.add(
          where + ".port",
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
      List<Map.Entry<PrinterDevice, String>> printers,
      String thisNode,
      Ports ports,
      Mistakes errors) {
    Map<String, PrinterDevice> byPrinter = new HashMap<>();
    Map<String, PrinterDevice> byPort = new HashMap<>();
    for (Map.Entry<PrinterDevice, String> entry : printers) {
      PrinterDevice p = entry.getKey();
      String where = entry.getValue();
      String id = p.office() + "/" + p.code();
      PrinterDevice same = byPrinter.putIfAbsent(id, p);
      if (same != null) {
        errors.add(
            where,
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
            where + ".port",
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
            where + ".port",
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

  private static Map<?, ?> map(Object node, String path, String where, Mistakes errors) {
    if (node instanceof Map<?, ?> m) {
      return m;
    }
    errors.add(path, where + ": harus berupa pemetaan kunci: nilai / must be a key: value mapping");
    return Map.of();
  }

  private static void unknownKeys(
      Map<?, ?> node, Set<String> known, String path, String where, Mistakes errors) {
    for (Object key : node.keySet()) {
      if (!known.contains(String.valueOf(key))) {
        errors.add(
            Mistakes.child(path, String.valueOf(key)),
            where + "." + key + ": kunci tidak dikenal / unknown key (" + known + ")");
      }
    }
  }

  private static String text(
      Map<?, ?> node, String key, String path, String where, Mistakes errors) {
    Object v = node.get(key);
    if (v == null || String.valueOf(v).isBlank()) {
      errors.add(Mistakes.child(path, key), where + "." + key + ": wajib diisi / required");
      return null;
    }
    return String.valueOf(v).trim();
  }

  private static int positive(Object v, int dflt, String path, String where, Mistakes errors) {
    if (v == null) {
      return dflt;
    }
    if (v instanceof Integer i && i > 0) {
      return i;
    }
    errors.add(path, where + ": bilangan bulat positif / a positive whole number, not " + v);
    return dflt;
  }

  /**
   * The mistakes found so far, each led by the line of the file it is about ({@code baris 12:
   * ...}), or of the nearest entry around it when the key is missing.
   */
  private record Mistakes(Map<String, Integer> lines, List<String> list) {

    Mistakes(Map<String, Integer> lines) {
      this(lines, new ArrayList<>());
    }

    void add(String path, String mistake) {
      for (String at = path; ; at = parent(at)) {
        Integer line = lines.get(at);
        if (line != null) {
          list.add("baris " + line + ": " + mistake);
          return;
        }
        if (at.isEmpty()) {
          list.add(mistake);
          return;
        }
      }
    }

    static String child(String path, String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    private static String parent(String path) {
      int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      return cut < 0 ? "" : path.substring(0, cut);
    }

    /** The line of every key and list entry of the file, by its path ({@code printers[0].baud}). */
    static Map<String, Integer> lines(Node node, String path, Map<String, Integer> into) {
      if (node instanceof MappingNode mapping) {
        for (NodeTuple tuple : mapping.getValue()) {
          if (tuple.getKeyNode() instanceof ScalarNode key) {
            String at = child(path, key.getValue());
            into.putIfAbsent(at, key.getStartMark().getLine() + 1);
            lines(tuple.getValueNode(), at, into);
          }
        }
      } else if (node instanceof SequenceNode sequence) {
        int i = 0;
        for (Node item : sequence.getValue()) {
          String at = path + "[" + i++ + "]";
          into.putIfAbsent(at, item.getStartMark().getLine() + 1);
          lines(item, at, into);
        }
      }
      return into;
    }
  }
}
