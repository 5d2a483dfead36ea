package org.cetak.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cetak.common.Transactions;
import org.cetak.intake.Payloads;
import org.cetak.intake.RequestReason;
import org.cetak.intake.RequestStatus;
import org.cetak.intake.ResidentRecord;
import org.cetak.printing.face.CardFaceRenderer;
import org.cetak.region.RegionTable;
import org.cetak.sim.registry.SyntheticResidents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The preparation pipeline over a queue whose requests move as the station would move them. */
class PreparingCardSupplyTest {

  private static final PrinterRef PRN_1 = new PrinterRef(1, 1, "PRN-1");
  private static final PrinterRef PRN_2 = new PrinterRef(2, 1, "PRN-2");

  private static final Payloads PHOTO =
      new Payloads(
          Optional.of(new SyntheticResidents(1).first(1).get(0).photoJpeg()),
          Optional.empty(),
          Optional.empty());

  /** Requests holding a blank, in print order, with their status. */
  private final Map<Long, RequestStatus> waiting = new LinkedHashMap<>();

  private final PrintQueue queue =
      new PrintQueue() {
        @Override
        public synchronized Optional<QueuedCard> nextReserved(long officeId, Set<Long> skip) {
          return waiting.entrySet().stream()
              .filter(e -> RequestStatus.HOLDING_BLANK.contains(e.getValue()))
              .filter(e -> !skip.contains(e.getKey()))
              .findFirst()
              .map(e -> queued(e.getKey(), e.getValue()));
        }

        @Override
        public Optional<QueuedCard> card(long requestId) {
          return Optional.ofNullable(waiting.get(requestId)).map(s -> queued(requestId, s));
        }

        @Override
        public void putAside(QueuedCard card, String problem) {
          throw new AssertionError("every card of this test can be drawn");
        }
      };

  private final Transactions transactions =
      new Transactions() {
        @Override
        public <T> T inTransaction(java.util.function.Supplier<T> work) {
          return work.get();
        }
      };

  private final Reprints.Store noReprints = new InMemoryPrintRoom.NoGrants();

  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final PreparingCardSupply supply =
      new PreparingCardSupply(
          queue,
          new CardPreparer(
              new CardFaceRenderer(),
              RegionTable.shipped(),
              Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneId.of("Asia/Jakarta"))),
          transactions,
          executor,
          noReprints);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  /** The station takes the card and prints it: the request leaves RESERVED. */
  private long print(PrinterRef printer, RequestStatus outcome) {
    long id = supply.next(printer).orElseThrow().requestId();
    synchronized (queue) {
      waiting.put(id, outcome);
    }
    return id;
  }

  @Test
  void a_requeued_request_is_printed_again_when_the_rest_of_the_queue_has_run_dry() {
    waiting.put(101L, RequestStatus.RESERVED);
    waiting.put(102L, RequestStatus.RESERVED);

    assertThat(print(PRN_1, RequestStatus.FAILED_REQUEUED)).isEqualTo(101L); // card spoiled
    assertThat(print(PRN_1, RequestStatus.PRINTED)).isEqualTo(102L);

    // nothing else waits: the requeued request is the next card, on this printer or another
    assertThat(supply.next(PRN_1).map(PreparedCard::requestId)).contains(101L);
    supply.release(PRN_1);
    assertThat(supply.next(PRN_2).map(PreparedCard::requestId)).contains(101L);
  }

  @Test
  void two_printers_never_take_the_same_waiting_request() {
    // a printer holds its card and prepares the next one: four waiting leave the second printer
    // some
    for (long id = 301; id <= 304; id++) {
      waiting.put(id, RequestStatus.RESERVED);
    }
    long first = supply.next(PRN_1).orElseThrow().requestId();
    long second = supply.next(PRN_2).orElseThrow().requestId();
    assertThat(first).isNotEqualTo(second);
  }

  private static QueuedCard queued(long requestId, RequestStatus status) {
    ResidentRecord record =
        new ResidentRecord(
            String.format("327101450690%04d", requestId),
            "3271010101100001",
            "SARI WULANDARI",
            "P",
            "BOGOR",
            LocalDate.of(1990, 6, 5),
            Optional.of("A"),
            "JL. PAJAJARAN NO. 5",
            "001",
            "002",
            "PALEDANG",
            "BOGOR TENGAH",
            "KOTA BOGOR",
            "JAWA BARAT",
            "ISLAM",
            "KAWIN",
            "KARYAWAN SWASTA",
            "WNI",
            ResidentRecord.PRINT_READY,
            OffsetDateTime.parse("2026-11-01T08:00:00+07:00"),
            RequestReason.FIRST_CARD,
            Optional.empty(),
            false,
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    return new QueuedCard(
        requestId,
        1,
        "32.71",
        status,
        1,
        "rule",
        1,
        record,
        Set.of(),
        PHOTO,
        ZoneId.of("Asia/Jakarta"));
  }
}
