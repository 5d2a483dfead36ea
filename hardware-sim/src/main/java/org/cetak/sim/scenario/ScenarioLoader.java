package org.cetak.sim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.fault.FaultType;
import org.cetak.sim.fault.ScriptedFault;
import org.cetak.sim.printer.PrinterConfig;
import org.cetak.sim.printer.SessionOptions;
import org.cetak.sim.printer.TimingProfile;
import org.cetak.sim.registry.RegistryBehaviour;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a scenario file (YAML). Unknown keys are errors, so a misspelt key cannot silently drop a
 * fault. Durations are written {@code 250ms}, {@code 3.5s}, {@code 2m}, {@code 1h}, {@code 3d} or
 * ISO-8601 ({@code PT3S}).
 *
 * <pre>{@code
 * name: field problem 2026-01
 * start: 2026-01-05T08:00:00+07:00   # simulated clock start (default 2026-01-05T08:00+07:00)
 * timeScale: 0          # 0 = zero-delay, 1 = field timing in real time, 0.01 = 100x faster
 * seed: 42              # default seed of every random source
 * session:              # real-time connection settings (all optional)
 *   idle: 1s            # pause inside a request that makes it incomplete
 *   quiet: 100ms        # quiet line that ends resynchronisation after a bad panel length
 *   lateReply: 5s       # how late a LATE_REPLY comes
 *   portDown: 2s        # how long the port stays gone after DISCONNECT
 * printers:
 *   - name: PRN-1
 *     model: Primacy            # Rtp reply; also serial, firmware
 *     personality: evolis       # cetak (default: answers Rst) or evolis (the vendor's commands)
 *     ackNack: true             # evolis only: the port starts in the ACK/NACK protocol
 *     blanks: 200
 *     deadChipRate: 0.015
 *     ribbonPrints: 300
 *     ribbonType: ymcko
 *     rejectBoxCapacity: 30
 *     hopperCapacity: 100
 *     operatorResponse: 2m      # a simulated operator clears cover/jam/boxes/ribbon after this
 *     seed: 7
 *     timing: {pickToContactless: 3.5s, colourSide: 16s}   # overrides of the field profile
 *     head: {ambient: 35, heatPerCard: 3, coolingPerSecond: 0.5, limit: 75, resume: 50}
 *     tcp: 127.0.0.1:9100       # and/or
 *     pty: /tmp/ttyPRN0
 *     faults:
 *       rates: {PICK_FAILURE: 0.01, GARBLED_REPLY: 0.001}
 *       script:
 *         - {card: 17, fault: JAM_AT_PRINT}
 *         - {card: 20, fault: NO_REPLY, command: Se}
 * registry:
 *   http: 127.0.0.1:8089
 *   residents: 500
 *   seed: 7
 *   slow: 0ms
 *   failureRate: 0.0
 *   outages:
 *     - {from: 2026-01-06T00:00:00+07:00, length: 3d}
 * }</pre>
 */
public final class ScenarioLoader {

  private static final Instant DEFAULT_START = Instant.parse("2026-01-05T01:00:00Z");

  private ScenarioLoader() {}

