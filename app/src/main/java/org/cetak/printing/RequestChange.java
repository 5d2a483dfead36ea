package org.cetak.printing;

/** What a job's step does to its print request. */
public enum RequestChange {
  NONE,
  /** The request is being printed. */
  PRINTING,
  /** Printed: the SMS and status-to-centre outbox rows are written with it. */
  PRINTED,
  /** Back to the queue with its priority and reservation. */
  REQUEUED,
  /** Its card's outcome is unknown until settled. */
  OUTCOME_UNKNOWN
}
