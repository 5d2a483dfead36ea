package org.cetak.printing;

/** A job changed under the station (another node, or an operator), or the printer changed owner. */
public final class StaleJobException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StaleJobException(long jobId, String why) {
    super("Print job " + jobId + " cannot be updated: " + why);
  }
}
