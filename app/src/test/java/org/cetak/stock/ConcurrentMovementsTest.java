package org.cetak.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.cetak.common.DomainException;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.office.Office;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentMovementsTest {

  private final StockFixture f;

  ConcurrentMovementsTest(DataSource dataSource) {
    f = new StockFixture(dataSource);
  }

  private Office officeWith(String code, int blanks, String... printers) {
    Office office = f.office(code, "Kantor " + code);
    User b = f.user(office.id(), "blanko-" + code, Role.INVENTORY_MANAGER);
    for (String p : printers) {
      f.registry.register(office.id(), p, p, "", b);
    }
    f.receipts.receive(
        office.id(),
        new DropRequest("BA/" + code, LocalDate.of(2026, 11, 2), blanks, List.of()),
        b);
    return office;
  }

  @Test
  void many_threads_racing_for_the_last_blank_take_it_exactly_once() throws Exception {
    Office office = officeWith("99.02", 1, "PRN-1");
    User op = f.user(office.id(), "op-99.02", Role.OPERATOR);
    int threads = 12;
    CyclicBarrier start = new CyclicBarrier(threads);
    AtomicInteger won = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  f.feeders.load(office.id(), "PRN-1", 1, op);
                  won.incrementAndGet();
                } catch (DomainException e) {
                  assertThat(e.code()).isEqualTo("INSUFFICIENT_BALANCE");
                  refused.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> future : futures) {
      future.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(won.get()).isEqualTo(1);
    assertThat(refused.get()).isEqualTo(threads - 1);
    assertThat(f.levels.reconciliation(office.id()).feeders()).isEqualTo(1);
    assertThat(f.levels.reconciliation(office.id()).vault()).isZero();
  }

  @Test
  void blanks_moved_by_many_threads_at_once_are_never_lost_nor_negative() throws Exception {
    Office office = officeWith("99.03", 400, "PRN-1", "PRN-2");
    User op = f.user(office.id(), "op-99.03", Role.OPERATOR);
    long[] printerIds = {
      f.printers.find(office.id(), "PRN-1").orElseThrow().id(),
      f.printers.find(office.id(), "PRN-2").orElseThrow().id()
    };
    int threads = 10;
    int opsPerThread = 60;
    AtomicInteger printed = new AtomicInteger();
    AtomicInteger spoiled = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    CyclicBarrier start = new CyclicBarrier(threads);
    for (int t = 0; t < threads; t++) {
      long seed = t;
      futures.add(
          pool.submit(
              () -> {
                Random random = new Random(seed);
                start.await();
                for (int i = 0; i < opsPerThread; i++) {
                  int p = random.nextInt(2);
                  long printer = printerIds[p];
                  String code = "PRN-" + (p + 1);
                  long job = seed * 1000 + i;
                  try {
                    switch (random.nextInt(5)) {
                      case 0 -> f.feeders.load(office.id(), code, 1 + random.nextInt(8), op);
                      case 1 -> f.feeders.unload(office.id(), code, 1 + random.nextInt(3), op);
                      case 2, 3 ->
                          f.transactions.run(
                              () -> {
                                f.printRoom.picked(printer, 1, job);
                                f.printRoom.printed(printer, "0A0B0C0D", job, job);
                                printed.incrementAndGet();
                              });
                      default ->
                          f.transactions.run(
                              () -> {
                                f.printRoom.picked(printer, 1, job);
                                f.printRoom.spoiledInside(
                                    printer,
                                    1,
                                    SpoilReason.PRINT_FAIL,
                                    java.util.Optional.empty(),
                                    java.util.Optional.empty(),
                                    job,
                                    "");
                                spoiled.incrementAndGet();
                              });
                    }
                  } catch (DomainException e) {
                    assertThat(e.code()).isEqualTo("INSUFFICIENT_BALANCE");
                    refused.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> future : futures) {
      future.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    Reconciliation r = f.levels.reconciliation(office.id());
    assertThat(r.closes()).isTrue();
    assertThat(r.received()).isEqualTo(400);
    assertThat(r.printed()).isEqualTo(printed.get());
    assertThat(r.spoiled()).isEqualTo(spoiled.get());
    assertThat(r.insidePrinters()).isZero();
    assertThat(f.ledger.balances(office.id()))
        .allSatisfy(b -> assertThat(b.quantity()).isNotNegative());
    assertThat(f.check.run().differences()).isEmpty();
    System.out.printf(
        "concurrency: %d threads x %d ops: printed %d, spoiled %d, refused %d, vault %d, feeders %d%n",
        threads, opsPerThread, printed.get(), spoiled.get(), refused.get(), r.vault(), r.feeders());
  }
}
