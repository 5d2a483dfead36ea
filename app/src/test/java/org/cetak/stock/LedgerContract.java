package org.cetak.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.cetak.common.DomainException;
import org.cetak.support.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Ledger} does, written once: {@code JooqLedgerContractTest} runs it on
 * PostgreSQL, {@code InMemoryLedgerContractTest} on the ledger the print-station tests use.
 */
abstract class LedgerContract {

  /** The ledger under test, empty, recording at {@link #clock()}'s time. */
  abstract Ledger ledger();

  abstract MutableClock clock();

  /** An office of the ledger. */
  abstract long office();

  /** A printer of that office. */
  abstract long printer();

  /** Runs one ledger call the way its callers do (in a transaction where one is needed). */
  abstract <T> T call(java.util.function.Supplier<T> work);

  private Place vault() {
    return Place.of(Location.VAULT);
  }

  private RecordedMovement move(Place from, Place to, int quantity, String reason) {
    return call(
        () ->
            ledger()
                .record(
                    new Movement(
                        office(),
                        Item.BLANK,
                        from,
                        to,
                        quantity,
                        reason,
                        "contract",
                        ReferenceKind.PRINTER,
                        printer(),
                        Movement.Detail.none())));
  }

  private long balance(Place place) {
    return call(() -> ledger().balance(office(), Item.BLANK, place));
  }

  @Test
  void a_page_of_the_ledger_is_filtered_and_the_next_page_starts_below_the_last_id() {
    RecordedMovement drop = move(Place.of(Location.CENTRE), vault(), 100, "DROP_RECEIVED");
    clock().advance(Duration.ofDays(2));
    Instant later = clock().instant();
    List<Long> loads = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      loads.add(move(vault(), Place.feeder(printer()), 1, "FEEDER_LOADED").id());
    }
    RecordedMovement spoiled =
        move(Place.feeder(printer()), Place.of(Location.SPOILED), 1, "PRINT_FAIL");

    List<RecordedMovement> first = page(Optional.empty(), Optional.empty(), Optional.empty(), 3);
    assertThat(first)
        .extracting(RecordedMovement::id)
        .containsExactly(spoiled.id(), loads.get(4), loads.get(3));
    List<RecordedMovement> second =
        page(Optional.empty(), Optional.empty(), Optional.of(first.get(2).id()), 10);
    assertThat(second)
        .extracting(RecordedMovement::id)
        .containsExactly(loads.get(2), loads.get(1), loads.get(0), drop.id());

