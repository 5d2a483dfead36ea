package org.cetak.approval;

import org.cetak.common.ErrorCode;

/** Stable error codes of two-person approvals. */
public enum ApprovalError implements ErrorCode {
  /** This approval is already decided. */
  ALREADY_DECIDED(Kind.CONFLICT),
  /** A decision is to approve or to reject. */
  DECISION_REQUIRED(Kind.INVALID),
  /** Only a supervisor may approve. */
  NOT_A_SUPERVISOR(Kind.FORBIDDEN),
  /** The proposer may not approve their own proposal. */
  SELF_APPROVAL(Kind.FORBIDDEN),
  /** No such approval. */
  UNKNOWN_APPROVAL(Kind.NOT_FOUND),
  /** Unknown kind of approval. */
  UNKNOWN_APPROVAL_KIND(Kind.INVALID);

  private final Kind kind;

  ApprovalError(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
