package org.cetak.sim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.printer.PrinterConfig;
import org.cetak.sim.printer.SessionOptions;
import org.cetak.sim.registry.RegistryBehaviour;
import org.cetak.sim.scenario.Scenario;
import org.cetak.sim.scenario.ScenarioException;
import org.cetak.sim.scenario.ScenarioLoader;
import org.cetak.sim.scenario.SimulatedRoom;

/**
 * Runs the simulator on its own until interrupted (Ctrl-C / SIGTERM), then writes the ground truth.
 *
 * <pre>
 * printer  [--name PRN-1] [--tcp 127.0.0.1:9100] [--pty /tmp/ttyPRN0] [--blanks 500]
 *          [--dead-chip-rate 0.015] [--time-scale 1 | --zero-delay] [--seed 1]
 *          [--operator-response 2m] [--truth-out truth.json]
 * registry [--http 127.0.0.1:8089] [--residents 500] [--seed 7] [--truth-out ...]
 * scenario FILE.yaml | bundled:every-fault.yaml  [--truth-out truth.json]
 * </pre>
 */
public final class SimulatorMain {

  private static final String USAGE =
      """
      usage: cetak-hardware-sim printer [--name PRN-1] [--tcp HOST:PORT] [--pty PATH]
                                        [--blanks N] [--dead-chip-rate R] [--seed N]
                                        [--time-scale X | --zero-delay]
                                        [--operator-response 2m] [--truth-out FILE]
             cetak-hardware-sim registry [--http HOST:PORT] [--residents N] [--seed N]
             cetak-hardware-sim scenario FILE.yaml|bundled:NAME.yaml [--truth-out FILE]""";

  private SimulatorMain() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "cetak-sim-logback.xml");
    }
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      System.out.println(USAGE);
      return;
    }
    Scenario scenario;
    Map<String, String> opts;
    try {
      switch (args[0]) {
        case "printer" -> {
          opts = options(args, 1);
          scenario = printerScenario(opts);
        }
        case "registry" -> {
          opts = options(args, 1);
          scenario = registryScenario(opts);
        }
        case "scenario" -> {
          if (args.length < 2) {
            throw new IllegalArgumentException("scenario needs a file");
          }
          opts = options(args, 2);
          scenario =
              args[1].startsWith("bundled:")
                  ? ScenarioLoader.loadBundled(args[1].substring("bundled:".length()))
                  : ScenarioLoader.load(Path.of(args[1]));
        }
        default -> throw new IllegalArgumentException("unknown mode " + args[0]);
      }
    } catch (IllegalArgumentException | ScenarioException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    run(scenario, opts.get("truth-out"));
  }

  private static void run(Scenario scenario, String truthOut)
      throws IOException, InterruptedException {
    SimulatedRoom room = SimulatedRoom.start(scenario);
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  room.close();
                  if (truthOut != null) {
                    try {
                      Files.writeString(
                          Path.of(truthOut), room.truth().toJson(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                      System.err.println("cannot write " + truthOut + ": " + e);
                    }
                  }
                  System.out.print(room.truth().toText());
                  done.countDown();
                }));
    System.out.println("cetak-hardware-sim running scenario '" + scenario.name() + "'");
    room.tcpPorts().forEach((p, port) -> System.out.println("  " + p + ": tcp port " + port));
    for (Scenario.PrinterSetup p : scenario.printers()) {
      if (p.pty() != null) {
        System.out.println("  " + p.config().name() + ": serial port " + p.pty());
      }
      System.out.println(
          "  "
              + p.config().name()
              + ": reader \"Cetak Sim Reader "
              + p.config().name()
              + "\" (in-JVM only)");
    }
    if (room.registry() != null && scenario.registry().http() != null) {
      System.out.println("  registry: " + room.registry().url());
    }
    System.out.println("Ctrl-C stops and prints the ground truth.");
    done.await();
  }

  private static Scenario printerScenario(Map<String, String> o) {
    String name = o.getOrDefault("name", "PRN-1");
    long seed = Long.parseLong(o.getOrDefault("seed", "1"));
    PrinterConfig.Builder b =
        PrinterConfig.builder(name)
            .blanks(Integer.parseInt(o.getOrDefault("blanks", "500")))
            .deadChipRate(Double.parseDouble(o.getOrDefault("dead-chip-rate", "0.015")))
            .seed(seed);
    if (o.containsKey("operator-response")) {
      b.operatorResponse(ScenarioLoader.duration(o.get("operator-response")));
    }
    String tcp = o.get("tcp");
    String pty = o.get("pty");
    if (tcp == null && pty == null) {
      tcp = "127.0.0.1:9100";
    }
    double scale =
        o.containsKey("zero-delay") ? 0 : Double.parseDouble(o.getOrDefault("time-scale", "1"));
    return new Scenario(
        "printer " + name,
        Instant.now(),
        scale,
        SessionOptions.defaults(),
        List.of(
            new Scenario.PrinterSetup(
                b.build(), new FaultPlan(Map.of(), List.of(), seed), tcp, pty)),
        null);
  }

  private static Scenario registryScenario(Map<String, String> o) {
    return new Scenario(
        "registry",
        Instant.now(),
        1,
        SessionOptions.defaults(),
        List.of(),
        new Scenario.RegistrySetup(
            RegistryBehaviour.healthy(
                Integer.parseInt(o.getOrDefault("residents", "500")),
                Long.parseLong(o.getOrDefault("seed", "7"))),
            o.getOrDefault("http", "127.0.0.1:8089")));
  }

  private static Map<String, String> options(String[] args, int from) {
    Map<String, String> m = new HashMap<>();
    List<String> flags = new ArrayList<>(List.of("zero-delay"));
    for (int i = from; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + a);
      }
      String key = a.substring(2);
      if (flags.contains(key)) {
        m.put(key, "true");
      } else if (i + 1 < args.length) {
        m.put(key, args[++i]);
      } else {
        throw new IllegalArgumentException(a + " needs a value");
      }
    }
    return m;
  }
}
