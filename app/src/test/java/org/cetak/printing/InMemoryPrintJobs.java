package org.cetak.printing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Print jobs kept in memory with a miniature ledger, so decision tests can check that every blank
 * is accounted for after each fault. The jOOQ implementation is tested against PostgreSQL apart.
 */
final class InMemoryPrintJobs implements PrintJobs {

  final Map<Long, PrintJob> jobs = new HashMap<>();
  final Map<Long, RequestChange> requests = new HashMap<>();
  final List<String> events = new ArrayList<>();
  PrinterState state = new PrinterState(PrinterMode.RUNNING, "");
  int feeder;
  int inside;
  int printedCards;
  int spoiled;
  int unknown;
  private long nextId = 1;

  InMemoryPrintJobs(int feeder) {
    this.feeder = feeder;
  }

  int total() {
    return feeder + inside + printedCards + spoiled + unknown;
  }

  @Override
  public Optional<PrintJob> openJob(long printerId) {
    return jobs.values().stream().filter(j -> j.stage().open()).findFirst();
  }

  @Override
  public Start start(PrinterRef printer, long requestId, Baseline baseline, boolean reprint) {
    if (state.mode() != PrinterMode.RUNNING) {
      return new Halted(state);
    }
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
    requests.put(requestId, RequestChange.PRINTING);
    return new Started(job);
  }

  @Override
  public PrintJob apply(Transition transition) {
    PrintJob next = transition.next();
    PrintJob stored = jobs.get(next.id());
    if (stored.version() != next.version()) {
      throw new StaleJobException(
          next.id(), "version " + next.version() + " != " + stored.version());
    }
    for (BlankMove move : transition.moves()) {
      if (move instanceof BlankMove.Picked p) {
        feeder -= p.count();
        inside += p.count();
      } else if (move instanceof BlankMove.Spoiled s) {
        inside -= s.count();
        spoiled += s.count();
      } else if (move instanceof BlankMove.Printed) {
        inside--;
        printedCards++;
      } else if (move instanceof BlankMove.ToUnknown u) {
        if (u.fromFeeder()) {
          feeder--;
        } else {
          inside--;
        }
        unknown++;
      } else if (move instanceof BlankMove.BackFromUnknown b) {
        unknown--;
        if (b.toFeeder()) {
          feeder++;
        } else {
          inside++;
        }
      } else if (move instanceof BlankMove.UnknownPrinted) {
        unknown--;
        printedCards++;
      } else if (move instanceof BlankMove.UnknownSpoiled) {
        unknown--;
        spoiled++;
      }
    }
    if (feeder < 0 || inside < 0 || unknown < 0) {
      throw new IllegalStateException("balance below zero after " + transition);
    }
    if (transition.request() != RequestChange.NONE) {
      requests.put(next.requestId(), transition.request());
    }
    events.add(transition.event());
    PrintJob saved = next.persisted();
    jobs.put(saved.id(), saved);
    return saved;
  }

  @Override
  public PrintJob settle(Transition transition) {
    return apply(transition);
  }

  @Override
  public PrinterState state(long printerId) {
    return state;
  }

  @Override
  public void setState(long printerId, PrinterMode mode, String reason) {
    state = new PrinterState(mode, reason);
  }
}