  public static Scenario load(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file.toString());
    }
  }

  /** Loads a scenario shipped in this module, e.g. {@code every-fault.yaml}. */
  public static Scenario loadBundled(String name) throws IOException {
    try (InputStream in = ScenarioLoader.class.getResourceAsStream("/scenarios/" + name)) {
      if (in == null) {
        throw new IOException("no bundled scenario " + name);
      }
      return parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), name);
    }
  }

  public static Scenario parse(String yaml) {
    return parse(new java.io.StringReader(yaml), "<text>");
  }

  static Scenario parse(Reader reader, String source) {
    Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    Node root = new Node(source, doc == null ? Map.of() : map(source, doc));
    root.allow("name", "start", "timeScale", "seed", "session", "printers", "registry");
    long seed = root.longValue("seed", 1);
    Instant start =
        root.has("start") ? instant(root.path("start"), root.get("start")) : DEFAULT_START;
    double scale = root.doubleValue("timeScale", 0);
    if (scale < 0) {
      throw root.error("timeScale", "must be >= 0");
    }
    SessionOptions session = SessionOptions.defaults();
    if (root.has("session")) {
      Node s = root.child("session");
      s.allow("idle", "quiet", "lateReply", "portDown");
      session =
          new SessionOptions(
              s.duration("idle", session.idle()),
              s.duration("quiet", session.quiet()),
              s.duration("lateReply", session.lateReply()),
              s.duration("portDown", session.portDown()));
    }
    List<Scenario.PrinterSetup> printers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<Node> list = root.children("printers");
    for (int i = 0; i < list.size(); i++) {
      Scenario.PrinterSetup p = printer(list.get(i), seed + i);
      if (!names.add(p.config().name())) {
        throw list.get(i).error("name", "duplicate printer name " + p.config().name());
      }
      printers.add(p);
    }
    Scenario.RegistrySetup registry = null;
    if (root.has("registry")) {
      Node r = root.child("registry");
      r.allow("http", "residents", "seed", "slow", "failureRate", "outages");
      List<RegistryBehaviour.Outage> outages = new ArrayList<>();
      for (Node o : r.children("outages")) {
        o.allow("from", "length");
        outages.add(
            new RegistryBehaviour.Outage(
                instant(o.path("from"), o.require("from")),
                o.duration("length", Duration.ofDays(1))));
      }
      registry =
          new Scenario.RegistrySetup(
              new RegistryBehaviour(
                  (int) r.longValue("residents", 100),
                  r.longValue("seed", seed),
                  r.duration("slow", Duration.ZERO),
                  r.doubleValue("failureRate", 0),
                  outages),
              r.string("http", null));
    }
    return new Scenario(root.string("name", source), start, scale, session, printers, registry);
  }

  private static Scenario.PrinterSetup printer(Node p, long defaultSeed) {
    p.allow(
        "name",
        "model",
        "serialNumber",
        "firmware",
        "blanks",
        "deadChipRate",
        "ribbonPrints",
        "ribbonType",
        "rejectBoxCapacity",
        "hopperCapacity",
        "pickedSinceManufacture",
        "panelsSinceManufacture",
        "operatorResponse",
        "seed",
        "personality",
        "ackNack",
        "timing",
        "head",
        "tcp",
        "pty",
        "faults");
    String name = p.string("name", null);
    if (name == null || name.isBlank()) {
      throw p.error("name", "every printer needs a name");
    }
    long seed = p.longValue("seed", defaultSeed);
    PrinterConfig.Builder b = PrinterConfig.builder(name).seed(seed);
    if (p.has("model")) {
      b.model(p.string("model", null));
    }
    if (p.has("serialNumber")) {
      b.serialNumber(p.string("serialNumber", null));
    }
    if (p.has("firmware")) {
      b.firmware(p.string("firmware", null));
    }
    if (p.has("personality")) {
      String personality = p.string("personality", "cetak");
      try {
        b.personality(
            PrinterConfig.Personality.valueOf(personality.toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw p.error("personality", "is cetak or evolis, not " + personality);
      }
    }
    if (p.has("ackNack")) {
      b.ackNack(Boolean.parseBoolean(p.string("ackNack", "false")));
    }
    PrinterConfig defaults = PrinterConfig.builder(name).build();
    b.blanks((int) p.longValue("blanks", defaults.blanks()))
        .deadChipRate(p.doubleValue("deadChipRate", defaults.deadChipRate()))
        .ribbonPrints((int) p.longValue("ribbonPrints", defaults.ribbonPrints()))
        .ribbonType(p.string("ribbonType", defaults.ribbonType()))
        .rejectBoxCapacity((int) p.longValue("rejectBoxCapacity", defaults.rejectBoxCapacity()))
        .hopperCapacity((int) p.longValue("hopperCapacity", defaults.hopperCapacity()))
        .counters(
            p.longValue("pickedSinceManufacture", defaults.pickedSinceManufacture()),
            p.longValue("panelsSinceManufacture", defaults.panelsSinceManufacture()))
        .operatorResponse(p.duration("operatorResponse", null));
    if (p.has("timing")) {
      Node t = p.child("timing");
      TimingProfile f = TimingProfile.field();
      t.allow(
          "pickToContactless",
          "pickToPrint",
          "stationToPrint",
          "colourSide",
          "monoSide",
          "eject",
          "reject",
          "chipMin",
          "chipMax",
          "reboot",
          "command");
      b.timing(
          new TimingProfile(
              t.duration("pickToContactless", f.pickToContactless()),
              t.duration("pickToPrint", f.pickToPrint()),
              t.duration("stationToPrint", f.stationToPrint()),
              t.duration("colourSide", f.colourSide()),
              t.duration("monoSide", f.monoSide()),
              t.duration("eject", f.eject()),
              t.duration("reject", f.reject()),
              t.duration("chipMin", f.chipMin()),
              t.duration("chipMax", f.chipMax()),
              t.duration("reboot", f.reboot()),
              t.duration("command", f.command())));
    }
    if (p.has("head")) {
      Node h = p.child("head");
      h.allow("ambient", "heatPerCard", "coolingPerSecond", "limit", "resume");
      PrinterConfig.HeadModel f = PrinterConfig.HeadModel.field();
      b.head(
          new PrinterConfig.HeadModel(
              h.doubleValue("ambient", f.ambient()),
              h.doubleValue("heatPerCard", f.heatPerCard()),
              h.doubleValue("coolingPerSecond", f.coolingPerSecond()),
              h.doubleValue("limit", f.limit()),
              h.doubleValue("resume", f.resume())));
    }
    PrinterConfig config;
    try {
      config = b.build();
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(p.source + ": " + e.getMessage());
    }
    FaultPlan faults = FaultPlan.none();
    if (p.has("faults")) {
      Node f = p.child("faults");
      f.allow("rates", "script");
      Map<FaultType, Double> rates = new EnumMap<>(FaultType.class);
      if (f.has("rates")) {
        Node r = f.child("rates");
        for (String key : r.map.keySet()) {
          rates.put(faultType(r.path(key), key), r.doubleValue(key, 0));
        }
      }
      List<ScriptedFault> script = new ArrayList<>();
      for (Node s : f.children("script")) {
        s.allow("card", "fault", "command");
        FaultType type = faultType(s.path("fault"), String.valueOf(s.require("fault")));
        try {
          script.add(
              new ScriptedFault((int) s.longValue("card", 0), type, s.string("command", null)));
        } catch (IllegalArgumentException e) {
          throw new ScenarioException(s.source + ": " + e.getMessage());
        }
      }
      try {
        faults = new FaultPlan(rates, script, seed);
      } catch (IllegalArgumentException e) {
        throw new ScenarioException(f.source + ": " + e.getMessage());
      }
    } else {
      faults = new FaultPlan(Map.of(), List.of(), seed);
    }
    return new Scenario.PrinterSetup(config, faults, p.string("tcp", null), p.string("pty", null));
  }

  private static FaultType faultType(String path, String name) {
    try {
      return FaultType.valueOf(name.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(
          path + ": unknown fault " + name + "; known: " + List.of(FaultType.values()));
    }
  }

  private static Instant instant(String path, Object v) {
    if (v instanceof java.util.Date d) {
      return d.toInstant();
    }
    try {
      return OffsetDateTime.parse(String.valueOf(v)).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new ScenarioException(path + ": not an ISO-8601 time with offset: " + v);
    }
  }

  /** Parses {@code 250ms}, {@code 3.5s}, {@code 2m}, {@code 1h}, {@code 3d} or ISO-8601. */
  public static Duration duration(String text) {
    String t = text.trim();
    if (t.startsWith("P") || t.startsWith("p")) {
      return Duration.parse(t);
    }
    String unit;
    String number;
    if (t.endsWith("ms")) {
      unit = "ms";
      number = t.substring(0, t.length() - 2);
    } else if (!t.isEmpty() && "smhd".indexOf(t.charAt(t.length() - 1)) >= 0) {
      unit = t.substring(t.length() - 1);
      number = t.substring(0, t.length() - 1);
    } else {
      throw new IllegalArgumentException("a duration needs a unit (ms, s, m, h, d): " + text);
    }
    double n = Double.parseDouble(number.trim());
    double millis =
        switch (unit) {
          case "ms" -> n;
          case "s" -> n * 1000;
          case "m" -> n * 60_000;
          case "h" -> n * 3_600_000;
          default -> n * 86_400_000;
        };
    if (millis < 0) {
      throw new IllegalArgumentException("a duration cannot be negative: " + text);
    }
    return Duration.ofNanos(Math.round(millis * 1_000_000));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(String path, Object o) {
    if (!(o instanceof Map<?, ?> m)) {
      throw new ScenarioException(path + ": expected a mapping");
    }
    for (Object k : m.keySet()) {
      if (!(k instanceof String)) {
        throw new ScenarioException(path + ": keys must be text, found " + k);
      }
    }
    return (Map<String, Object>) m;
  }

  /** A mapping in the document, with its path for error messages. */
  private static final class Node {
    final String source;
    final Map<String, Object> map;

    Node(String source, Map<String, Object> map) {
      this.source = source;
      this.map = map;
    }

    String path(String key) {
      return source + "/" + key;
    }

    void allow(String... keys) {
      Set<String> ok = Set.of(keys);
      for (String k : map.keySet()) {
        if (!ok.contains(k)) {
          throw new ScenarioException(path(k) + ": unknown key; allowed: " + List.of(keys));
        }
      }
    }

    boolean has(String k) {
      return map.get(k) != null;
    }

    Object get(String k) {
      return map.get(k);
    }

    Object require(String k) {
      Object v = map.get(k);
      if (v == null) {
        throw new ScenarioException(path(k) + ": required");
      }
      return v;
    }

    ScenarioException error(String k, String message) {
      return new ScenarioException(path(k) + ": " + message);
    }

    Node child(String k) {
      return new Node(path(k), map(path(k), map.get(k)));
    }

    List<Node> children(String k) {
      Object v = map.get(k);
      if (v == null) {
        return List.of();
      }
      if (!(v instanceof List<?> l)) {
        throw error(k, "expected a list");
      }
      List<Node> out = new ArrayList<>();
      for (int i = 0; i < l.size(); i++) {
        String p = path(k) + "[" + i + "]";
        out.add(new Node(p, map(p, l.get(i))));
      }
      return out;
    }

    String string(String k, String dflt) {
      Object v = map.get(k);
      return v == null ? dflt : String.valueOf(v);
    }

    long longValue(String k, long dflt) {
      Object v = map.get(k);
      if (v == null) {
        return dflt;
      }
      if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
        return n.longValue();
      }
      throw error(k, "expected a whole number, found " + v);
    }

    double doubleValue(String k, double dflt) {
      Object v = map.get(k);
      if (v == null) {
        return dflt;
      }
      if (v instanceof Number n) {
        return n.doubleValue();
      }
      throw error(k, "expected a number, found " + v);
    }

    Duration duration(String k, Duration dflt) {
      Object v = map.get(k);
      if (v == null) {
        return dflt;
      }
      try {
        if (v instanceof Number n) {
          throw new IllegalArgumentException("a duration needs a unit (ms, s, m, h, d): " + n);
        }
        return ScenarioLoader.duration(String.valueOf(v));
      } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
        throw error(k, e.getMessage());
      }
    }
  }
}
