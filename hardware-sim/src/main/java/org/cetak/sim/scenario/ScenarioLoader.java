package org.cetak.sim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cetak.sim.printer.SessionOptions;
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
    ScenarioNode root =
        new ScenarioNode(source, doc == null ? Map.of() : ScenarioNode.map(source, doc));
    root.allow("name", "start", "timeScale", "seed", "session", "printers", "registry");
    long seed = root.longValue("seed", 1);
    Instant start = root.has("start") ? root.instant("start") : DEFAULT_START;
    double scale = root.doubleValue("timeScale", 0);
    if (scale < 0) {
      throw root.error("timeScale", "must be >= 0");
    }
    SessionOptions session = SessionOptions.defaults();
    if (root.has("session")) {
      ScenarioNode s = root.child("session");
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
    List<ScenarioNode> list = root.children("printers");
    for (int i = 0; i < list.size(); i++) {
      Scenario.PrinterSetup p = PrinterSection.read(list.get(i), seed + i);
      if (!names.add(p.config().name())) {
        throw list.get(i).error("name", "duplicate printer name " + p.config().name());
      }
      printers.add(p);
    }
    Scenario.RegistrySetup registry = null;
    if (root.has("registry")) {
      ScenarioNode r = root.child("registry");
      r.allow("http", "residents", "seed", "slow", "failureRate", "outages");
      List<RegistryBehaviour.Outage> outages = new ArrayList<>();
      for (ScenarioNode o : r.children("outages")) {
        o.allow("from", "length");
        outages.add(
            new RegistryBehaviour.Outage(
                o.instant("from"), o.duration("length", Duration.ofDays(1))));
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
}
