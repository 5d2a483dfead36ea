package org.cetak.drivers.chip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cetak.drivers.chip.pcsc.PcscChipEncoder;
import org.cetak.sim.chip.CetakSimProvider;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.fault.FaultType;
import org.cetak.sim.fault.ScriptedFault;
import org.cetak.sim.printer.PrinterConfig;
import org.cetak.sim.printer.Reply;
import org.cetak.sim.printer.Request;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.time.VirtualTimeline;
import org.cetak.sim.truth.GroundTruth;
import org.junit.jupiter.api.Test;

/**
 * The same PC/SC encoder, unchanged, on the simulator's in-JVM javax.smartcardio provider: the chip
 * of the card parked at the printer's contactless station, with the simulator's chip faults.
 */
class SimulatedReaderEncoderTest {

  private static PcscChipEncoder encoderFor(FaultType... chipFaults) {
    ScriptedFault[] script = new ScriptedFault[chipFaults.length];
    for (int i = 0; i < chipFaults.length; i++) {
      script[i] = ScriptedFault.of(1, chipFaults[i]);
    }
    SimulatedPrinter printer =
        new SimulatedPrinter(
            PrinterConfig.builder("PRN-C").blanks(3).deadChipRate(0).seed(3).build(),
            new VirtualTimeline(Instant.parse("2026-11-24T02:00:00Z")),
            new FaultPlan(Map.of(), List.of(script), 3),
            new GroundTruth());
    Reply parked = printer.execute(parkRequest());
    assertThat(parked.text()).isEqualTo("OK");
    return new PcscChipEncoder(
        CetakSimProvider.factory(List.of(printer)), Pattern.compile("Cetak Sim Reader PRN-C"));
  }

  private static Request parkRequest() {
    return new Request.Command("Sic", List.of());
  }

  @Test
  void personalises_the_parked_card() {
    ChipOutcome<Personalised> outcome =
        encoderFor().personalise(TestPayloads.synthetic(1), Duration.ofSeconds(1));

    assertThat(outcome).as("%s", outcome).isInstanceOf(ChipOutcome.Done.class);
  }

  @Test
  void simulated_mute_chip_is_mute() {
    assertThat(encoderFor(FaultType.MUTE_CHIP).readUid(Duration.ofSeconds(1)))
        .isInstanceOf(ChipOutcome.MuteChip.class);
  }

  @Test
  void simulated_removal_mid_write_is_card_removed() {
    ChipOutcome<Personalised> outcome =
        encoderFor(FaultType.CHIP_REMOVED_MID_WRITE)
            .personalise(TestPayloads.synthetic(2), Duration.ofSeconds(1));

    assertThat(outcome).as("%s", outcome).isInstanceOf(ChipOutcome.CardRemoved.class);
  }

  @Test
  void simulated_memory_failure_is_a_refused_write() {
    ChipOutcome<Personalised> outcome =
        encoderFor(FaultType.CHIP_WRITE_FAILURE)
            .personalise(TestPayloads.synthetic(3), Duration.ofSeconds(1));

    assertThat(outcome).as("%s", outcome).isInstanceOf(ChipOutcome.WriteRefused.class);
  }
}
