package org.cetak.office;

import org.cetak.common.ErrorCode;

/** Stable error codes of offices, users and who may act for which office. */
public enum OfficeError implements ErrorCode {
  /** Your role does not allow this. */
  NOT_ALLOWED(Kind.FORBIDDEN),
  /** You are not signed in. */
  NOT_SIGNED_IN(Kind.FORBIDDEN),
  /** The office code is already taken. */
  OFFICE_EXISTS(Kind.CONFLICT),
  /** Name the office. */
  OFFICE_REQUIRED(Kind.INVALID),
  /** You may not act for this office. */
  OTHER_OFFICE(Kind.FORBIDDEN),
  /** Your role does not allow this. */
  ROLE_REQUIRED(Kind.FORBIDDEN),
  /** No such office. */
  UNKNOWN_OFFICE(Kind.NOT_FOUND),
  /** No such user. */
  UNKNOWN_USER(Kind.FORBIDDEN),
  /** The username is already taken. */
  USER_EXISTS(Kind.CONFLICT);

  private final Kind kind;

  OfficeError(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
