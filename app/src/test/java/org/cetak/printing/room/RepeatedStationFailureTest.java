package org.cetak.printing.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;

import java.time.Duration;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.HaltCause;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.PrinterState;
import org.cetak.printing.StepRecorder;
import org.cetak.printing.config.StationRuntime;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.scenario.SimulatedRoom;
import org.cetak.stock.Printer;
import org.cetak.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A print station whose thread ends on the same error at every start (a step that always runs out
 * of memory) is not started again and again: after three errors within ten minutes its printer is
 * quarantined with the cause the console words, nothing drives it, and once the cause is gone and
 * an operator resumes it, the station starts and prints its queue with every blank accounted for.
 * The error is thrown by a spy of the step recorder: nothing real makes a station's thread run out
 * of memory at a chosen step.
 */
@OnePrinterStationTest
// the spy makes a context of its own: closed after the class, so its pool's connections are given
// back
@DirtiesContext
@TestPropertySource(
    properties = {
      "cetak.demo.scenario=classpath:print-room/one-clean.yaml",
      "cetak.station.node=failing-station"
    })
class RepeatedStationFailureTest {

  @Autowired SimulatedRoom room;
  @Autowired RoomScene scene;
  @Autowired OfficeDirectory offices;
  @Autowired PrintJobs jobs;
  @Autowired StationRuntime runtime;
  @MockitoSpyBean StepRecorder steps;

  @Test
  void a_station_that_keeps_failing_is_quarantined_until_an_operator_resumes_it() throws Exception {
    User admin = TestUsers.everyRole(offices);
    Printer printer = scene.printerWithBlanks("PRN-1", "BA/UJI/2026/0218", 4, admin);
    SimulatedPrinter sim = room.printer("PRN-1");
    sim.loadBlanks(4);
    scene.queue(218, 3);
    long queued = scene.requests("RESERVED");
    assertThat(queued).as("requests holding a blank").isGreaterThanOrEqualTo(2);
    Mockito.doThrow(new OutOfMemoryError("Java heap space")).when(steps).apply(any());

    scene.start(printer);

    Awaitility.await("the printer quarantined after its station kept failing")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> jobs.state(printer.id()).cause().isPresent());
    PrinterState state = jobs.state(printer.id());
    assertThat(state.mode()).isEqualTo(PrinterMode.QUARANTINED);
    assertThat(state.cause()).contains(HaltCause.STATION_KEEPS_FAILING);
    assertThat(state.reason())
        .isEqualTo("3 errors in 10 minutes; the last: java.lang.OutOfMemoryError: Java heap space");
    int stepsTried = Mockito.mockingDetails(steps).getInvocations().size();
    // three lease rounds (a third of cetak.station.lease=3s each): a station restarted would step
    Thread.sleep(3_500);
    assertThat(runtime.drives(printer.id())).as("a station driving the printer").isFalse();
    assertThat(Mockito.mockingDetails(steps).getInvocations())
        .as("steps tried while quarantined")
        .hasSize(stepsTried);
    assertThat(scene.requests("PRINTED")).isZero();

    Mockito.doCallRealMethod().when(steps).apply(any());
    scene.start(printer); // the operator resumes it

    Awaitility.await("the reserved requests printed after the resume")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> scene.requests("PRINTED") == queued && jobs.openJob(printer.id()).isEmpty());
    assertThat(jobs.state(printer.id()).cause()).isEqualTo(Optional.empty());
    scene.assertEveryBlankAccountedFor(printer, sim, queued, 4);
  }
}
