package org.cetak.allocation;

import org.cetak.common.ErrorCode;

/** Stable error codes of the queue and its priority policy. */
public enum AllocationError implements ErrorCode {
  /** A NIK is 16 digits. */
  INVALID_NIK(Kind.INVALID),
  /** The request is not queued. */
  NOT_QUEUED(Kind.CONFLICT),
  /** No request for this NIK. */
  NO_REQUEST(Kind.NOT_FOUND),
  /** No usable blank left. */
  NO_USABLE_BLANK(Kind.CONFLICT),
  /** The priority policy is invalid. */
  POLICY_INVALID(Kind.INVALID),
  /** Policy tiers overlap. */
  POLICY_OVERLAPPING_TIERS(Kind.INVALID),
  /** A policy tier can never be reached. */
  POLICY_UNREACHABLE_TIER(Kind.INVALID),
  /** A reason is required. */
  REASON_REQUIRED(Kind.INVALID),
  /** The request's status does not allow this. */
  REQUEST_STATUS_CONFLICT(Kind.CONFLICT),
  /** A queue search needs a NIK, three letters of a name, or a Suket number. */
  SEARCH_REQUIRED(Kind.INVALID);

  private final Kind kind;

  AllocationError(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
