package org.cetak.stock;

import org.cetak.common.DomainException;
import org.cetak.common.Transactions;
import org.cetak.office.Access;
import org.cetak.office.Audit;
import org.cetak.office.Permission;
import org.cetak.office.User;

/** The printers of an office as the ledger knows them: registered once, found by code. */
public final class PrinterRegistry {

  private final Printers printers;
  private final Access access;
  private final Audit audit;
  private final Transactions transactions;

  public PrinterRegistry(Printers printers, Access access, Audit audit, Transactions transactions) {
    this.printers = printers;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
  }

  /** Registers a printer of an office; its feeder and inside start empty. */
  public Printer register(long officeId, String code, String name, String model, User by) {
    access.require(by, Permission.REGISTER_PRINTER, officeId);
    if (code == null || code.isBlank()) {
      throw new DomainException(StockError.INVALID_PRINTER_CODE, "A printer needs a code");
    }
    return transactions.inTransaction(
        () -> {
          if (printers.find(officeId, code).isPresent()) {
            throw new DomainException(
                StockError.PRINTER_EXISTS,
                "Printer " + code + " already exists in office " + officeId,
                code);
          }
          Printer printer =
              printers.register(
                  officeId, code, name == null ? code : name, model == null ? "" : model);
          audit.record(officeId, by.username(), "PRINTER_REGISTERED", "printer " + code, name);
          return printer;
        });
  }

  /** The printer of an office with that code, or {@code UNKNOWN_PRINTER}. */
  public Printer printer(long officeId, String code) {
    access.office(officeId);
    return printers
        .find(officeId, code)
        .orElseThrow(
            () ->
                new DomainException(
                    StockError.UNKNOWN_PRINTER,
                    "Printer " + code + " not found in office " + officeId,
                    code));
  }

  /** The printer with that id if it belongs to the office, or {@code UNKNOWN_PRINTER}. */
  public Printer printer(long officeId, long printerId) {
    return printers
        .byId(printerId)
        .filter(p -> p.officeId() == officeId)
        .orElseThrow(
            () ->
                new DomainException(
                    StockError.UNKNOWN_PRINTER,
                    "Printer " + printerId + " not found in office " + officeId,
                    printerId));
  }
}
