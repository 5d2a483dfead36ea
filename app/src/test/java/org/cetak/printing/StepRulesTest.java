package org.cetak.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.cetak.printing.Observation.Conclusive;
import org.cetak.printing.Observation.Inconclusive;
import org.cetak.printing.device.CardPosition;
import org.cetak.printing.device.PrinterCondition;
import org.cetak.printing.device.PrinterSnapshot;
import org.cetak.printing.device.StepOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The station's decisions as two tables a reader can check line by line, each checked against
 * {@link StepRules} for every combination: every stage, every observation the printer's counters
 * can produce (one step moves at most two blanks in, two cards to the reject box and one to the
 * hopper, and the cards add up), and every answer of the printer. The first row that matches a
 * combination gives its verdict.
 */
class StepRulesTest {

  private static final Set<Stage> STEPS =
      EnumSet.of(Stage.PICKING, Stage.PRINTING, Stage.REJECTING);
  private static final Set<Stage> NO_STEP = EnumSet.complementOf(EnumSet.copyOf(STEPS));
  private static final Set<Stage> ANY_STAGE = EnumSet.allOf(Stage.class);
  private static final Set<PrinterCondition> UNTOUCHED_PRINT =
      EnumSet.of(PrinterCondition.COVER_OPEN, PrinterCondition.HOPPER_FULL, PrinterCondition.BUSY);

  /** stage | what the counters show | what the printer answered | verdict. */
  private static final List<Row> VERDICTS =
      List.of(
          row(
              ANY_STAGE,
              "counters do not add up",
              o -> o instanceof Inconclusive,
              "any",
              a -> true,
              a -> "UNKNOWN"),
          row(NO_STEP, "anything", o -> true, "any", a -> true, a -> "UNKNOWN"),
          // a pick: the blank goes from the feeder to the chip station
          row(
              Set.of(Stage.PICKING),
              "a card reached the hopper",
              c(o -> o.ejected() > 0),
              "any",
              a -> true,
              a -> "UNKNOWN"),
          row(
              Set.of(Stage.PICKING),
              "no card inside, none picked",
              c(o -> !o.cardInside() && o.picked() == 0),
              "no answer",
              StepRulesTest::noAnswer,
              a -> "SEND_AGAIN"),
          row(
              Set.of(Stage.PICKING),
              "no card inside",
              c(o -> !o.cardInside()),
              "refused for a condition",
              a -> a instanceof StepOutcome.Refused,
              a -> "NOT_PICKED(" + ((StepOutcome.Refused) a).condition() + ")"),
          row(
              Set.of(Stage.PICKING),
              "no card inside",
              c(o -> !o.cardInside()),
              "OK or no answer",
              a -> true,
              a -> "NOT_PICKED(PICK_FAILED)"),
          row(
              Set.of(Stage.PICKING),
              "card at the chip station",
              c(o -> o.position() == CardPosition.CONTACTLESS),
              "any",
              a -> true,
              a -> "PARKED"),
          row(
              Set.of(Stage.PICKING),
              "card jammed",
              c(o -> o.position() == CardPosition.JAMMED),
              "any",
              a -> true,
              a -> "PICKED_NOT_PARKED, jam PAUSE(MECHANICAL)"),
          row(
              Set.of(Stage.PICKING),
              "card inside elsewhere",
              c(o -> true),
              "any",
              a -> true,
              a -> "PICKED_NOT_PARKED"),
          // a print: the card goes from the chip station through the print head to the hopper
          row(
              Set.of(Stage.PRINTING),
              "a blank was picked",
              c(o -> o.picked() > 0),
              "any",
              a -> true,
              a -> "UNKNOWN"),
          row(
              Set.of(Stage.PRINTING),
              "card out, one in the hopper, none rejected",
              c(o -> !o.cardInside() && o.ejected() == 1 && o.rejected() == 0),
              "any",
              a -> true,
              a -> "PRINTED"),
          row(
              Set.of(Stage.PRINTING),
              "card out, one rejected, none in the hopper",
              c(o -> !o.cardInside() && o.rejected() == 1 && o.ejected() == 0),
              "any",
              a -> true,
              a -> "SPOILED"),
          row(
              Set.of(Stage.PRINTING),
              "anything but a card inside with no counter moved",
              c(o -> !o.cardInside() || !o.nothingMoved()),
              "any",
              a -> true,
              a -> "UNKNOWN"),
          row(
              Set.of(Stage.PRINTING),
              "card inside, no counter moved",
              c(o -> true),
              "refused: cover open, hopper full or busy",
              a -> a instanceof StepOutcome.Refused r && UNTOUCHED_PRINT.contains(r.condition()),
              a -> "PAUSE(" + ((StepOutcome.Refused) a).condition() + ")"),
          row(
              Set.of(Stage.PRINTING),
              "card inside, where it was",
              c(Conclusive::stoodStill),
              "no answer",
              StepRulesTest::noAnswer,
              a -> "SEND_AGAIN"),
          row(
              Set.of(Stage.PRINTING),
              "card jammed",
              c(o -> o.position() == CardPosition.JAMMED),
              "any other",
              a -> true,
              a -> "REJECT, jam PAUSE(MECHANICAL)"),
          row(
              Set.of(Stage.PRINTING),
              "card inside",
              c(o -> true),
              "refused for a condition that needs an operator",
              a -> a instanceof StepOutcome.Refused r && r.condition().pauses(),
              a -> "REJECT then PAUSE(" + ((StepOutcome.Refused) a).condition() + ")"),
          row(
              Set.of(Stage.PRINTING),
              "card inside",
              c(o -> true),
              "any other",
              a -> true,
              a -> "REJECT"),
          // a reject: the card goes into the reject box
          row(
              Set.of(Stage.REJECTING),
              "a blank picked or a card in the hopper",
              c(o -> o.picked() > 0 || o.ejected() > 0),
              "any",
              a -> true,
              a -> "UNKNOWN"),
          row(
              Set.of(Stage.REJECTING),
              "card out, one rejected",
              c(o -> !o.cardInside() && o.rejected() == 1),
              "any",
              a -> true,
              a -> "REJECTED"),
          row(
              Set.of(Stage.REJECTING),
              "anything but a card inside with no counter moved",
              c(o -> !o.cardInside() || !o.nothingMoved()),
              "any",
              a -> true,
              a -> "UNKNOWN"),
          row(
              Set.of(Stage.REJECTING),
              "card inside, no counter moved",
              c(o -> true),
              "refused for a condition that needs an operator",
              a -> a instanceof StepOutcome.Refused r && r.condition().pauses(),
              a -> "PAUSE(" + ((StepOutcome.Refused) a).condition() + ")"),
          row(
              Set.of(Stage.REJECTING),
              "card jammed",
              c(o -> o.position() == CardPosition.JAMMED),
              "any other",
              a -> true,
              a -> "PAUSE(MECHANICAL)"),
          row(
              Set.of(Stage.REJECTING),
              "card inside",
              c(o -> true),
              "any other",
              a -> true,
              a -> "SEND_AGAIN"));

