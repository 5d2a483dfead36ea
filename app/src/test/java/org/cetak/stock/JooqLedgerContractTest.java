package org.cetak.stock;

import java.util.function.Supplier;
import javax.sql.DataSource;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JooqLedgerContractTest extends LedgerContract {

  private final StockFixture f;
  private int offices;
  private long office;
  private long printer;

  JooqLedgerContractTest(DataSource dataSource) {
    f = new StockFixture(dataSource);
  }

  /** One database for the class: each test gets an office and a printer no other test used. */
  @BeforeEach
  void anOfficeOfItsOwn() {
    offices++;
    office = f.office(String.format("32.%02d", 70 + offices), "Kantor " + offices).id();
    printer = f.printers.register(office, "PRN-1", "Printer 1", "Primacy").id();
  }

  @Override
  Ledger ledger() {
    return f.ledger;
  }

  @Override
  MutableClock clock() {
    return f.clock;
  }

  @Override
  long office() {
    return office;
  }

  @Override
  long printer() {
    return printer;
  }

  @Override
  <T> T call(Supplier<T> work) {
    return f.transactions.inTransaction(work);
  }
}
