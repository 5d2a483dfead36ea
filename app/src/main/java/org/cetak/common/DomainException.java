package org.cetak.common;

/**
 * A request the domain refuses, with a code from the error catalogue ({@link ErrorCode}) an API
 * client or an officer can act on. The message names the problem and the ids involved for the log;
 * it never carries a NIK or KK in clear. What the user reads is the catalogue's wording of the code
 * in their language ({@code error.<code>}, and {@code error.<code>.detail} filled in with {@link
 * #args()} where the catalogue has one).
 */
public class DomainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ErrorCode error;
  private final transient Object[] args;

  public DomainException(ErrorCode error, String message) {
    this(error, message, new Object[0]);
  }

  /** With the values the catalogue's {@code error.<code>.detail} wording names ({0}, {1}…). */
  public DomainException(ErrorCode error, String message, Object... args) {
    super(message);
    this.error = error;
    this.args = args.clone();
  }

  /** The values for the detail's wording. */
  public Object[] args() {
    return args.clone();
  }

  /** The catalogue entry. */
  public ErrorCode error() {
    return error;
  }

  public ErrorCode.Kind kind() {
    return error.kind();
  }

  /** Stable machine-readable code, for example {@code INSUFFICIENT_BALANCE}. */
  public String code() {
    return error.name();
  }
}
