package org.cetak.statuscheck;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What the resident status page (cek status KTP-el) says: where the request stands and what to
 * bring, nothing else of the record.
 */
public sealed interface StatusAnswer {

  /** Too many lookups from this address or for this NIK in the last minute. */
  record Refused() implements StatusAnswer {}

  /** The NIK is not 16 digits or the birth date is not a date. */
  record Invalid() implements StatusAnswer {}

  /** No request for this NIK and birth date: an unknown NIK and a wrong birth date alike. */
  record NotFound() implements StatusAnswer {}

  /**
   * Waiting for a blank or being printed.
   *
   * @param window the estimated print dates, when allocation can tell
   */
  record Waiting(String officeName, boolean printing, Optional<ResidentRequests.PrintWindow> window)
      implements StatusAnswer {}

  /**
   * Printed, and waiting for the print room's card check before the counter may hand it over: not
   * ready yet, the SMS follows the check.
   */
  record Checking(String officeName) implements StatusAnswer {}

  /**
   * Printed and ready to collect at the office.
   *
   * @param sentToCentre when the centre accepted the card's printed status (consolidation)
   * @param zone the office's time zone (WIB, WITA or WIT), in which the resident reads its times
   */
  record Ready(
      String officeName,
      String officeAddress,
      String officeHours,
      Instant printedAt,
      Optional<Instant> sentToCentre,
      ZoneId zone)
      implements StatusAnswer {}

  /**
   * Collected.
   *
   * @param zone the office's time zone (WIB, WITA or WIT), in which the resident reads its times
   */
  record HandedOver(
      String officeName, Instant handedAt, Optional<Instant> sentToCentre, ZoneId zone)
      implements StatusAnswer {}

  /** No longer in the print queue (withdrawn): the resident asks at the counter. */
  record NotInQueue(String officeName) implements StatusAnswer {}
}
