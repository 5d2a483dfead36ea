package org.cetak.stock;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cetak.common.DomainException;

/**
 * The ledger kept in memory, for tests of the print station that need no database. {@code
 * LedgerContractTest} holds it to the same contract as the jOOQ ledger.
 */
public final class InMemoryLedger implements Ledger {

  private final Clock clock;
  private final List<RecordedMovement> movements = new ArrayList<>();
  private final Map<String, Balance> balances = new LinkedHashMap<>();

  public InMemoryLedger(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized RecordedMovement record(Movement m) {
    if (!m.from().location().isSource()) {
      long holds = balance(m.officeId(), m.item(), m.from());
      if (holds < m.quantity()) {
        throw new DomainException(
            StockError.INSUFFICIENT_BALANCE,
            m.from()
                + " of office "
                + m.officeId()
                + " holds "
                + holds
                + " "
                + m.item()
                + ", cannot move "
                + m.quantity());
      }
      put(m.officeId(), m.item(), m.from(), holds - m.quantity());
    }
    if (!m.to().location().isSource()) {
      put(m.officeId(), m.item(), m.to(), balance(m.officeId(), m.item(), m.to()) + m.quantity());
    }
    RecordedMovement recorded = new RecordedMovement(movements.size() + 1, clock.instant(), m);
    movements.add(recorded);
    return recorded;
  }

  private void put(long officeId, Item item, Place place, long quantity) {
    balances.put(key(officeId, item, place), new Balance(officeId, item, place, quantity));
  }

  private static String key(long officeId, Item item, Place place) {
    return officeId + ":" + item + ":" + place;
  }

  @Override
  public synchronized List<Balance> balances(long officeId) {
    return balances.values().stream().filter(b -> b.officeId() == officeId).toList();
  }

  @Override
  public synchronized long balance(long officeId, Item item, Place place) {
    Balance b = balances.get(key(officeId, item, place));
    return b == null ? 0 : b.quantity();
  }

  @Override
  public synchronized Map<String, Long> flows(long officeId, Instant from, Instant until) {
    Map<String, Long> flows = new HashMap<>();
    for (RecordedMovement r : between(officeId, from, until)) {
      Movement m = r.movement();
      flows.merge(
          m.item() + ":" + m.from().location() + ":" + m.to().location(),
          (long) m.quantity(),
          Long::sum);
    }
    return flows;
  }

  @Override
  public synchronized Map<String, Long> sourced(long officeId) {
    Map<String, Long> sourced = new HashMap<>();
    for (RecordedMovement r : movements) {
      Movement m = r.movement();
      if (m.officeId() == officeId && m.from().location().isSource()) {
        sourced.merge(m.item() + ":" + m.from().location(), (long) m.quantity(), Long::sum);
      }
      if (m.officeId() == officeId && m.to().location().isSource()) {
        sourced.merge(m.item() + ":" + m.to().location(), (long) -m.quantity(), Long::sum);
      }
    }
    return sourced;
  }

  @Override
  public synchronized Map<Long, PrinterOutput> printerOutput(
      long officeId, Instant from, Instant until) {
    Map<Long, PrinterOutput> output = new HashMap<>();
    for (RecordedMovement r : between(officeId, from, until)) {
      Movement m = r.movement();
      Location to = m.to().location();
      if (m.item() == Item.BLANK
          && m.from().printerId().isPresent()
          && (to == Location.PRINTED || to == Location.SPOILED)) {
        output.merge(
            m.from().printerId().get(),
            to == Location.PRINTED
                ? new PrinterOutput(m.quantity(), 0)
                : new PrinterOutput(0, m.quantity()),
            (a, b) -> new PrinterOutput(a.printed() + b.printed(), a.spoiled() + b.spoiled()));
      }
    }
    return output;
  }

  @Override
  public synchronized List<Balance> sumsUntil(long officeId, Instant until) {
    return sums(
        movements.stream()
            .filter(r -> r.movement().officeId() == officeId && r.occurredAt().isBefore(until))
            .toList());
  }

  @Override
  public synchronized List<Balance> allBalances() {
    return List.copyOf(balances.values());
  }

  @Override
  public synchronized List<Balance> allSums() {
    return sums(movements);
  }

  private static List<Balance> sums(List<RecordedMovement> of) {
    Map<String, Balance> sums = new LinkedHashMap<>();
    for (RecordedMovement r : of) {
      Movement m = r.movement();
      add(sums, m.officeId(), m.item(), m.to(), m.quantity());
      add(sums, m.officeId(), m.item(), m.from(), -m.quantity());
    }
    return sums.values().stream().filter(b -> !b.place().location().isSource()).toList();
  }

  private static void add(
      Map<String, Balance> sums, long officeId, Item item, Place place, long quantity) {
    sums.merge(
        key(officeId, item, place),
        new Balance(officeId, item, place, quantity),
        (a, b) -> new Balance(officeId, item, place, a.quantity() + b.quantity()));
  }

  @Override
  public synchronized boolean printerUsed(long officeId, long printerId) {
    return movements.stream()
        .map(RecordedMovement::movement)
        .anyMatch(
            m ->
                m.officeId() == officeId
                    && (m.from().printerId().equals(java.util.Optional.of(printerId))
                        || m.to().printerId().equals(java.util.Optional.of(printerId))));
  }

  @Override
  public synchronized List<RecordedMovement> recent(long officeId, int limit) {
    return movements.stream()
        .filter(r -> r.movement().officeId() == officeId)
        .sorted(Comparator.comparingLong(RecordedMovement::id).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<RecordedMovement> page(LedgerQuery q) {
    return movements.stream()
        .filter(r -> r.movement().officeId() == q.officeId())
        .filter(r -> q.from().map(f -> !r.occurredAt().isBefore(f)).orElse(true))
        .filter(r -> q.until().map(u -> r.occurredAt().isBefore(u)).orElse(true))
        .filter(
            r ->
                q.location()
                    .map(
                        l ->
                            r.movement().from().location() == l
                                || r.movement().to().location() == l)
                    .orElse(true))
        .filter(r -> q.kind().map(k -> r.movement().referenceKind() == k).orElse(true))
        .filter(
            r ->
                q.printerId()
                    .map(
                        p ->
                            r.movement().from().printerId().equals(java.util.Optional.of(p))
                                || r.movement().to().printerId().equals(java.util.Optional.of(p)))
                    .orElse(true))
        .filter(r -> q.before().map(b -> r.id() < b).orElse(true))
        .sorted(Comparator.comparingLong(RecordedMovement::id).reversed())
        .limit(q.limit())
        .toList();
  }

  @Override
  public synchronized List<RecordedMovement> between(long officeId, Instant from, Instant until) {
    return movements.stream()
        .filter(r -> r.movement().officeId() == officeId)
        .filter(r -> !r.occurredAt().isBefore(from) && r.occurredAt().isBefore(until))
        .toList();
  }
}
