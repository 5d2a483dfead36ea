package org.cetak.approval;

import java.time.Instant;
import java.util.Optional;

/**
 * Something that needs two people: one proposes, a different user with the supervisor role approves
 * or rejects.
 *
 * @param kind what is to be approved, for example {@code WRITE_OFF}; picks the {@link
 *     ApprovalHandler} that carries it out
 * @param subjectId the id of the thing concerned (a destruction report, a print request), if any
 * @param payload what the handler needs to carry it out, written by the proposing side
 */
public record Approval(
    long id,
    long officeId,
    String kind,
    Optional<Long> subjectId,
    String summary,
    String payload,
    Status status,
    String proposedBy,
    Instant proposedAt,
    Optional<String> decidedBy,
    Optional<Instant> decidedAt,
    String decisionNote) {

  public enum Status {
    PROPOSED,
    APPROVED,
    REJECTED
  }
}