  @ParameterizedTest(name = "{0} | {1} | {2}")
  @MethodSource("everyStageObservationAndAnswer")
  void the_verdict_is_the_tables(Stage stage, Observation seen, StepOutcome answer) {
    Row row = firstMatch(stage, seen, answer);

    assertThat(label(StepRules.verdict(stage, seen, answer)))
        .as("row '%s | %s | %s'", row.observation, row.answer, row.verdict.apply(answer))
        .isEqualTo(row.verdict.apply(answer));
  }

  @Test
  void every_row_of_the_verdict_table_decides_some_combination() {
    Set<Row> used = new java.util.HashSet<>();
    everyStageObservationAndAnswer()
        .map(Arguments::get)
        .forEach(a -> used.add(firstMatch((Stage) a[0], (Observation) a[1], (StepOutcome) a[2])));

    assertThat(VERDICTS).allMatch(used::contains);
  }

  @Test
  void the_counters_can_show_171_observations() {
    assertThat(observations()).hasSize(171);
  }

  static Stream<Arguments> everyStageObservationAndAnswer() {
    List<Arguments> all = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      for (Observation seen : observations()) {
        for (StepOutcome answer : answers()) {
          all.add(Arguments.of(stage, seen, answer));
        }
      }
    }
    return all.stream();
  }

  /** Every observation the counters can produce between a baseline and a later status. */
  static List<Observation> observations() {
    List<Observation> all = new ArrayList<>();
    all.add(new Inconclusive("the reject box was emptied"));
    for (CardPosition before : CardPosition.values()) {
      for (CardPosition after : CardPosition.values()) {
        for (int picked = 0; picked <= 2; picked++) {
          for (int rejected = 0; rejected <= 2; rejected++) {
            for (int ejected = 0; ejected <= 1; ejected++) {
              int in = before.cardInside() ? 1 : 0;
              int out = after.cardInside() ? 1 : 0;
              if (in + picked == rejected + ejected + out) {
                all.add(new Conclusive(picked, rejected, ejected, before, after));
              }
            }
          }
        }
      }
    }
    return all;
  }

  static List<StepOutcome> answers() {
    List<StepOutcome> all = new ArrayList<>();
    all.add(new StepOutcome.Done());
    all.add(new StepOutcome.NoAnswer("timeout"));
    for (PrinterCondition condition : PrinterCondition.values()) {
      all.add(new StepOutcome.Refused(condition, "ERR " + condition));
    }
    return all;
  }

  private static Row firstMatch(Stage stage, Observation seen, StepOutcome answer) {
    return VERDICTS.stream()
        .filter(r -> r.stages.contains(stage) && r.seen.test(seen) && r.answered.test(answer))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + stage + " " + seen + " " + answer));
  }

  private static String label(Verdict verdict) {
    return switch (verdict.kind()) {
      case UNKNOWN, SEND_AGAIN, PARKED, PRINTED, SPOILED, REJECTED -> verdict.kind().name();
      case PICKED_NOT_PARKED ->
          ((Verdict.PickedNotParked) verdict).at() == CardPosition.JAMMED
              ? "PICKED_NOT_PARKED, jam PAUSE(MECHANICAL)"
              : "PICKED_NOT_PARKED";
      case NOT_PICKED -> "NOT_PICKED(" + ((Verdict.NotPicked) verdict).why() + ")";
      case PAUSE -> "PAUSE(" + ((Verdict.Pause) verdict).condition() + ")";
      case REJECT -> {
        Verdict.Reject r = (Verdict.Reject) verdict;
        yield r.at() == CardPosition.JAMMED
            ? "REJECT, jam PAUSE(MECHANICAL)"
            : r.pauseAfter() == PrinterCondition.NONE
                ? "REJECT"
                : "REJECT then PAUSE(" + r.pauseAfter() + ")";
      }
    };
  }

  private static boolean noAnswer(StepOutcome answer) {
    return answer instanceof StepOutcome.NoAnswer;
  }

  /** An observation whose counters add up, and match. */
  private static Predicate<Observation> c(Predicate<Conclusive> test) {
    return o -> o instanceof Conclusive conclusive && test.test(conclusive);
  }

  private record Row(
      Set<Stage> stages,
      String observation,
      Predicate<Observation> seen,
      String answer,
      Predicate<StepOutcome> answered,
      Function<StepOutcome, String> verdict) {}

  private static Row row(
      Set<Stage> stages,
      String observation,
      Predicate<Observation> seen,
      String answer,
      Predicate<StepOutcome> answered,
      Function<StepOutcome, String> verdict) {
    return new Row(stages, observation, seen, answer, answered, verdict);
  }

  // --- what keeps the printer from taking a step's command -------------------------------------

  /** stage | what the printer reports | blocker; the first matching row counts. */
  private static final List<BlockerRow> BLOCKERS =
      List.of(
          new BlockerRow(
              Set.of(Stage.PICKING),
              "what the printer itself reports",
              s -> true,
              PrinterSnapshot::blocker),
          new BlockerRow(
              Set.of(Stage.PRINTING),
              "cover open",
              PrinterSnapshot::coverOpen,
              s -> PrinterCondition.COVER_OPEN),
          new BlockerRow(
              Set.of(Stage.PRINTING),
              "head cooling",
              PrinterSnapshot::cooling,
              s -> PrinterCondition.HEAD_TEMP),
          new BlockerRow(
              Set.of(Stage.PRINTING),
              "no ribbon",
              s -> s.ribbon() <= 0,
              s -> PrinterCondition.RIBBON),
          new BlockerRow(
              Set.of(Stage.PRINTING),
              "output hopper full",
              s -> s.hopperCount() >= s.hopperCapacity(),
              s -> PrinterCondition.HOPPER_FULL),
          new BlockerRow(
              Set.of(Stage.REJECTING),
              "cover open",
              PrinterSnapshot::coverOpen,
              s -> PrinterCondition.COVER_OPEN),
          new BlockerRow(
              Set.of(Stage.REJECTING),
              "reject box full",
              s -> s.rejectCount() >= s.rejectCapacity(),
              s -> PrinterCondition.REJECT_BOX_FULL),
          new BlockerRow(ANY_STAGE, "anything else", s -> true, s -> PrinterCondition.NONE));

  @ParameterizedTest(name = "{0} | {1}")
  @MethodSource("everyStageAndPrinterStatus")
  void the_blocker_is_the_tables(Stage stage, PrinterSnapshot status) {
    BlockerRow row =
        BLOCKERS.stream()
            .filter(r -> r.stages.contains(stage) && r.applies.test(status))
            .findFirst()
            .orElseThrow();

    assertThat(StepRules.blocker(stage, status))
        .as(row.status)
        .isEqualTo(row.blocker.apply(status));
  }

  static Stream<Arguments> everyStageAndPrinterStatus() {
    List<Arguments> all = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      for (int flags = 0; flags < 64; flags++) {
        for (PrinterCondition condition : List.of(PrinterCondition.NONE, PrinterCondition.OTHER)) {
          all.add(Arguments.of(stage, status(flags, condition)));
        }
      }
    }
    return all.stream();
  }

  /** A status with each of six blocking facts on or off, by the bits of {@code flags}. */
  private static PrinterSnapshot status(int flags, PrinterCondition condition) {
    boolean coverOpen = (flags & 1) != 0;
    boolean cooling = (flags & 2) != 0;
    boolean feederEmpty = (flags & 4) != 0;
    boolean noRibbon = (flags & 8) != 0;
    boolean rejectFull = (flags & 16) != 0;
    boolean hopperFull = (flags & 32) != 0;
    return new PrinterSnapshot(
        CardPosition.CONTACTLESS,
        true,
        cooling,
        condition,
        feederEmpty ? 0 : 50,
        noRibbon ? 0 : 300,
        rejectFull ? 20 : 3,
        20,
        hopperFull ? 100 : 7,
        100,
        coverOpen,
        40,
        1000);
  }

  private record BlockerRow(
      Set<Stage> stages,
      String status,
      Predicate<PrinterSnapshot> applies,
      Function<PrinterSnapshot, PrinterCondition> blocker) {}
}
