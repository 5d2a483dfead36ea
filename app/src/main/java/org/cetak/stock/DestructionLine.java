package org.cetak.stock;

import java.util.Optional;
import org.cetak.common.DomainException;

/**
 * A card to list on a destruction report, identified by its chip UID, its serial, or the id of the
 * spoil movement that put it on the pile (for cards spoiled without either).
 */
public record DestructionLine(
    Item item, Optional<String> chipUid, Optional<String> serial, Optional<Long> spoilMovementId) {

  public DestructionLine {
    int given =
        (chipUid.isPresent() ? 1 : 0)
            + (serial.isPresent() ? 1 : 0)
            + (spoilMovementId.isPresent() ? 1 : 0);
    if (given != 1) {
      throw new DomainException(
          StockError.INVALID_DESTRUCTION_LINE,
          "Each card needs exactly one of chip UID, serial or spoil movement id");
    }
  }

  public static DestructionLine chip(Item item, String uid) {
    return new DestructionLine(item, Optional.of(uid), Optional.empty(), Optional.empty());
  }

  public static DestructionLine serial(Item item, String serial) {
    return new DestructionLine(item, Optional.empty(), Optional.of(serial), Optional.empty());
  }

  public static DestructionLine spoil(Item item, long movementId) {
    return new DestructionLine(item, Optional.empty(), Optional.empty(), Optional.of(movementId));
  }

  @Override
  public String toString() {
    return item
        + " "
        + chipUid
            .map(u -> "chip " + u)
            .or(() -> serial.map(s -> "serial " + s))
            .orElseGet(() -> "spoil movement " + spoilMovementId.orElseThrow());
  }
}
