package org.cetak.printing.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.StationWorker;
import org.cetak.printing.StepRecorder;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.scenario.SimulatedRoom;
import org.cetak.stock.Printer;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A print station's thread ends on an error no step catches (the heap exhausted, say) just after
 * the printer picked a blank and before the step was persisted: the node starts the station again,
 * which reads from the database and the printer where that card is, as after a restart, and the
 * printer prints its queue. Without it the node went on renewing the lease of a printer nobody
 * drove. The error is thrown by a spy of the step recorder: nothing real makes a station's thread
 * run out of memory at a chosen step.
 */
@OnePrinterStationTest
// the spy makes a context of its own: closed after the class, so its pool's connections are given
// back
@DirtiesContext
@TestPropertySource(
    properties = {
      "cetak.demo.scenario=classpath:print-room/one-clean.yaml",
      "cetak.station.node=failed-station"
    })
class FailedStationRestartTest {

  @Autowired SimulatedRoom room;
  @Autowired RoomScene scene;
  @Autowired OfficeDirectory offices;
  @Autowired PrintJobs jobs;
  @Autowired DSLContext db;
  @MockitoSpyBean StepRecorder steps;

  @Test
  void a_station_ended_by_an_error_is_started_again_and_prints_its_queue() throws Exception {
    User admin = TestUsers.everyRole(offices);
    Printer printer = scene.printerWithBlanks("PRN-1", "BA/UJI/2026/0217", 4, admin);
    SimulatedPrinter sim = room.printer("PRN-1");
    sim.loadBlanks(4);
    scene.queue(217, 3);
    long queued = scene.requests("RESERVED");
    assertThat(queued).as("requests holding a blank").isGreaterThanOrEqualTo(2);
    Logger workerLog = (Logger) LoggerFactory.getLogger(StationWorker.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    workerLog.addAppender(logged);
    Mockito.doThrow(new OutOfMemoryError("Java heap space"))
        .doCallRealMethod()
        .when(steps)
        .apply(any());
    try {
      scene.start(printer);

      Awaitility.await("the reserved requests printed")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> scene.requests("PRINTED") == queued && jobs.openJob(printer.id()).isEmpty());
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          "printer "
              + jobs.state(printer.id())
              + ", open job "
              + jobs.openJob(printer.id())
              + ", requests "
              + db.fetch("select status, count(*) from print_request group by status")
              + ", sim "
              + sim.status(),
          e);
    } finally {
      workerLog.detachAppender(logged);
    }

    assertThat(logged.list)
        .as("the error that ended the station, logged")
        .anySatisfy(
            e -> {
              assertThat(e.getLevel()).isEqualTo(Level.ERROR);
              assertThat(e.getThrowableProxy().getClassName())
                  .isEqualTo(OutOfMemoryError.class.getName());
            });
    scene.assertEveryBlankAccountedFor(printer, sim, queued, 4);
  }
}
