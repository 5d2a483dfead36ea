package org.cetak.intake;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a print request (permohonan cetak) is in its life. The allowed moves are {@link
 * #canMoveTo(RequestStatus)}.
 */
public enum RequestStatus {
  /** Waiting for a blank. */
  QUEUED,
  /** A blank is held for it; the print station takes reserved requests in rank order. */
  RESERVED,
  /** A print station is making its card. */
  PRINTING,
  /**
   * Its card came out; waiting for the resident to collect it (where the office checks cards, first
   * for the print room's quality check, which may send it back to the queue).
   */
  PRINTED,
  /** Its card was spoiled; back in the queue with its priority and its reservation. */
  FAILED_REQUEUED,
  /** What happened to its card is not known until an operator settles it. */
  OUTCOME_UNKNOWN,
  /** The resident collected the card. */
  HANDED_OVER,
  /**
   * No longer to be printed (upstream status no longer print-ready, or withdrawn by an officer).
   */
  WITHDRAWN;

  /** Statuses of a request that still counts as the NIK's request: a second one is double data. */
  public static final Set<RequestStatus> ACTIVE =
      EnumSet.of(QUEUED, RESERVED, PRINTING, PRINTED, FAILED_REQUEUED, OUTCOME_UNKNOWN);

  /**
   * Statuses whose reserved blank is still in the vault or a feeder (counted as reserved stock). A
   * card being printed has left the feeder already.
   */
  public static final Set<RequestStatus> HOLDING_BLANK = EnumSet.of(RESERVED, FAILED_REQUEUED);

  /** Statuses in which an import may still change the record (nothing printed from it yet). */
  public static final Set<RequestStatus> CHANGEABLE = EnumSet.of(QUEUED, RESERVED, FAILED_REQUEUED);

  public boolean isActive() {
    return ACTIVE.contains(this);
  }

  public boolean canMoveTo(RequestStatus next) {
    return switch (this) {
      case QUEUED -> next == RESERVED || next == WITHDRAWN;
      case RESERVED -> next == PRINTING || next == WITHDRAWN || next == QUEUED;
      case PRINTING -> next == PRINTED || next == FAILED_REQUEUED || next == OUTCOME_UNKNOWN;
      case FAILED_REQUEUED -> next == PRINTING || next == WITHDRAWN;
      case OUTCOME_UNKNOWN -> next == PRINTED || next == FAILED_REQUEUED;
      case PRINTED -> next == HANDED_OVER || next == PRINTING || next == FAILED_REQUEUED;
      case HANDED_OVER, WITHDRAWN -> false;
    };
  }
}
