package org.cetak.stock;

/**
 * What a plausible hand-over document looks like. A drop of two billion blanks would corrupt every
 * figure after it (usable stock, days left, the drop forecast) and can only be undone under
 * approval, so a quantity beyond the plausible is refused at the door.
 *
 * @param maxQuantity the most blanks one drop may hold (the centre drops 500–10,000 at a time)
 * @param maxDocumentNoLength the longest document number accepted
 */
public record DropLimits(int maxQuantity, int maxDocumentNoLength) {

  /** The limits an installation starts with. */
  public static final DropLimits DEFAULT = new DropLimits(20_000, 64);

  public DropLimits {
    if (maxQuantity < 1 || maxDocumentNoLength < 1) {
      throw new IllegalArgumentException("Drop limits must be positive");
    }
  }
}
