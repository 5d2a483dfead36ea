package org.cetak.notify;

import java.time.Instant;
import java.util.Optional;

/**
 * Where an SMS leaves Cetak: Kannel, Gammu SMSD, an SMPP centre, or a file.
 *
 * <p>{@link #send} blocks until the gateway answers or its own timeout passes, and never throws for
 * something the gateway did or did not do: every answer, refusal, timeout or garbage is a {@link
 * Outcome}. It may be called from several threads. The {@link Sms#reference()} is ours and the same
 * for every attempt of one notice; gateways that can carry it (Kannel's {@code dlr-url}, SMPP's
 * {@code user_message_reference}, Gammu's {@code CreatorID}) carry it, so that a delivery report or
 * a {@link #trace} after a crash finds the notice again.
 */
public interface SmsGateway {

  /** A short name for the console and the attempt log: {@code kannel}, {@code smpp}, ... */
  String name();

  Outcome send(Sms sms);

  /**
   * Whether the gateway reports the delivery of each message it took (Kannel's {@code dlr-url},
   * SMPP's receipts): a notice it took with no report at all after the report deadline had its
   * report lost.
   */
  default boolean reportsDelivery() {
    return false;
  }

  /**
   * What the gateway knows of a message of ours it may have been given by an attempt whose answer
   * was lost; empty when it cannot be asked (Kannel, SMPP: then only a delivery report settles the
   * attempt, and without one the notice is sent again).
   */
  default Optional<Trace> trace(Sms sms) {
    return Optional.empty();
  }

  /**
   * Reports the gateway keeps for us to fetch (Gammu's {@code sentitems}) since the last call;
   * gateways that push their reports (Kannel, SMPP) return none (SMPP binds again here, so a
   * centre's kept receipts are pushed). Called at the start of each dispatcher run.
   */
  default java.util.List<DeliveryReport> collectReports() {
    return java.util.List.of();
  }

  /**
   * Whether the gateway could not be reached at the last tries, and when it is tried next; empty
   * while it answers, or when the gateway does not keep track (every send tries it).
   */
  default Optional<Unreachable> unreachable() {
    return Optional.empty();
  }

  /**
   * The gateway did not answer since {@code since}, {@code failedTries} tries in a row; no try is
   * made before {@code nextTry}.
   */
  record Unreachable(String reason, Instant since, int failedTries, Instant nextTry) {}

  /** The gateway's answer to one send. */
  sealed interface Outcome {

    /** Taken for delivery; the gateway's id for it when it gives one. */
    record Accepted(Optional<String> gatewayId) implements Outcome {}

    /** Taken, but held until the gateway's own link to the network is back. */
    record Queued(Optional<String> gatewayId) implements Outcome {}

    /** Certainly not taken, with the gateway's own reason; sending again cannot double-send. */
    record Refused(String reason, boolean worthRetrying) implements Outcome {}

    /** The gateway may or may not have taken it (timeout, lost link, an answer we cannot read). */
    record Unclear(String reason) implements Outcome {}
  }

  /** What a gateway found of one of our references. */
  sealed interface Trace {

    /** The gateway never received it: sending it is safe. */
    record NeverReceived() implements Trace {}

    /** The gateway has it, or sent it. */
    record Received(String gatewayId, Optional<DeliveryReport.State> state) implements Trace {}

    /** The gateway can be asked, but did not answer now: ask again at the next run. */
    record Unavailable(String reason) implements Trace {}
  }
}
