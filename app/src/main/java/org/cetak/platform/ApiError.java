package org.cetak.platform;

import org.cetak.common.ErrorCode;

/** Stable error codes of the HTTP layer itself, answered before or around any domain code. */
public enum ApiError implements ErrorCode {
  /** No credentials, wrong credentials, or an expired session. */
  UNAUTHENTICATED(Kind.UNAUTHENTICATED),
  /** The account is locked after repeated failed sign-ins; an administrator unlocks it. */
  ACCOUNT_LOCKED(Kind.UNAUTHENTICATED),
  /** The signed-in user's role or office does not allow this. */
  ACCESS_DENIED(Kind.FORBIDDEN),
  /** The form was sent without its CSRF token (or with a stale one). */
  CSRF_REJECTED(Kind.FORBIDDEN),
  /** Plain HTTP from another machine, where production answers only over HTTPS. */
  HTTPS_REQUIRED(Kind.FORBIDDEN),
  /** No page or endpoint at this address. */
  NOT_FOUND(Kind.NOT_FOUND),
  /** The address exists, but not with this HTTP method. */
  METHOD_NOT_ALLOWED(Kind.METHOD_NOT_ALLOWED),
  /** The answer cannot be given in a format the Accept header allows. */
  NOT_ACCEPTABLE(Kind.NOT_ACCEPTABLE),
  /** The request body's content type is not taken here. */
  UNSUPPORTED_MEDIA_TYPE(Kind.UNSUPPORTED_MEDIA_TYPE),
  /** The request body is larger than the configured limit, which the detail names. */
  PAYLOAD_TOO_LARGE(Kind.TOO_LARGE),
  /** The request body is not valid JSON or has a value of the wrong type. */
  MALFORMED_BODY(Kind.INVALID),
  /** A field of the request body is invalid. */
  INVALID_REQUEST(Kind.INVALID),
  /** A query or path parameter has a value of the wrong form. */
  INVALID_PARAMETER(Kind.INVALID),
  /** A required query parameter or multipart part is missing. */
  MISSING_PARAMETER(Kind.INVALID),
  /** Cetak failed; the log has the details under the problem's instance id. */
  INTERNAL_ERROR(Kind.FAILED);

  private final Kind kind;

  ApiError(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
