package org.cetak.printing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Print jobs and printer modes kept in memory, for the station's decision tests. {@code
 * PrintJobsContractTest} holds it to the same contract as the jOOQ implementation.
 */
final class InMemoryPrintJobs implements PrintJobs {

  final Map<Long, PrintJob> jobs = new HashMap<>();
  final List<String> events = new ArrayList<>();
  final Map<Long, PrinterState> states = new HashMap<>();
  private final Map<Long, Long> expectedPicked = new HashMap<>();
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

  /** The printers a live node drives, by the node's name; none unless a test says so. */
  final Map<Long, String> drivers = new HashMap<>();

  @Override
  public synchronized Driver lockDriver(long printerId) {
    String node = drivers.get(printerId);
    return new Driver(Optional.ofNullable(node), node != null);
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
    expectedPicked.put(printer.id(), baseline.picked());
    return job;
  }

  @Override
  public synchronized Optional<Long> cardWithChip(String uid, long jobId) {
    return jobs.values().stream()
        .filter(j -> j.id() != jobId && j.chipUid().filter(uid::equals).isPresent())
        .filter(
            j ->
                j.stage() == Stage.PRINTING
                    || j.stage() == Stage.PRINTED
                    || (j.stage() == Stage.UNKNOWN
                        && j.resumeStage().filter(Stage.PRINTING::equals).isPresent()))
        .map(PrintJob::id)
        .min(Long::compare);
  }

  @Override
  public synchronized PrintJob save(Transition transition, boolean byOwner) {
    PrintJob next = transition.next();
    PrintJob stored = jobs.get(next.id());
    if (stored == null || stored.version() != next.version()) {
      throw new StaleJobException(next.id(), "it changed since version " + next.version());
    }
    events.add(transition.event());
    for (BlankMove move : transition.moves()) {
      expectedPicked.merge(next.printerId(), feederExits(move), Long::sum);
    }
    PrintJob saved = next.persisted();
    jobs.put(saved.id(), saved);
    return saved;
  }

  @Override
  public synchronized PrinterState state(long printerId) {
    return states.getOrDefault(printerId, new PrinterState(PrinterMode.RUNNING, ""));
  }

  @Override
  public synchronized OptionalLong expectedPicked(long printerId) {
    Long expected = expectedPicked.get(printerId);
    return expected == null ? OptionalLong.empty() : OptionalLong.of(expected);
  }

  /** Blanks a move takes out of the feeder (negative: puts back), as the ledger places them. */
  private static long feederExits(BlankMove move) {
    return switch (move.kind()) {
      case PICKED -> ((BlankMove.Picked) move).count();
      case TO_UNKNOWN -> ((BlankMove.ToUnknown) move).fromFeeder() ? 1 : 0;
      case BACK_FROM_UNKNOWN -> ((BlankMove.BackFromUnknown) move).toFeeder() ? -1 : 0;
      case SPOILED, PRINTED, UNKNOWN_PRINTED, UNKNOWN_SPOILED -> 0;
    };
  }

  @Override
  public synchronized void setState(long printerId, PrinterMode mode, String reason) {
    states.put(printerId, new PrinterState(mode, reason));
  }

  @Override
  public synchronized void halt(long printerId, PrinterMode mode, HaltCause cause, String detail) {
    states.put(printerId, new PrinterState(mode, detail, Optional.of(cause)));
  }
}
