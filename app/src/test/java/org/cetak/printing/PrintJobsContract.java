package org.cetak.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.cetak.printing.device.CardPosition;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PrintJobs} does, written once: {@code JooqPrintJobsContractTest} runs it on
 * PostgreSQL, {@code InMemoryPrintJobsContractTest} on the jobs {@code PrintStationTest} uses.
 */
abstract class PrintJobsContract {

  /** The jobs under test, owned by this node. */
  abstract PrintJobs jobs();

  /** A printer with no job, owned by this node. */
  abstract PrinterRef printer();

  /** A request the printer may start (each call another one). */
  abstract long request();

  /** Runs one call the way its callers do (in a transaction). */
  abstract <T> T call(Supplier<T> work);

  private static final Baseline BEFORE = new Baseline(1000, 0, 0, CardPosition.NONE);

  private PrintJob started() {
    long request = request();
    return call(() -> jobs().create(printer(), request, BEFORE, false));
  }

  private PrintJob save(PrintJob next, String event) {
    return call(
        () -> jobs().save(new Transition(next, List.of(), RequestChange.NONE, event), true));
  }

  @Test
  void a_created_job_is_the_printers_open_job_at_picking_with_its_baseline() {
    PrintJob job = started();

    Optional<PrintJob> open = call(() -> jobs().openJob(printer().id()));
    assertThat(open).contains(job);
    assertThat(job.stage()).isEqualTo(Stage.PICKING);
    assertThat(job.card()).isEqualTo(CardHeld.NONE);
    assertThat(job.baseline()).contains(BEFORE);
  }

  @Test
  void a_saved_step_is_read_back_as_the_next_version() {
    PrintJob job = started();
    Baseline parked = new Baseline(1001, 0, 0, CardPosition.CONTACTLESS);
    PrintJob next =
        job.holding(CardHeld.INSIDE)
            .withUid("04A1B2C3D4E5F6")
            .at(Stage.ENCODING, Optional.of(parked), "parked");

    PrintJob saved = save(next, "picked and parked");

    assertThat(saved.version()).isEqualTo(job.version() + 1);
    assertThat(call(() -> jobs().openJob(printer().id()))).contains(saved);
  }

  @Test
  void a_finished_job_is_no_longer_open() {
    PrintJob job = started();

    save(job.at(Stage.NOT_PICKED, job.baseline(), "feeder empty"), "no card picked");

    assertThat(call(() -> jobs().openJob(printer().id()))).isEmpty();
  }

  @Test
  void a_step_saved_from_a_stale_version_is_refused_and_changes_nothing() {
    PrintJob job = started();
    PrintJob first = save(job.at(Stage.ENCODING, job.baseline(), "one"), "one");

    assertThatThrownBy(() -> save(job.at(Stage.PRINTING, job.baseline(), "two"), "two"))
        .isInstanceOf(StaleJobException.class);
    assertThat(call(() -> jobs().openJob(printer().id()))).contains(first);
  }

  @Test
  void the_printer_keeps_the_mode_and_reason_it_was_given() {
    call(
        () -> {
          jobs().setState(printer().id(), PrinterMode.PAUSED, "ribbon change");
          return null;
        });

    assertThat(call(() -> jobs().state(printer().id())))
        .isEqualTo(new PrinterState(PrinterMode.PAUSED, "ribbon change"));
    assertThat(call(() -> jobs().lockOwned(printer())))
        .isEqualTo(new PrinterState(PrinterMode.PAUSED, "ribbon change"));
  }
}
