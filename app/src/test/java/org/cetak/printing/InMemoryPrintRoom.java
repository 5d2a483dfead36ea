package org.cetak.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.cetak.common.Transactions;
import org.cetak.intake.Payloads;
import org.cetak.intake.RequestStatus;
import org.cetak.notify.Outbox;
import org.cetak.request.RequestLifecycle;
import org.cetak.stock.InMemoryLedger;
import org.cetak.stock.Item;
import org.cetak.stock.Location;
import org.cetak.stock.Movement;
import org.cetak.stock.Place;
import org.cetak.stock.Printer;
import org.cetak.stock.Printers;
import org.cetak.stock.ReferenceKind;

/**
 * One printer's print room kept in memory — jobs, ledger, requests, outbox — recorded through the
 * real {@link StepRecorder}, so decision tests check that every blank is accounted for after each
 * fault without a database.
 */
final class InMemoryPrintRoom {

  static final PrinterRef PRINTER = new PrinterRef(1, 1, "PRN-1");

  final InMemoryPrintJobs jobs = new InMemoryPrintJobs();
  final InMemoryLedger ledger = new InMemoryLedger(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
  final Map<Long, RequestStatus> requests = new HashMap<>();
  final Map<Long, Outbox.PrintedCard> outbox = new HashMap<>();
  final StepRecorder steps;

  private final int blanks;

  InMemoryPrintRoom(int feeder) {
    this.blanks = feeder;
    Transactions direct =
        new Transactions() {
          @Override
          public <T> T inTransaction(Supplier<T> work) {
            return work.get();
          }
        };
    Printer printer = new Printer(PRINTER.id(), PRINTER.officeId(), PRINTER.code(), "", "Primacy");
    Printers printers =
        new Printers() {
          @Override
          public Printer register(long officeId, String code, String name, String model) {
            throw new UnsupportedOperationException("one printer only");
          }

          @Override
          public Optional<Printer> find(long officeId, String code) {
            return code.equals(printer.code()) ? Optional.of(printer) : Optional.empty();
          }

          @Override
          public Optional<Printer> byId(long printerId) {
            return printerId == printer.id() ? Optional.of(printer) : Optional.empty();
          }

          @Override
          public List<Printer> list(long officeId) {
            return List.of(printer);
          }
        };
    ledger.record(
        new Movement(
            PRINTER.officeId(),
            Item.BLANK,
            Place.of(Location.CENTRE),
            Place.feeder(PRINTER.id()),
            feeder,
            "LOADED",
            "test",
            ReferenceKind.PRINTER,
            PRINTER.id(),
            Movement.Detail.none()));
    steps =
        new StepRecorder(
            jobs,
            new PrintRoomLedger(ledger, printers),
            new Requests(),
            (card, awaitingCheck) -> outbox.putIfAbsent(card.printJobId(), card),
            org.cetak.quality.CheckQueue.none(),
            new NoGrants(),
            direct,
            new NoAudit(),
            Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
  }

  int feeder() {
    return count(Place.feeder(PRINTER.id()));
  }

  int inside() {
    return count(Place.inside(PRINTER.id()));
  }

  int printed() {
    return count(Place.of(Location.PRINTED));
  }

  int spoiled() {
    return count(Place.of(Location.SPOILED));
  }

  int unknown() {
    return count(Place.unknown(PRINTER.id()));
  }

  int total() {
    return feeder() + inside() + printed() + spoiled() + unknown();
  }

  /** Every blank loaded is still counted, and the ledger's places match the printer's. */
  void assertMatches(FakePrinter printer) {
    assertThat(total()).as("blanks counted").isEqualTo(blanks);
    assertThat(feeder()).as("feeder").isEqualTo(printer.feeder);
    assertThat(printed()).as("printed").isEqualTo(printer.hopper);
    assertThat(spoiled()).as("spoiled").isEqualTo(printer.rejectBox);
  }

  /** Ticks the station until it is idle or halted. */
  static void runUntilHalted(PrintStation station) {
    for (int i = 0; i < 100; i++) {
      if (station.tick() != PrintStation.Tick.BUSY) {
        return;
      }
    }
    throw new AssertionError("station never settled");
  }

  private int count(Place place) {
    return Math.toIntExact(ledger.balance(PRINTER.officeId(), Item.BLANK, place));
  }

  PrinterState state() {
    return jobs.state(PRINTER.id());
  }

  /** Requests as a queue would move them: only the moves {@link RequestStatus} allows. */
  private final class Requests implements RequestLifecycle {

    private void move(long requestId, RequestStatus to) {
      RequestStatus from = requests.get(requestId);
      if (from == null || !from.canMoveTo(to)) {
        throw new IllegalStateException("request " + requestId + " " + from + " -> " + to);
      }
      requests.put(requestId, to);
    }

    @Override
    public void markPrinting(long requestId, String actor) {
      move(requestId, RequestStatus.PRINTING);
    }

    @Override
    public boolean startPrinting(long requestId, boolean reprint, String actor) {
      requests.putIfAbsent(requestId, RequestStatus.RESERVED);
      RequestStatus from = requests.get(requestId);
      if (reprint ? from != RequestStatus.PRINTED : !RequestStatus.HOLDING_BLANK.contains(from)) {
        return false;
      }
      requests.put(requestId, RequestStatus.PRINTING);
      return true;
    }

    @Override
    public Recipient markPrinted(
        long requestId, String cardUid, Instant printedAt, String actor, boolean awaitingCheck) {
      move(requestId, RequestStatus.PRINTED);
      return new Recipient("3271010101900001", "Warga Uji", Optional.empty());
    }

    @Override
    public Recipient passedCheck(long requestId, String detail, String actor) {
      throw new UnsupportedOperationException("no card is checked here");
    }

    @Override
    public void rejectedAtCheck(long requestId, String reason, String actor) {
      throw new UnsupportedOperationException("no card is checked here");
    }

    @Override
    public void requeue(long requestId, String reason, String actor) {
      move(requestId, RequestStatus.FAILED_REQUEUED);
    }

    @Override
    public Optional<RequestStatus> lockStatus(long requestId) {
      return Optional.ofNullable(requests.get(requestId));
    }

    @Override
    public void markOutcomeUnknown(long requestId, String cause, String detail, String actor) {
      move(requestId, RequestStatus.OUTCOME_UNKNOWN);
    }

    @Override
    public void markHandedOver(long requestId, String actor) {
      move(requestId, RequestStatus.HANDED_OVER);
    }

    @Override
    public void withdraw(long requestId, String reason, String actor) {
      move(requestId, RequestStatus.WITHDRAWN);
    }

    @Override
    public void storePayloads(long requestId, Payloads payloads) {
      throw new UnsupportedOperationException("no payloads are fetched here");
    }
  }

  /** No reprint was ever granted. */
  static final class NoGrants implements Reprints.Store {
    @Override
    public Optional<Reprints.RequestState> request(long requestId) {
      return Optional.empty();
    }

    @Override
    public void grant(long officeId, long requestId, long approvalId, String reason) {
      throw new UnsupportedOperationException("no approvals here");
    }

    @Override
    public Optional<Long> claimGrant(long requestId) {
      return Optional.empty();
    }

    @Override
    public void useGrant(long grantId, long jobId) {
      throw new IllegalStateException("no grant was claimed");
    }

    @Override
    public Optional<Long> nextGranted(long officeId, Set<Long> skip) {
      return Optional.empty();
    }

    @Override
    public Optional<Reprints.AwaitedFirstCard> awaitingFirstCard(long requestId) {
      return Optional.empty();
    }

    @Override
    public boolean reprintPending(long requestId) {
      return false;
    }

    @Override
    public boolean reprintOpen(long requestId) {
      return false;
    }

    @Override
    public void proposeFirstCard(long approvalId, FirstCard card) {
      throw new UnsupportedOperationException("no approvals here");
    }

    @Override
    public Map<Long, FirstCard> proposedFirstCards(java.util.Collection<Long> approvalIds) {
      return Map.of();
    }

    @Override
    public void recordFirstCard(long grantId, FirstCard card, long movementId, String by) {
      throw new IllegalStateException("no grant awaits a first card");
    }
  }

  /** The station's decision tests read no audit trail. */
  private static final class NoAudit implements org.cetak.office.Audit {
    @Override
    public void record(Long officeId, String actor, String action, String subject, String detail) {}

    @Override
    public java.util.List<Event> find(Query query) {
      return java.util.List.of();
    }

    @Override
    public long count(Query query) {
      return 0;
    }
  }
}
