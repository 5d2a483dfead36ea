package org.cetak.printing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.cetak.printing.PrinterBoard.PrinterView;
import org.cetak.printing.device.PrinterSnapshot;
import org.cetak.printing.device.ReaderStatus;
import org.cetak.stock.InMemoryLedger;
import org.cetak.stock.Item;
import org.cetak.stock.Location;
import org.cetak.stock.Movement;
import org.cetak.stock.Place;
import org.cetak.stock.ReferenceKind;
import org.cetak.support.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * A printer's cards of today are those of the office's own day: at 15.30 UTC it is 22.30 of the
 * 10th in WIB but already 00.30 of the 11th in Jayapura (WIT), whose printers start a new day.
 */
class PrinterDayCountsTest {

  private static final long OFFICE = 7;
  private static final long PRINTER = 70;

  private final MutableClock clock = new MutableClock(Instant.parse("2027-03-10T14:50:00Z"));
  private final InMemoryLedger ledger = new InMemoryLedger(clock);

  private final PrinterBoard board =
      new PrinterBoard() {
        @Override
        public List<PrinterView> printers(long officeId) {
          return List.of(view());
        }

        @Override
        public Optional<PrinterView> printer(long printerId) {
          return Optional.of(view());
        }
      };

  private final PrinterStations idle =
      new PrinterStations() {
        @Override
        public void wakeUp(long printerId) {}

        @Override
        public boolean drives(long printerId) {
          return false;
        }

        @Override
        public Optional<PrinterSnapshot> lastStatus(long printerId) {
          return Optional.empty();
        }

        @Override
        public Optional<ReaderStatus> readerStatus(long printerId) {
          return Optional.empty();
        }
      };

  private static PrinterView view() {
    return new PrinterView(
        PRINTER,
        OFFICE,
        "PW1",
        "Printer 1",
        PrinterMode.RUNNING,
        "",
        Optional.empty(),
        Optional.empty(),
        false,
        Optional.empty());
  }

  private PrinterControl control(String zone) {
    return new PrinterControl(
        board, null, null, idle, null, ledger, null, null, null, office -> ZoneId.of(zone), clock);
  }

  private void printOneCard() {
    ledger.record(
        new Movement(
            OFFICE,
            Item.BLANK,
            Place.inside(PRINTER),
            Place.of(Location.PRINTED),
            1,
            "PRINTED",
            "station",
            ReferenceKind.PRINT_JOB,
            1,
            Movement.Detail.none()));
  }

  @Test
  void a_card_printed_before_the_offices_midnight_is_not_one_of_its_cards_of_today() {
    ledger.record(
        new Movement(
            OFFICE,
            Item.BLANK,
            Place.of(Location.CENTRE),
            Place.inside(PRINTER),
            2,
            "LOADED",
            "test",
            ReferenceKind.PRINTER,
            PRINTER,
            Movement.Detail.none()));
    printOneCard(); // 23.50 WIT of the 10th, 21.50 WIB
    clock.set(Instant.parse("2027-03-10T15:10:00Z"));
    printOneCard(); // 00.10 WIT of the 11th, 22.10 WIB of the 10th
    clock.set(Instant.parse("2027-03-10T15:30:00Z"));

    assertThat(control("Asia/Jayapura").room(OFFICE).printers().get(0).printedToday())
        .as("cards of the 11th in Jayapura")
        .isEqualTo(1);
    assertThat(control("Asia/Jakarta").room(OFFICE).printers().get(0).printedToday())
        .as("cards of the 10th in WIB")
        .isEqualTo(2);
  }
}
