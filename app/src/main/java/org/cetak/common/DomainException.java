package org.cetak.common;

/**
 * A request the domain refuses, with a stable code an API client or an officer can act on. The
 * message names the problem and the ids involved; it never carries a NIK or KK in clear.
 */
public class DomainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What kind of refusal this is; the web layer maps it to an HTTP status. */
  public enum Kind {
    /** The input is malformed or incomplete. */
    INVALID,
    /** The thing asked for does not exist. */
    NOT_FOUND,
    /** The input is well-formed but the current state forbids it. */
    CONFLICT,
    /** The actor may not do this (for example, approving their own proposal). */
    FORBIDDEN
  }

  private final Kind kind;
  private final String code;

  public DomainException(Kind kind, String code, String message) {
    super(message);
    this.kind = kind;
    this.code = code;
  }

  public static DomainException invalid(String code, String message) {
    return new DomainException(Kind.INVALID, code, message);
  }

  public static DomainException notFound(String code, String message) {
    return new DomainException(Kind.NOT_FOUND, code, message);
  }

  public static DomainException conflict(String code, String message) {
    return new DomainException(Kind.CONFLICT, code, message);
  }

  public static DomainException forbidden(String code, String message) {
    return new DomainException(Kind.FORBIDDEN, code, message);
  }

  public Kind kind() {
    return kind;
  }

  /** Stable machine-readable code, for example {@code INSUFFICIENT_BALANCE}. */
  public String code() {
    return code;
  }
}
