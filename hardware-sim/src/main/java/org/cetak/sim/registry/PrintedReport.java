package org.cetak.sim.registry;

import java.time.Instant;

/**
 * A printed-status push the registry accepted ({@code POST /printed}).
 *
 * @param receivedAt when it arrived, on the simulated clock
 */
public record PrintedReport(
    String nik, String printedAt, String cardUid, String officeCode, Instant receivedAt) {

  /** Without the NIK: a log line must not carry one, even an invented one. */
  @Override
  public String toString() {
    return "PrintedReport[cardUid="
        + cardUid
        + ", officeCode="
        + officeCode
        + ", printedAt="
        + printedAt
        + ", receivedAt="
        + receivedAt
        + "]";
  }
}
