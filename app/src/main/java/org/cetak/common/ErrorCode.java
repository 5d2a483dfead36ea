package org.cetak.common;

/**
 * One entry of the error catalogue: a stable code an API client can rely on (it is the enum
 * constant's name) and the kind of refusal it is. Each domain keeps its codes in one enum that
 * implements this interface; {@code docs/ERRORS.md} lists them all, and the console and problem
 * documents take their wording from the {@code error.<code>} messages.
 */
public interface ErrorCode {

  /** The stable code, for example {@code INSUFFICIENT_BALANCE}. */
  String name();

  /** What kind of refusal this is; the web layer maps it to an HTTP status. */
  Kind kind();

  /** What kind of refusal a code is. */
  enum Kind {
    /** The input is malformed or incomplete. */
    INVALID,
    /** The thing asked for does not exist. */
    NOT_FOUND,
    /** The input is well-formed but the current state forbids it. */
    CONFLICT,
    /** The actor may not do this (for example, approving their own proposal). */
    FORBIDDEN,
    /** Nobody is signed in, or the credentials are wrong. */
    UNAUTHENTICATED,
    /** The address exists but not with this method. */
    METHOD_NOT_ALLOWED,
    /** The answer cannot be given in a format the client accepts. */
    NOT_ACCEPTABLE,
    /** The request body is in a format the address does not take. */
    UNSUPPORTED_MEDIA_TYPE,
    /** The request body is larger than the installation allows. */
    TOO_LARGE,
    /** Cetak failed; nothing the client did. */
    FAILED
  }
}
