package org.cetak.sim.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.smartcardio.TerminalFactory;
import org.cetak.sim.chip.CetakSimProvider;
import org.cetak.sim.link.InMemoryEndpoint;
import org.cetak.sim.link.InMemoryPort;
import org.cetak.sim.link.PtyEndpoint;
import org.cetak.sim.link.TcpEndpoint;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.registry.RegistryServer;
import org.cetak.sim.registry.SyntheticResidents;
import org.cetak.sim.time.Timeline;
import org.cetak.sim.truth.GroundTruth;

/**
 * A whole simulated print room built from a {@link Scenario}: its printers (sharing one ground
 * truth and one timeline), their readers as a {@code javax.smartcardio} provider, and the simulated
 * SIAK. The embedding API for the demo and tests:
 *
 * <pre>{@code
 * try (SimulatedRoom room = SimulatedRoom.start(ScenarioLoader.loadBundled("every-fault.yaml"))) {
 *   InMemoryPort port = room.connect("PRN-1");           // or the TCP / pty endpoints
 *   TerminalFactory readers = room.terminalFactory();    // "Cetak Sim Reader PRN-1"
 *   ... room.truth().cards() ...
 * }
 * }</pre>
 */
public final class SimulatedRoom implements AutoCloseable {

  private final Scenario scenario;
  private final GroundTruth truth = new GroundTruth();
  private final Timeline timeline;
  private final Map<String, SimulatedPrinter> printers = new LinkedHashMap<>();
  private final CetakSimProvider provider;
  private final List<AutoCloseable> endpoints = new ArrayList<>();
  private final Map<String, Integer> tcpPorts = new LinkedHashMap<>();
  private final RegistryServer registry;

  private SimulatedRoom(Scenario scenario, Timeline timeline) {
    this.scenario = scenario;
    this.timeline = timeline;
    for (Scenario.PrinterSetup p : scenario.printers()) {
      printers.put(
          p.config().name(), new SimulatedPrinter(p.config(), timeline, p.faults(), truth));
    }
    this.provider = new CetakSimProvider(List.copyOf(printers.values()));
    this.registry =
        scenario.registry() == null
            ? null
            : new RegistryServer(
                new SyntheticResidents(scenario.registry().behaviour().seed()),
                scenario.registry().behaviour(),
                timeline);
  }

  /** Builds the room without opening any port (in-memory use only). */
  public static SimulatedRoom build(Scenario scenario) {
    return build(scenario, Timeline.of(scenario.timeScale(), scenario.start()));
  }

  /** Builds the room on a timeline of the caller's (in-memory use only). */
  public static SimulatedRoom build(Scenario scenario, Timeline timeline) {
    return new SimulatedRoom(scenario, timeline);
  }

  /** Builds the room and opens the TCP, pty and HTTP endpoints the scenario names. */
  public static SimulatedRoom start(Scenario scenario) throws IOException {
    SimulatedRoom room =
        new SimulatedRoom(scenario, Timeline.of(scenario.timeScale(), scenario.start()));
    try {
      room.openEndpoints();
    } catch (IOException | RuntimeException e) {
      room.close();
      throw e;
    }
    return room;
  }

  private void openEndpoints() throws IOException {
    for (Scenario.PrinterSetup p : scenario.printers()) {
      SimulatedPrinter printer = printers.get(p.config().name());
      if (p.tcp() != null) {
        HostPort hp = HostPort.parse(p.tcp());
        TcpEndpoint e = TcpEndpoint.start(printer, hp.host(), hp.port(), scenario.session());
        endpoints.add(e);
        tcpPorts.put(printer.name(), e.port());
      }
      if (p.pty() != null) {
        endpoints.add(PtyEndpoint.start(printer, p.pty(), scenario.session()));
      }
    }
    if (registry != null && scenario.registry().http() != null) {
      HostPort hp = HostPort.parse(scenario.registry().http());
      registry.start(hp.host(), hp.port());
    }
  }

  public Scenario scenario() {
    return scenario;
  }

  public GroundTruth truth() {
    return truth;
  }

  public Timeline timeline() {
    return timeline;
  }

  public List<SimulatedPrinter> printers() {
    return List.copyOf(printers.values());
  }

  public SimulatedPrinter printer(String name) {
    SimulatedPrinter p = printers.get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          "no printer " + name + " in scenario " + scenario.name() + "; has " + printers.keySet());
    }
    return p;
  }

  /** A new in-memory cable to a printer. */
  public InMemoryPort connect(String printer) {
    return InMemoryEndpoint.connect(printer(printer), scenario.session());
  }

  /** The readers' provider (one reader per printer). */
  public CetakSimProvider provider() {
    return provider;
  }

  /** A {@code TerminalFactory} over the readers. */
  public TerminalFactory terminalFactory() {
    try {
      return TerminalFactory.getInstance(CetakSimProvider.TYPE, null, provider);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the provider registers " + CetakSimProvider.TYPE, e);
    }
  }

  /** TCP ports actually listened on, by printer name. */
  public Map<String, Integer> tcpPorts() {
    return Map.copyOf(tcpPorts);
  }

  /** The simulated SIAK, or null when the scenario has none. */
  public RegistryServer registry() {
    return registry;
  }

  @Override
  public void close() {
    for (AutoCloseable e : endpoints) {
      try {
        e.close();
      } catch (Exception ex) {
        // closing the rest anyway
      }
    }
    if (registry != null) {
      registry.close();
    }
  }

  /** {@code host:port}. */
  record HostPort(String host, int port) {
    static HostPort parse(String s) {
      int i = s.lastIndexOf(':');
      if (i <= 0) {
        throw new ScenarioException("expected host:port, found " + s);
      }
      try {
        return new HostPort(s.substring(0, i), Integer.parseInt(s.substring(i + 1)));
      } catch (NumberFormatException e) {
        throw new ScenarioException("expected host:port, found " + s);
      }
    }
  }
}
