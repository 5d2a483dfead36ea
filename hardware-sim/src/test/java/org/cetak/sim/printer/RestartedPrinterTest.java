package org.cetak.sim.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cetak.sim.card.CardSnapshot;
import org.cetak.sim.card.PhysicalCard;
import org.cetak.sim.fault.FaultPlan;
import org.cetak.sim.time.VirtualTimeline;
import org.cetak.sim.truth.GroundTruth;
import org.junit.jupiter.api.Test;

/**
 * A chip's UID is unique to its card: a simulated printer switched on again from its saved state
 * (its random source seeded as before) gives no chip a UID it gave before, and printers sharing a
 * seed do not give each other's UIDs. A UID is the NXP maker byte, the printer's mark (one per
 * printer in a run, taken from its serial number) and the blank's number: unique by construction,
 * not by the luck of a random draw.
 */
class RestartedPrinterTest {

  private static final long SEED = 7;

  private final VirtualTimeline time = new VirtualTimeline(Instant.parse("2026-01-05T01:00:00Z"));

  private SimulatedPrinter printer(String name, GroundTruth truth) {
    return new SimulatedPrinter(
        PrinterConfig.builder(name).blanks(20).deadChipRate(0).seed(SEED).build(),
        time,
        new FaultPlan(Map.of(), List.of(), SEED),
        truth);
  }

  @Test
  void a_printer_restored_from_its_saved_state_numbers_on_and_repeats_no_uid() {
    GroundTruth firstRun = new GroundTruth();
    SimulatedPrinter first = printer("PRN-1", firstRun);
    first.loadBlanks(30);
    SimulatedPrinter.PhysicalState saved = first.physicalState();
    Set<String> given =
        firstRun.cards().stream().map(CardSnapshot::uid).collect(Collectors.toSet());
    assertThat(given).hasSize(50);
    assertThat(saved.blanksMade()).isEqualTo(50);

    SimulatedPrinter restarted = printer("PRN-1", new GroundTruth());
    restarted.restore(saved);
    restarted.loadBlanks(30);
    List<PhysicalCard> feeder = restarted.takeBlanks(1000);

    assertThat(feeder).hasSize(80);
    assertThat(feeder)
        .extracting(PhysicalCard::number)
        .allSatisfy(n -> assertThat(n).isGreaterThan(50))
        .doesNotHaveDuplicates();
    assertThat(feeder)
        .extracting(PhysicalCard::uidHex)
        .doesNotHaveDuplicates()
        .doesNotContainAnyElementsOf(given);
    assertThat(restarted.physicalState().blanksMade()).isEqualTo(130);
  }

  @Test
  void printers_sharing_a_seed_give_their_chips_different_uids() {
    GroundTruth truth = new GroundTruth();
    printer("PRN-1", truth);
    printer("PRN-2", truth);

    assertThat(truth.cards()).hasSize(40).extracting(CardSnapshot::uid).doesNotHaveDuplicates();
  }

  @Test
  void printers_whose_serials_hash_alike_still_give_different_uids() {
    assertThat("SIM-Aa".hashCode()).isEqualTo("SIM-BB".hashCode());
    GroundTruth truth = new GroundTruth();
    SimulatedPrinter aa = printer("Aa", truth);
    SimulatedPrinter bb = printer("BB", truth);
    aa.loadBlanks(500);
    bb.loadBlanks(500);

    List<CardSnapshot> cards = truth.cards();
    assertThat(cards).hasSize(1040).extracting(CardSnapshot::uid).doesNotHaveDuplicates();
    assertThat(cards)
        .extracting(CardSnapshot::uid)
        .allSatisfy(uid -> assertThat(uid).hasSize(14).startsWith("04"));
    assertThat(truth.cards("Aa"))
        .extracting(c -> c.uid().substring(2, 8))
        .containsOnly(truth.cards("Aa").get(0).uid().substring(2, 8))
        .doesNotContain(truth.cards("BB").get(0).uid().substring(2, 8));
  }

  @Test
  void a_uid_ends_with_the_blanks_number() {
    GroundTruth truth = new GroundTruth();
    printer("PRN-1", truth).loadBlanks(300);

    assertThat(truth.cards("PRN-1"))
        .hasSize(320)
        .allSatisfy(
            c -> assertThat(Integer.parseInt(c.uid().substring(8), 16)).isEqualTo(c.number()));
  }
}
