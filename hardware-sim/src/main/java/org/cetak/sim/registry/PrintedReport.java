package org.cetak.sim.registry;

import java.time.Instant;

/**
 * A status push the registry accepted: a card printed ({@code POST /printed}) or handed over
 * ({@code POST /handed-over}).
 *
 * @param kind {@code PRINTED} or {@code HANDED_OVER}
 * @param at when the card was printed or handed over, as the office sent it
 * @param key the sender's idempotency key (empty when it sent none); a second push with the same
 *     key is answered with the first one's reference and not recorded again
 * @param reference the registry's reference for the push, its answer to the office
 * @param receivedAt when it arrived, on the simulated clock
 */
public record PrintedReport(
    String kind,
    String nik,
    String at,
    String cardUid,
    String officeCode,
    String key,
    String reference,
    Instant receivedAt) {

  /** When the card was printed (or handed over), as the office sent it. */
  public String printedAt() {
    return at;
  }

  /** Without the NIK: a log line must not carry one, even an invented one. */
  @Override
  public String toString() {
    return "PrintedReport[kind="
        + kind
        + ", cardUid="
        + cardUid
        + ", officeCode="
        + officeCode
        + ", at="
        + at
        + ", key="
        + key
        + ", reference="
        + reference
        + ", receivedAt="
        + receivedAt
        + "]";
  }
}
