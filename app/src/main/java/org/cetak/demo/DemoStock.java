package org.cetak.demo;

import java.time.LocalDate;
import java.util.List;
import org.cetak.common.Transactions;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.scenario.SimulatedRoom;
import org.cetak.stock.DropReceipts;
import org.cetak.stock.DropRequest;
import org.cetak.stock.FeederStock;
import org.cetak.stock.Ledger;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.stock.Printers;
import org.cetak.stock.SerialRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's blanks: one drop of 5,000 into the Kota Bogor vault, the printers of the demo's
 * scenario (PRN-1 and PRN-2 unless {@code cetak.demo.scenario} names others), each feeder loaded
 * with 100. Runs after {@link DemoSeeder}; a second start changes nothing.
 */
@Component
@Profile("demo")
@Order(10)
public class DemoStock implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoStock.class);

  static final String DROP_DOCUMENT = "BA/2026/11/0001";

  private final OfficeDirectory offices;
  private final DropReceipts receipts;
  private final PrinterRegistry registry;
  private final FeederStock feeders;
  private final Printers printers;
  private final Ledger ledger;
  private final Transactions transactions;
  private final SimulatedRoom room;

  public DemoStock(
      OfficeDirectory offices,
      DropReceipts receipts,
      PrinterRegistry registry,
      FeederStock feeders,
      Printers printers,
      Ledger ledger,
      Transactions transactions,
      SimulatedRoom room) {
    this.offices = offices;
    this.receipts = receipts;
    this.registry = registry;
    this.feeders = feeders;
    this.printers = printers;
    this.ledger = ledger;
    this.transactions = transactions;
    this.room = room;
  }

  @Override
  public void run(ApplicationArguments args) {
    transactions.run(this::seed);
  }

  private void seed() {
    Office city = offices.officeByCode(DemoSeeder.OFFICE_CODE).orElse(null);
    User blanko = offices.user("blanko").orElse(null);
    User operator = offices.user("operator").orElse(null);
    if (city == null || blanko == null || operator == null) {
      log.warn("Demo offices or users missing; no demo stock seeded");
      return;
    }
    if (receipts.drops(city.id()).stream().noneMatch(d -> d.documentNo().equals(DROP_DOCUMENT))) {
      receipts.receive(
          city.id(),
          new DropRequest(
              DROP_DOCUMENT,
              LocalDate.of(2026, 11, 2),
              5000,
              List.of(SerialRange.parse("KTP2611000001", "KTP2611005000"))),
          blanko);
    }
    for (String code : room.printers().stream().map(SimulatedPrinter::name).toList()) {
      Printer printer =
          printers
              .find(city.id(), code)
              .orElseGet(
                  () ->
                      registry.register(
                          city.id(), code, "Printer " + code, "HDP5000 (simulated)", blanko));
      if (!ledger.printerUsed(city.id(), printer.id())) {
        feeders.load(city.id(), code, 100, operator);
      }
    }
    log.info("Demo stock ready in office {}", city.code());
  }
}
