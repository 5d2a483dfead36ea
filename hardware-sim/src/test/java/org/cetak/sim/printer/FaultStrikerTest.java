package org.cetak.sim.printer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.fault.FaultType;
import org.cetak.sim.fault.ScriptedFault;
import org.cetak.sim.time.VirtualTimeline;
import org.cetak.sim.truth.GroundTruth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class FaultStrikerTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger(FaultStriker.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void listen() {
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    logger.detachAppender(logged);
  }

  private FaultStriker striker(ScriptedFault... faults) {
    return new FaultStriker(
        "PRN-1",
        new FaultPlan(Map.of(), List.of(faults), 7),
        new GroundTruth(),
        new VirtualTimeline(Instant.parse("2026-03-02T01:00:00Z")));
  }

  @Test
  void a_chip_fault_is_logged_with_its_step_not_a_missing_command() {
    FaultStriker striker = striker(new ScriptedFault(3, FaultType.MUTE_CHIP, null));

    assertThat(striker.strikes(FaultType.MUTE_CHIP, 3, null)).isTrue();

    assertThat(logged.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly("PRN-1: fault MUTE_CHIP strikes card 3 at the chip step");
  }

  @Test
  void a_command_fault_is_logged_with_its_command() {
    FaultStriker striker = striker(new ScriptedFault(2, FaultType.JAM_AT_PRINT, "Se"));

    assertThat(striker.strikes(FaultType.JAM_AT_PRINT, 2, "Se")).isTrue();

    assertThat(logged.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly("PRN-1: fault JAM_AT_PRINT strikes card 2 during Se");
  }
}
