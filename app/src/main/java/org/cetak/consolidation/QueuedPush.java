package org.cetak.consolidation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A status push as the counter and the console see it: what it says, where it stands, and every
 * attempt with the centre's answer.
 *
 * @param nikMasked the NIK as an officer may see it on a list
 * @param status {@code PENDING}, {@code SENT} or {@code FAILED} (stuck until pushed again)
 * @param lastAnswer the centre's last answer, or why the last attempt failed
 */
public record QueuedPush(
    long id,
    long officeId,
    long requestId,
    PushKind kind,
    String nikMasked,
    String cardUid,
    Instant printedAt,
    Optional<Instant> handedAt,
    String status,
    int attempts,
    Optional<Instant> nextAttemptAt,
    Optional<Instant> sentAt,
    String lastAnswer,
    Instant createdAt,
    List<Attempt> history) {

  public QueuedPush {
    history = List.copyOf(history);
  }

  public boolean stuck() {
    return status.equals("FAILED");
  }

  public boolean sent() {
    return status.equals("SENT");
  }

  /**
   * One attempt.
   *
   * @param outcome {@code IN_FLIGHT} (started, no answer recorded: the node stopped meanwhile, or
   *     it is under way), {@code ACCEPTED}, {@code UNAVAILABLE}, {@code REJECTED} or {@code
   *     UNSUPPORTED}
   */
  public record Attempt(
      int number,
      String actor,
      Instant startedAt,
      Optional<Instant> finishedAt,
      String outcome,
      String answer) {}
}
