package org.cetak.stock;

import org.cetak.common.DomainException;
import org.cetak.common.Transactions;
import org.cetak.office.Access;
import org.cetak.office.Permission;
import org.cetak.office.User;

/**
 * Stacks of blanks between the vault and the printers' feeders (mengisi dan mengosongkan feeder). A
 * feeder never holds more than its printer's {@link FeederCapacity}: a load beyond it is refused
 * with the capacity named and nothing written.
 */
public final class FeederStock {

  private final Ledger ledger;
  private final PrinterRegistry printers;
  private final FeederCapacity capacity;
  private final Access access;
  private final Transactions transactions;

  public FeederStock(
      Ledger ledger,
      PrinterRegistry printers,
      FeederCapacity capacity,
      Access access,
      Transactions transactions) {
    this.ledger = ledger;
    this.printers = printers;
    this.capacity = capacity;
    this.access = access;
    this.transactions = transactions;
  }

  /** Loads a stack of blanks from the vault into a printer's feeder. */
  public RecordedMovement load(long officeId, String printerCode, int quantity, User by) {
    access.require(by, Permission.LOAD_PRINTER, officeId);
    Quantities.positive(quantity);
    Printer printer = printers.printer(officeId, printerCode);
    return transactions.inTransaction(
        () -> {
          RecordedMovement moved =
              ledger.record(
                  new Movement(
                      officeId,
                      Item.BLANK,
                      Place.of(Location.VAULT),
                      Place.feeder(printer.id()),
                      quantity,
                      "FEEDER_LOADED",
                      by.username(),
                      ReferenceKind.PRINTER,
                      printer.id(),
                      Movement.Detail.none()));
          // read after the movement: its balance row is locked now, so two loads cannot both fit
          long held = ledger.balance(officeId, Item.BLANK, Place.feeder(printer.id()));
          refuseBeyondCapacity(printer, quantity, held - quantity);
          return moved;
        });
  }

  /** Takes blanks out of a printer's feeder back into the vault. */
  public RecordedMovement unload(long officeId, String printerCode, int quantity, User by) {
    access.require(by, Permission.LOAD_PRINTER, officeId);
    Quantities.positive(quantity);
    Printer printer = printers.printer(officeId, printerCode);
    return transactions.inTransaction(
        () ->
            ledger.record(
                new Movement(
                    officeId,
                    Item.BLANK,
                    Place.feeder(printer.id()),
                    Place.of(Location.VAULT),
                    quantity,
                    "FEEDER_UNLOADED",
                    by.username(),
                    ReferenceKind.PRINTER,
                    printer.id(),
                    Movement.Detail.none())));
  }

  /**
   * Moves blanks from one printer's feeder into another's in one ledger movement (unload one, load
   * the other), for when the vault is empty and one feeder runs dry while another holds blanks.
   * Refused with nothing written: the same printer, more than the first feeder holds, more than the
   * second feeder's capacity leaves room for.
   */
  public RecordedMovement move(
      long officeId, String fromPrinter, String toPrinter, int quantity, User by) {
    access.require(by, Permission.LOAD_PRINTER, officeId);
    Quantities.positive(quantity);
    Printer from = printers.printer(officeId, fromPrinter);
    Printer to = printers.printer(officeId, toPrinter);
    return transactions.inTransaction(
        () -> {
          RecordedMovement moved =
              ledger.record(
                  new Movement(
                      officeId,
                      Item.BLANK,
                      Place.feeder(from.id()),
                      Place.feeder(to.id()),
                      quantity,
                      "FEEDER_TO_FEEDER",
                      by.username(),
                      ReferenceKind.PRINTER,
                      to.id(),
                      Movement.Detail.none().withNote("dari " + from.code() + " ke " + to.code())));
          long held = ledger.balance(officeId, Item.BLANK, Place.feeder(to.id()));
          refuseBeyondCapacity(to, quantity, held - quantity);
          return moved;
        });
  }

  private void refuseBeyondCapacity(Printer printer, int quantity, long alreadyHeld) {
    int most = capacity.of(printer);
    if (alreadyHeld + quantity > most) {
      throw new DomainException(
          StockError.FEEDER_CAPACITY_EXCEEDED,
          "Feeder "
              + printer.code()
              + " memuat paling banyak "
              + most
              + " blanko (berisi "
              + alreadyHeld
              + ") / The feeder of "
              + printer.code()
              + " holds at most "
              + most
              + " blanks ("
              + alreadyHeld
              + " in it); "
              + quantity
              + " more do not fit",
          printer.code(),
          most,
          alreadyHeld,
          quantity);
    }
  }
}
