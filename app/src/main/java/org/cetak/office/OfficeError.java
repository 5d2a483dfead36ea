package org.cetak.office;

import org.cetak.common.ErrorCode;

/** Stable error codes of offices, users and who may act for which office. */
public enum OfficeError implements ErrorCode {
  /** This installation is set up already; setup runs once. */
  ALREADY_SET_UP(Kind.CONFLICT),
  /** The office needs an address. */
  INVALID_ADDRESS(Kind.INVALID),
  /** The office needs a name. */
  INVALID_OFFICE_NAME(Kind.INVALID),
  /** Opening hours look like 08.00-15.00. */
  INVALID_OPENING_HOURS(Kind.INVALID),
  /** A kabupaten/kota region code such as 32.71. */
  INVALID_REGION_CODE(Kind.INVALID),
  /** Time zone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT). */
  INVALID_TIME_ZONE(Kind.INVALID),
  /** The password needs at least 10 characters. */
  PASSWORD_TOO_SHORT(Kind.INVALID),
  /** A password is at most 72 bytes (72 plain letters): longer ones cannot be hashed. */
  PASSWORD_TOO_LONG(Kind.INVALID),
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
  /** A user needs at least one role. */
  ROLES_REQUIRED(Kind.INVALID),
  /** A username is 3 to 40 of a-z, 0-9, '.', '_', '-'. */
  INVALID_USERNAME(Kind.INVALID),
  /** A NIP is the 18 digits of a civil servant number, spaces allowed. */
  INVALID_NIP(Kind.INVALID),
  /** A position (jabatan) is at most 120 characters. */
  INVALID_POSITION(Kind.INVALID),
  /** A password has at least 10 characters. */
  WEAK_PASSWORD(Kind.INVALID),
  /** An administrator cannot disable their own account. */
  SELF_DISABLE(Kind.CONFLICT),
  /** No user with this username. */
  NO_SUCH_USER(Kind.NOT_FOUND),
  /** A token needs a name. */
  TOKEN_NAME_REQUIRED(Kind.INVALID),
  /** No such API token. */
  UNKNOWN_TOKEN(Kind.NOT_FOUND),
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
