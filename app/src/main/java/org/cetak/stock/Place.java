package org.cetak.stock;

import java.util.Optional;
import org.cetak.common.DomainException;

/** A location, with its printer when the location exists per printer. */
public record Place(Location location, Optional<Long> printerId) {

  public Place {
    if (location.isPerPrinter() != printerId.isPresent()) {
      throw new DomainException(
          StockError.INVALID_PLACE,
          location + (location.isPerPrinter() ? " needs a printer" : " takes no printer"),
          location);
    }
  }

  public static Place of(Location location) {
    return new Place(location, Optional.empty());
  }

  public static Place feeder(long printerId) {
    return new Place(Location.FEEDER, Optional.of(printerId));
  }

  public static Place inside(long printerId) {
    return new Place(Location.INSIDE_PRINTER, Optional.of(printerId));
  }

  public static Place unknown(long printerId) {
    return new Place(Location.UNKNOWN, Optional.of(printerId));
  }

  @Override
  public String toString() {
    return printerId.map(p -> location + "(printer " + p + ")").orElse(location.name());
  }
}
