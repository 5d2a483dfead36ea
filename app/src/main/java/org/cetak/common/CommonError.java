package org.cetak.common;

/** Stable error codes shared by every domain. */
public enum CommonError implements ErrorCode {
  /** The document was changed by someone else since it was read (optimistic version). */
  STALE_VERSION(Kind.CONFLICT),
  /** A text is longer than its field takes. */
  TEXT_TOO_LONG(Kind.INVALID);

  private final Kind kind;

  CommonError(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
