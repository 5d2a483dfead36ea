package org.cetak.stock;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;

/** How many blanks a printer's feeder (input hopper) holds, from its model. */
@FunctionalInterface
public interface FeederCapacity {

  /** The most blanks the printer's feeder holds. */
  int of(Printer printer);

  /**
   * A feeder capacity that a description of the printer states (the device file's model of it), or
   * empty when none does.
   */
  @FunctionalInterface
  interface Declared {
    OptionalInt of(Printer printer);
  }

  /**
   * The first capacity a declaration states for the printer, else the configured one. The
   * declarations are looked up at each call, so they may come from beans that depend on stock.
   */
  static FeederCapacity declaredElse(
      Supplier<List<Declared>> declarations, FeederCapacity configured) {
    return printer -> {
      for (Declared declared : declarations.get()) {
        OptionalInt stated = declared.of(printer);
        if (stated.isPresent()) {
          return stated.getAsInt();
        }
      }
      return configured.of(printer);
    };
  }
}
