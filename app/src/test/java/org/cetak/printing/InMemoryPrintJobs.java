package org.cetak.printing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Print jobs and printer modes kept in memory, for the station's decision tests. {@code
 * PrintJobsContractTest} holds it to the same contract as the jOOQ implementation.
 */
final class InMemoryPrintJobs implements PrintJobs {

  final Map<Long, PrintJob> jobs = new HashMap<>();
  final List<String> events = new ArrayList<>();
  final Map<Long, PrinterState> states = new HashMap<>();
  private long nextId = 1;

  @Override
  public synchronized Optional<PrintJob> openJob(long printerId) {
    return jobs.values().stream()
        .filter(j -> j.printerId() == printerId && j.stage().open())
        .findFirst();
  }

  @Override
  public synchronized PrinterState lockOwned(PrinterRef printer) {
    return state(printer.id());
  }

  @Override
  public synchronized PrintJob create(
      PrinterRef printer, long requestId, Baseline baseline, boolean reprint) {
    if (openJob(printer.id()).isPresent()) {
      throw new IllegalStateException("a job is already open");
    }
    PrintJob job =
        new PrintJob(
            nextId++,
            printer.id(),
            printer.officeId(),
            requestId,
            Stage.PICKING,
            Optional.empty(),
            CardHeld.NONE,
            Optional.of(baseline),
            Optional.empty(),
            Optional.empty(),
            "",
            0);
    jobs.put(job.id(), job);
    return job;
  }

  @Override
  public synchronized PrintJob save(Transition transition, boolean byOwner) {
    PrintJob next = transition.next();
    PrintJob stored = jobs.get(next.id());
    if (stored == null || stored.version() != next.version()) {
      throw new StaleJobException(next.id(), "it changed since version " + next.version());
    }
    events.add(transition.event());
    PrintJob saved = next.persisted();
    jobs.put(saved.id(), saved);
    return saved;
  }

  @Override
  public synchronized PrinterState state(long printerId) {
    return states.getOrDefault(printerId, new PrinterState(PrinterMode.RUNNING, ""));
  }

  @Override
  public synchronized void setState(long printerId, PrinterMode mode, String reason) {
    states.put(printerId, new PrinterState(mode, reason));
  }
}
