package org.cetak.office;

/** The audit trail: append-only record of who did what. */
public interface Audit {

  /**
   * Records one event.
   *
   * @param officeId the office it concerns, or {@code null} for installation-wide events
   * @param detail free text; never a NIK, KK or phone number in clear
   */
  void record(Long officeId, String actor, String action, String subject, String detail);
}
