package org.cetak.sim.scenario;

import java.time.Instant;
import java.util.List;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.printer.PrinterConfig;
import org.cetak.sim.printer.SessionOptions;
import org.cetak.sim.registry.RegistryBehaviour;

/**
 * A simulated print room as a scenario file describes it (see {@link ScenarioLoader} for the
 * format).
 *
 * @param name a label
 * @param start the simulated clock's start
 * @param timeScale real seconds per simulated second (0 = zero-delay)
 * @param session real-time settings of printer connections
 * @param printers the printers, each with its faults and endpoint
 * @param registry the simulated SIAK, or null when there is none
 */
public record Scenario(
    String name,
    Instant start,
    double timeScale,
    SessionOptions session,
    List<PrinterSetup> printers,
    RegistrySetup registry) {

  public Scenario {
    printers = List.copyOf(printers);
  }

  /**
   * One printer: its build, its fault plan and where it listens.
   *
   * @param tcp {@code host:port} to listen on, or null
   * @param pty a pty path (socat link) to appear at, or null
   */
  public record PrinterSetup(PrinterConfig config, FaultPlan faults, String tcp, String pty) {}

  /**
   * The simulated SIAK.
   *
   * @param http {@code host:port} to listen on, or null (embedded use only)
   */
  public record RegistrySetup(RegistryBehaviour behaviour, String http) {}
}