    assertThat(page(Optional.of(Location.SPOILED), Optional.empty(), Optional.empty(), 10))
        .extracting(RecordedMovement::id)
        .containsExactly(spoiled.id());
    assertThat(page(Optional.of(Location.CENTRE), Optional.empty(), Optional.empty(), 10))
        .extracting(RecordedMovement::id)
        .containsExactly(drop.id());
    List<RecordedMovement> beforeLater =
        call(
            () ->
                ledger()
                    .page(
                        new LedgerQuery(
                            office(),
                            Optional.empty(),
                            Optional.of(later),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of(printer()),
                            Optional.empty(),
                            10)));
    assertThat(beforeLater).isEmpty();
    List<RecordedMovement> fromLater =
        call(
            () ->
                ledger()
                    .page(
                        new LedgerQuery(
                            office(),
                            Optional.of(later),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of(ReferenceKind.PRINTER),
                            Optional.of(printer()),
                            Optional.empty(),
                            10)));
    assertThat(fromLater).hasSize(6);
  }

  private List<RecordedMovement> page(
      Optional<Location> location, Optional<Instant> from, Optional<Long> before, int limit) {
    return call(
        () ->
            ledger()
                .page(
                    new LedgerQuery(
                        office(),
                        from,
                        Optional.empty(),
                        location,
                        Optional.empty(),
                        Optional.empty(),
                        before,
                        limit)));
  }

  @Test
  void a_source_gives_without_holding_and_the_target_holds_what_it_received() {
    RecordedMovement recorded = move(Place.of(Location.CENTRE), vault(), 100, "DROP");

    assertThat(recorded.movement().quantity()).isEqualTo(100);
    assertThat(balance(vault())).isEqualTo(100);
    assertThat(balance(Place.of(Location.CENTRE))).isZero();
  }

  @Test
  void a_movement_takes_from_one_place_what_it_gives_to_the_other() {
    move(Place.of(Location.CENTRE), vault(), 100, "DROP");
    move(vault(), Place.feeder(printer()), 30, "LOADED");

    assertThat(balance(vault())).isEqualTo(70);
    assertThat(balance(Place.feeder(printer()))).isEqualTo(30);
  }

  @Test
  void a_movement_taking_more_than_a_place_holds_is_refused_and_changes_nothing() {
    move(Place.of(Location.CENTRE), vault(), 5, "DROP");
    int before = call(() -> ledger().recent(office(), 100)).size();

    assertThatThrownBy(() -> move(vault(), Place.feeder(printer()), 6, "LOADED"))
        .isInstanceOf(DomainException.class)
        .hasFieldOrPropertyWithValue("error", StockError.INSUFFICIENT_BALANCE);
    assertThat(balance(vault())).isEqualTo(5);
    assertThat(balance(Place.feeder(printer()))).isZero();
    assertThat(call(() -> ledger().recent(office(), 100))).hasSize(before);
  }

  @Test
  void the_sums_of_the_movements_equal_the_maintained_balances() {
    move(Place.of(Location.CENTRE), vault(), 50, "DROP");
    move(vault(), Place.feeder(printer()), 20, "LOADED");
    move(Place.feeder(printer()), Place.inside(printer()), 2, "PICKED");
    move(Place.inside(printer()), Place.of(Location.PRINTED), 1, "PRINTED");

    List<Balance> balances = call(() -> ledger().balances(office()));
    List<Balance> sums = call(() -> ledger().sumsUntil(office(), clock().instant().plusSeconds(1)));
    assertThat(sums).containsExactlyInAnyOrderElementsOf(balances);
  }

  @Test
  void the_sums_until_an_instant_count_only_the_movements_before_it() {
    Instant start = clock().instant();
    move(Place.of(Location.CENTRE), vault(), 50, "DROP");
    clock().advance(Duration.ofHours(1));
    Instant loaded = clock().instant();
    move(vault(), Place.feeder(printer()), 20, "LOADED");
    clock().advance(Duration.ofHours(1));
    Instant picked = clock().instant();
    move(Place.feeder(printer()), Place.inside(printer()), 2, "PICKED");
    move(Place.inside(printer()), Place.of(Location.PRINTED), 1, "PRINTED");

    assertThat(held(start)).isEmpty();
    assertThat(held(loaded)).containsExactly(entry(vault(), 50L));
    assertThat(held(picked)).containsOnly(entry(vault(), 30L), entry(Place.feeder(printer()), 20L));
    assertThat(held(picked.plusSeconds(1)))
        .containsOnly(
            entry(vault(), 30L),
            entry(Place.feeder(printer()), 18L),
            entry(Place.inside(printer()), 1L),
            entry(Place.of(Location.PRINTED), 1L));
  }

  /** What the sums until then say each place holds, places holding nothing left out. */
  private java.util.Map<Place, Long> held(Instant until) {
    java.util.Map<Place, Long> held = new java.util.HashMap<>();
    for (Balance b : call(() -> ledger().sumsUntil(office(), until))) {
      if (b.quantity() != 0) {
        held.merge(b.place(), b.quantity(), Long::sum);
      }
    }
    return held;
  }

  @Test
  void flows_add_up_what_moved_between_two_kinds_of_place_in_the_window() {
    Instant start = clock().instant();
    move(Place.of(Location.CENTRE), vault(), 50, "DROP");
    move(vault(), Place.feeder(printer()), 20, "LOADED");
    move(vault(), Place.feeder(printer()), 5, "LOADED");
    clock().advance(Duration.ofHours(1));
    move(vault(), Place.feeder(printer()), 7, "LOADED");

    assertThat(call(() -> ledger().flows(office(), start, start.plus(Duration.ofMinutes(30)))))
        .containsEntry("BLANK:CENTRE:VAULT", 50L)
        .containsEntry("BLANK:VAULT:FEEDER", 25L)
        .hasSize(2);
  }

  @Test
  void sourced_keeps_what_came_in_from_each_source_however_long_ago() {
    move(Place.of(Location.CENTRE), vault(), 50, "DROP");
    clock().advance(Duration.ofDays(400));
    move(Place.of(Location.CENTRE), vault(), 7, "DROP");
    move(Place.of(Location.BORROWED), vault(), 3, "BORROWED");
    move(vault(), Place.feeder(printer()), 5, "LOADED");

    assertThat(call(() -> ledger().sourced(office())))
        .containsOnly(entry("BLANK:CENTRE", 57L), entry("BLANK:BORROWED", 3L));
  }

  @Test
  void printer_output_counts_the_blanks_a_printer_sent_to_either_pile_in_whole_hours() {
    Place inside = Place.inside(printer());
    move(Place.of(Location.CENTRE), vault(), 20, "DROP");
    move(vault(), Place.feeder(printer()), 10, "LOADED");
    move(Place.feeder(printer()), inside, 6, "PICKED");
    Instant hour = clock().instant().truncatedTo(ChronoUnit.HOURS);
    move(inside, Place.of(Location.PRINTED), 3, "PRINTED");
    move(inside, Place.of(Location.SPOILED), 1, "PRINT_FAIL");
    move(vault(), Place.of(Location.SPOILED), 2, "FACTORY_DEFECT"); // not at a printer
    clock().advance(Duration.ofHours(1));
    move(inside, Place.of(Location.PRINTED), 1, "PRINTED");
    move(Place.feeder(printer()), Place.of(Location.SPOILED), 1, "SPOILED_IN_FEEDER");

    assertThat(call(() -> ledger().printerOutput(office(), hour, hour.plus(Duration.ofHours(1)))))
        .containsOnly(entry(printer(), new PrinterOutput(3, 1)));
    assertThat(call(() -> ledger().printerOutput(office(), hour, hour.plus(Duration.ofHours(2)))))
        .containsOnly(entry(printer(), new PrinterOutput(4, 2)));
    assertThat(call(() -> ledger().printerOutput(office(), hour.minus(Duration.ofHours(1)), hour)))
        .isEmpty();
  }

  @Test
  void a_printer_is_used_once_a_movement_touched_one_of_its_places() {
    assertThat(call(() -> ledger().printerUsed(office(), printer()))).isFalse();
    move(Place.of(Location.CENTRE), vault(), 10, "DROP");
    assertThat(call(() -> ledger().printerUsed(office(), printer()))).isFalse();

    move(vault(), Place.feeder(printer()), 1, "LOADED");

    assertThat(call(() -> ledger().printerUsed(office(), printer()))).isTrue();
  }

  @Test
  void recent_gives_the_newest_first_and_between_the_oldest_first_in_the_window() {
    Instant start = clock().instant();
    move(Place.of(Location.CENTRE), vault(), 10, "FIRST");
    clock().advance(Duration.ofMinutes(1));
    move(vault(), Place.feeder(printer()), 1, "SECOND");
    clock().advance(Duration.ofMinutes(1));
    move(vault(), Place.feeder(printer()), 1, "THIRD");

    assertThat(call(() -> ledger().recent(office(), 2)))
        .extracting(r -> r.movement().reason())
        .containsExactly("THIRD", "SECOND");
    assertThat(call(() -> ledger().between(office(), start, start.plus(Duration.ofMinutes(2)))))
        .extracting(r -> r.movement().reason())
        .containsExactly("FIRST", "SECOND");
  }

  @Test
  void a_movement_keeps_what_is_known_of_its_cards() {
    move(Place.of(Location.CENTRE), vault(), 10, "DROP");
    Movement.Detail detail =
        new Movement.Detail(
            Optional.of("A0001"), Optional.of("A0010"), Optional.empty(), Optional.empty(), "n");
    call(
        () ->
            ledger()
                .record(
                    new Movement(
                        office(),
                        Item.BLANK,
                        vault(),
                        Place.of(Location.SPOILED),
                        1,
                        "FACTORY_DEFECT",
                        "contract",
                        ReferenceKind.PRINTER,
                        printer(),
                        detail)));

    assertThat(call(() -> ledger().recent(office(), 1)).get(0).movement().detail())
        .isEqualTo(detail);
  }
}
