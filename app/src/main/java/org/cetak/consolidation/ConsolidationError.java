package org.cetak.consolidation;

import org.cetak.common.ErrorCode;

/** Stable error codes of the status push to the centre (konsolidasi). */
public enum ConsolidationError implements ErrorCode {
  /** The status push is sent already, under way, or not of this office. */
  PUSH_NOT_WAITING(Kind.CONFLICT),
  /** No such status push. */
  UNKNOWN_PUSH(Kind.NOT_FOUND);

  private final Kind kind;

  ConsolidationError(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
