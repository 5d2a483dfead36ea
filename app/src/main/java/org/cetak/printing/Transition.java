package org.cetak.printing;

import java.util.List;

/**
 * One persisted step of a job: its new state, the blank movements and the request change that
 * explain it, all written in one transaction.
 */
public record Transition(
    PrintJob next, List<BlankMove> moves, RequestChange request, String event) {

  public Transition {
    moves = List.copyOf(moves);
  }

  static Transition of(PrintJob next, String event, BlankMove... moves) {
    return new Transition(next, List.of(moves), RequestChange.NONE, event);
  }

  Transition andRequest(RequestChange change) {
    return new Transition(next, moves, change, event);
  }
}
