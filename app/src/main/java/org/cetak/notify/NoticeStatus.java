package org.cetak.notify;

/** Where a notice stands; V47 draws the transitions. */
public enum NoticeStatus {
  /** Waiting for its turn, the sending window or the end of a backoff. */
  PENDING,
  /** An attempt is out: recorded before the gateway was called, its answer not yet recorded. */
  SENDING,
  /** The gateway took it. */
  SENT,
  /** The gateway reported it delivered to the phone. */
  DELIVERED,
  /** The gateway reported it could not be delivered. */
  UNDELIVERED,
  /**
   * Refused too often, refused for good, or its outcome could not be learnt: an officer decides.
   */
  FAILED,
  /** A reprint's notice replaced it before it was sent. */
  SUPERSEDED,
  /** The resident gave no valid phone number: nothing is sent. */
  NO_PHONE,
  /**
   * The gateway took it and sends delivery reports (Kannel, SMPP), but none came within the report
   * deadline: the report was lost, whether it reached the resident nobody can tell. An officer
   * checks; a report arriving later still settles it.
   */
  NO_REPORT;

  /** Whether the resident may already have received it, or is about to. */
  public boolean mayHaveReached() {
    return this == SENDING || this == SENT || this == DELIVERED || this == NO_REPORT;
  }
}
