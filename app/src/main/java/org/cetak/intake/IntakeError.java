package org.cetak.intake;

import org.cetak.common.ErrorCode;

/** Stable error codes of intake of print-ready records. */
public enum IntakeError implements ErrorCode {
  /** The import bundle was not found. */
  BUNDLE_NOT_FOUND(Kind.NOT_FOUND),
  /** The import bundle is not a folder or a zip. */
  BUNDLE_NOT_ZIP(Kind.INVALID),
  /** The bundle holds no records.csv or records.json. */
  BUNDLE_NO_RECORDS(Kind.INVALID),
  /** A zip bundle could not be opened: the temporary disk is full or cannot be written. */
  BUNDLE_DISK_FULL(Kind.FAILED),
  /** The uploaded bundle is empty. */
  EMPTY_BUNDLE(Kind.INVALID),
  /** No upstream registry is configured. */
  NO_UPSTREAM(Kind.CONFLICT);

  private final Kind kind;

  IntakeError(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
