package org.cetak.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.cetak.allocation.RunTrigger;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportProgress;
import org.cetak.intake.IntakeFixture;
import org.cetak.intake.RequestStatus;
import org.cetak.intake.Residents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The print queue in PostgreSQL gives a spoiled and requeued request (FAILED_REQUEUED, still
 * holding its blank) as the next card when nothing else waits; {@link PreparingCardSupplyTest}
 * shows the printers then take it, on the printer that spoiled it or another.
 */
@DatabaseTest
class RequeuedCardQueueTest {

  private final IntakeFixture f;
  @TempDir Path tmp;

  RequeuedCardQueueTest(DataSource dataSource) {
    f = new IntakeFixture(dataSource);
  }

  @Test
  void a_requeued_request_is_the_next_card_when_the_rest_of_the_queue_has_run_dry() {
    Map<String, String> spoiled = Residents.row(1401, LocalDate.of(2007, 1, 9), "FIRST_CARD");
    Map<String, String> printed = Residents.row(1402, LocalDate.of(2007, 1, 9), "FIRST_CARD");
    try (Bundle bundle =
        Bundle.open(Residents.bundle(tmp.resolve("b"), List.of(spoiled, printed)))) {
      f.imports.importBundle(bundle, "32.71", "operator", ImportProgress.none());
    }
    f.blanks.set(2);
    assertThat(f.allocation.run(f.office.id(), RunTrigger.ON_DEMAND, "test").granted())
        .isEqualTo(2);
    long first = f.queue.nextReserved(f.office.id(), Set.of()).orElseThrow().requestId();
    f.requests.markPrinting(first, "station:PRN-1");
    f.requests.requeue(first, "spoiled (PRINT_FAIL): test", "station:PRN-1");
    long second = f.queue.nextReserved(f.office.id(), Set.of(first)).orElseThrow().requestId();
    f.requests.markPrinting(second, "station:PRN-1");
    f.requests.markPrinted(second, "04A1B2C3D4E5F6", f.clock.instant(), "station:PRN-1");

    // nothing else waits: the requeued request is the next card of the office
    QueuedCard next = f.queue.nextReserved(f.office.id(), Set.of()).orElseThrow();
    assertThat(next.requestId()).isEqualTo(first);
    assertThat(next.status()).isEqualTo(RequestStatus.FAILED_REQUEUED);
    assertThat(f.queue.nextReserved(f.office.id(), Set.of(first))).isEmpty();
  }
}
