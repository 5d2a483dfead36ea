package org.cetak.printing;

import java.util.List;
import java.util.Optional;

/**
 * One persisted step of a job: its new state, the blank movements and the request change that
 * explain it, all written in one transaction; a step to outcome unknown has the {@link HaltCause}
 * of why, and its {@code event} is then the device's own text.
 */
public record Transition(
    PrintJob next,
    List<BlankMove> moves,
    RequestChange request,
    String event,
    Optional<HaltCause> cause) {

  public Transition {
    moves = List.copyOf(moves);
  }

  /** A step of no {@link HaltCause}. */
  public Transition(PrintJob next, List<BlankMove> moves, RequestChange request, String event) {
    this(next, moves, request, event, Optional.empty());
  }

  static Transition of(PrintJob next, String event, BlankMove... moves) {
    return new Transition(next, List.of(moves), RequestChange.NONE, event);
  }

  Transition andRequest(RequestChange change) {
    return new Transition(next, moves, change, event, cause);
  }
}
