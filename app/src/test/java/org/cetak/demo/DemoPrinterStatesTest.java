package org.cetak.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cetak.sim.card.CardSnapshot;
import org.cetak.sim.card.PhysicalCard;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.printer.PrinterConfig;
import org.cetak.sim.printer.SimulatedPrinter;
import org.cetak.sim.time.VirtualTimeline;
import org.cetak.sim.truth.GroundTruth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's simulated printers saved in its data directory and restored at the next start, their
 * random sources seeded as before: the chips of the restarted demo carry UIDs no earlier card had.
 */
class DemoPrinterStatesTest {

  private static final long SEED = 424242;

  @TempDir Path home;

  private final VirtualTimeline time = new VirtualTimeline(Instant.parse("2026-11-30T01:00:00Z"));

  private SimulatedPrinter printer(GroundTruth truth) {
    return new SimulatedPrinter(
        PrinterConfig.builder("PRN-1").blanks(10).deadChipRate(0).seed(SEED).build(),
        time,
        new FaultPlan(Map.of(), List.of(), SEED),
        truth);
  }

  @Test
  void a_restarted_demo_printer_gives_its_chips_uids_no_earlier_card_had() throws Exception {
    Path file = home.resolve("demo-printers.properties");
    GroundTruth firstRun = new GroundTruth();
    SimulatedPrinter first = printer(firstRun);
    first.loadBlanks(5);
    new DemoPrinterStates(file, "cetak-demo-1").save(List.of(first));
    Set<String> before =
        firstRun.cards().stream().map(CardSnapshot::uid).collect(Collectors.toSet());

    SimulatedPrinter restarted = printer(new GroundTruth());
    assertThat(new DemoPrinterStates(file, "cetak-demo-1").restore(Map.of("PRN-1", restarted)))
        .isTrue();
    restarted.loadBlanks(5);
    List<PhysicalCard> feeder = restarted.takeBlanks(100);

    assertThat(Files.readString(file)).contains("PRN-1.blanksMade=15");
    assertThat(feeder).hasSize(20);
    assertThat(feeder)
        .extracting(PhysicalCard::uidHex)
        .doesNotHaveDuplicates()
        .doesNotContainAnyElementsOf(before);
  }

  @Test
  void a_state_saved_before_the_count_was_kept_numbers_after_every_blank_it_counts()
      throws Exception {
    Path file = home.resolve("demo-printers.properties");
    Files.writeString(
        file,
        """
        database=cetak-demo-1
        PRN-1.feeder=7
        PRN-1.ribbonLeft=100
        PRN-1.rejectBox=0
        PRN-1.hopper=0
        PRN-1.picked=30
        PRN-1.panels=60
        PRN-1.printedCards=30
        PRN-1.rejected=0
        PRN-1.coverOpen=false
        PRN-1.inside=
        """);
    SimulatedPrinter restarted = printer(new GroundTruth());

    assertThat(new DemoPrinterStates(file, "cetak-demo-1").restore(Map.of("PRN-1", restarted)))
        .isTrue();

    assertThat(restarted.takeBlanks(100))
        .hasSize(7)
        .extracting(PhysicalCard::number)
        .allSatisfy(n -> assertThat(n).isGreaterThan(37));
  }
}
