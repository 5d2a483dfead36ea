package org.cetak.printing;

import java.time.Clock;
import java.util.function.Supplier;
import org.cetak.common.Transactions;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.jooq.JooqPrintJobs;
import org.cetak.stock.Printer;
import org.cetak.stock.PrinterRegistry;
import org.cetak.support.CetakSpringTest;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

@CetakSpringTest
class JooqPrintJobsContractTest extends PrintJobsContract {

  @Autowired DSLContext db;
  @Autowired Transactions transactions;
  @Autowired Clock clock;
  @Autowired PrinterRegistry registry;
  @Autowired OfficeDirectory offices;

  private static int printers;

  private PrintJobs jobs;
  private PrinterRef printer;

  @BeforeEach
  void aPrinterOfThisNode() {
    jobs = new JooqPrintJobs(db, clock, "contract-node");
    User admin = TestUsers.everyRole(offices);
    printers++;
    String code = "PRN-CONTRACT-" + printers;
    Printer registered =
        registry.register(admin.officeId(), code, "Printer " + code, "Primacy", admin);
    printer = new PrinterRef(registered.id(), registered.officeId(), code);
    db.execute(
        "update printer set owner_node = 'contract-node', mode = 'RUNNING' where id = ?",
        printer.id());
  }

  @Override
  PrintJobs jobs() {
    return jobs;
  }

  @Override
  PrinterRef printer() {
    return printer;
  }

  /** A reserved request no job has taken yet. */
  @Override
  long request() {
    return ((Number)
            db.fetchValue(
                "select min(r.id) from print_request r where r.status = 'RESERVED'"
                    + " and not exists (select 1 from print_job j where j.request_id = r.id)"))
        .longValue();
  }

  @Override
  <T> T call(Supplier<T> work) {
    return transactions.inTransaction(work);
  }
}
