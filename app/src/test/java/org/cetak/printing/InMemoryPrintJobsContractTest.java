package org.cetak.printing;

import java.util.function.Supplier;

class InMemoryPrintJobsContractTest extends PrintJobsContract {

  private final InMemoryPrintJobs jobs = new InMemoryPrintJobs();
  private long requests = 100;

  @Override
  PrintJobs jobs() {
    return jobs;
  }

  @Override
  PrinterRef printer() {
    return InMemoryPrintRoom.PRINTER;
  }

  @Override
  long request() {
    return ++requests;
  }

  @Override
  <T> T call(Supplier<T> work) {
    return work.get();
  }
}
