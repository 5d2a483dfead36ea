package org.cetak.stock;

import java.util.Optional;
import org.cetak.common.DomainException;

/**
 * One movement to record: {@code quantity} items of one kind from one place to another, with the
 * actor, the reason and the document or job it belongs to.
 */
public record Movement(
    long officeId,
    Item item,
    Place from,
    Place to,
    int quantity,
    String reason,
    String actor,
    ReferenceKind referenceKind,
    long referenceId,
    Detail detail) {

  /** What is known of the cards moved; all optional. */
  public record Detail(
      Optional<String> serialFirst,
      Optional<String> serialLast,
      Optional<String> chipUid,
      Optional<Long> requestId,
      String note) {

    public static Detail none() {
      return new Detail(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "");
    }

    public Detail withNote(String newNote) {
      return new Detail(
          serialFirst, serialLast, chipUid, requestId, newNote == null ? "" : newNote);
    }
  }

  public Movement {
    if (quantity <= 0) {
      throw new DomainException(
          StockError.INVALID_QUANTITY, "Quantity must be positive, was " + quantity, quantity);
    }
    if (from.equals(to)) {
      throw new DomainException(
          StockError.SAME_PLACE, "A movement needs two places, got " + from, from);
    }
    if (to.location().isSource() && !returnsToSource(item, from, to)) {
      throw new DomainException(StockError.INVALID_PLACE, to + " only gives, it cannot receive");
    }
    if (item == Item.OLD_CARD && from.location() == Location.CENTRE) {
      throw new DomainException(StockError.INVALID_PLACE, "Old cards do not come from the centre");
    }
    if (item == Item.BLANK && from.location() == Location.WITHDRAWN) {
      throw new DomainException(
          StockError.INVALID_PLACE, "Blanks are never withdrawn from residents");
    }
  }

  /**
   * Whether this is one of the movements into a source: blanks of a reversed drop going back from
   * the vault to the centre, or borrowed blanks given back from the vault to their lender. They
   * hold no balance there; they lower what the office received or borrowed.
   */
  public static boolean returnsToSource(Item item, Place from, Place to) {
    return item == Item.BLANK
        && from.location() == Location.VAULT
        && (to.location() == Location.CENTRE || to.location() == Location.BORROWED);
  }
}
