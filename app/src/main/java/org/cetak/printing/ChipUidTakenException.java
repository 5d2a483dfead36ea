package org.cetak.printing;

/**
 * A job's chip UID is held by another card printed or being printed (uq_print_job_chip_uid):
 * nothing of the step was written. The station records the card as a chip fault instead.
 */
public final class ChipUidTakenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ChipUidTakenException(long jobId, String uid, Throwable cause) {
    super("Print job " + jobId + " cannot record chip " + uid + ": another card holds it", cause);
  }
}
