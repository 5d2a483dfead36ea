package org.cetak.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.office.Office;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.cetak.office.jooq.JooqOfficeZones;
import org.cetak.report.DailyReportArchive;
import org.cetak.report.StoredDailyReport;
import org.cetak.report.jooq.JooqStoredDailyReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * "Today" of an office is its own day, in its own time zone: at 15.30 UTC it is still the 10th of
 * March in WIB (22.30) but already the 11th in Jayapura (WIT, 00.30).
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficeTodayTest {

  private static final Instant HALF_PAST_THREE_UTC = Instant.parse("2027-03-10T15:30:00Z");
  private static final LocalDate WIB_DAY = LocalDate.of(2027, 3, 10);
  private static final LocalDate WIT_DAY = LocalDate.of(2027, 3, 11);

  private final StockFixture f;
  private final Office jayapura;
  private final User blanko;

  OfficeTodayTest(DataSource dataSource) {
    f = new StockFixture(dataSource);
    jayapura = f.office("91.71", "Disdukcapil Kota Jayapura");
    f.db.execute("update office set time_zone = 'Asia/Jayapura' where id = ?", jayapura.id());
    blanko = f.user(jayapura.id(), "blanko-jayapura", Role.INVENTORY_MANAGER);
    f.clock.set(HALF_PAST_THREE_UTC);
    f.receipts.receive(
        jayapura.id(), new DropRequest("BA/WIT/0001", WIB_DAY, 100, List.of()), blanko);
  }

  @Test
  void a_drop_dated_the_offices_today_is_accepted_while_it_is_still_yesterday_in_wib() {
    Drop drop =
        f.receipts.receive(
            jayapura.id(), new DropRequest("BA/WIT/0002", WIT_DAY, 10, List.of()), blanko);
    assertThat(drop.documentDate()).isEqualTo(WIT_DAY);
  }

  @Test
  void a_loss_report_without_a_date_is_dated_the_offices_today() {
    LossReport report =
        f.losses.propose(
            jayapura.id(),
            new LossReports.Proposal(
                null,
                Place.of(Location.VAULT),
                1,
                "Satu blanko tidak ada di brankas",
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            blanko);
    assertThat(report.date()).isEqualTo(WIT_DAY);
  }

  @Test
  void a_destruction_report_dated_the_offices_today_is_accepted() {
    User operator = f.user(jayapura.id(), "op-jayapura", Role.OPERATOR);
    Printer printer = f.registry.register(jayapura.id(), "PW1", "Printer 1", "HDP5000", blanko);
    f.feeders.load(jayapura.id(), printer.code(), 1, operator);
    f.spoils.spoiled(
        jayapura.id(),
        new SpoilRequest(
            printer.code(),
            false,
            1,
            SpoilReason.ENCODE_FAIL,
            Optional.of("04EE0622A7CF01"),
            Optional.empty(),
            ""),
        operator);
    DestructionReport report =
        f.destructions.propose(
            jayapura.id(),
            new DestructionProposal(
                WIT_DAY,
                "halaman kantor",
                List.of("Saksi Satu", "Saksi Dua"),
                List.of(DestructionLine.chip(Item.BLANK, "04EE0622A7CF01"))),
            blanko);
    assertThat(report.date()).isEqualTo(WIT_DAY);
  }

  @Test
  void the_nightly_run_keeps_the_day_that_ended_in_the_office_not_in_wib() {
    JooqStoredDailyReports stored = new JooqStoredDailyReports(f.db, f.clock);
    new DailyReportArchive(
            f.daily,
            stored,
            f.offices,
            f.transactions,
            f.clock,
            f.documents(),
            new JooqOfficeZones(f.db))
        .produceEndedDays();
    assertThat(stored.between(jayapura.id(), WIB_DAY.minusDays(5), WIT_DAY))
        .extracting(StoredDailyReport::day)
        .containsExactly(WIB_DAY);
  }
}
