package org.cetak.common;

/**
 * A request the domain refuses, with a code from the error catalogue ({@link ErrorCode}) an API
 * client or an officer can act on. The message names the problem and the ids involved; it never
 * carries a NIK or KK in clear.
 */
public class DomainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ErrorCode error;

  public DomainException(ErrorCode error, String message) {
    super(message);
    this.error = error;
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
