package org.cetak.printing.face;

/** A resident record cannot be put on a card face: names the offending field. */
public final class InvalidCardFaceDataException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidCardFaceDataException(String field, String problem) {
    super("card face field '" + field + "' " + problem);
    this.field = field;
  }

  public InvalidCardFaceDataException(String field, String problem, Throwable cause) {
    super("card face field '" + field + "' " + problem, cause);
    this.field = field;
  }

  /** The record component that was rejected, e.g. {@code "nik"}. */
  public String field() {
    return field;
  }
}
