package org.cetak.sim.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.cetak.sim.card.PhysicalCard;
import org.cetak.sim.card.Place;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.time.VirtualTimeline;
import org.cetak.sim.truth.GroundTruth;
import org.junit.jupiter.api.Test;

/** An operator carries blanks from one printer's feeder into another's: the same cards move. */
class FeederToFeederTest {

  private final GroundTruth truth = new GroundTruth();
  private final VirtualTimeline time = new VirtualTimeline(Instant.parse("2026-01-05T01:00:00Z"));

  private SimulatedPrinter printer(String name, int blanks) {
    return new SimulatedPrinter(
        PrinterConfig.builder(name).blanks(blanks).deadChipRate(0).build(),
        time,
        FaultPlan.none(),
        truth);
  }

  @Test
  void blanks_taken_from_the_back_of_one_feeder_go_to_the_back_of_another() {
    SimulatedPrinter full = printer("PRN-1", 10);
    SimulatedPrinter dry = printer("PRN-2", 0);

    List<PhysicalCard> carried = full.takeBlanks(4);
    dry.putBlanks(carried);

    assertThat(carried).hasSize(4).allSatisfy(c -> assertThat(c.place()).isEqualTo(Place.FEEDER));
    // the last loaded leave first: the card to be picked next stays in the first printer
    assertThat(carried).extracting(PhysicalCard::number).containsExactly(10, 9, 8, 7);
    assertThat(full.status().feeder()).isEqualTo(6);
    assertThat(dry.status().feeder()).isEqualTo(4);
    assertThat(full.takeBlanks(20)).hasSize(6);
    assertThat(full.status().feeder()).isZero();
  }
}
