package org.cetak.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.office.Office;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.cetak.office.jooq.JooqOfficeZones;
import org.cetak.report.DailyReportArchive;
import org.cetak.report.StoredDailyReport;
import org.cetak.report.job.DailyReportJob;
import org.cetak.report.jooq.JooqStoredDailyReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quartz.CronExpression;
import org.quartz.CronTrigger;
import org.quartz.TriggerBuilder;

/**
 * The job keeps every office's daily stock report, once per day, at 00:05 of the office's own zone,
 * catching up missed days.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DailyReportArchiveTest {

  private final StockFixture f;
  private final JooqStoredDailyReports stored;
  private final DailyReportArchive archive;

  DailyReportArchiveTest(DataSource dataSource) {
    f = new StockFixture(dataSource);
    stored = new JooqStoredDailyReports(f.db, f.clock);
    archive =
        new DailyReportArchive(
            f.daily,
            stored,
            f.offices,
            f.transactions,
            f.clock,
            f.documents(),
            new JooqOfficeZones(f.db));
  }

  private LocalDate today() {
    return LocalDate.now(f.clock.withZone(DailyReports.ZONE));
  }

  /** An office that received 1,000 blanks today, its first day in the ledger. */
  private Office officeWithADropToday(String code) {
    Office office = f.office(code, "Disdukcapil " + code);
    User blanko = f.user(office.id(), "blanko-" + code, Role.INVENTORY_MANAGER);
    f.receipts.receive(
        office.id(), new DropRequest("BA/" + code, today(), 1000, List.of()), blanko);
    return office;
  }

  private List<StoredDailyReport> kept(Office office) {
    return stored.between(office.id(), LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31));
  }

  @Test
  void the_job_keeps_each_offices_report_of_the_day_that_ended() {
    Office bogor = officeWithADropToday("32.71");
    Office depok = f.office("32.76", "Disdukcapil Kota Depok");
    LocalDate day = today();
    f.clock.advance(Duration.ofDays(1));
    new DailyReportJob(archive).execute(null);
    assertThat(kept(bogor))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.day()).isEqualTo(day);
              assertThat(r.received()).isEqualTo(1000);
              assertThat(r.closing()).isEqualTo(1000);
              assertThat(r.producedBy()).isEqualTo("scheduler");
            });
    assertThat(kept(depok)).hasSize(1);
    assertThat(stored.pdf(bogor.id(), day))
        .hasValueSatisfying(
            pdf -> assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-"));
  }

  @Test
  void a_day_already_kept_is_not_produced_again_and_missed_days_are_caught_up() {
    Office office = officeWithADropToday("33.19");
    LocalDate day = today();
    f.clock.advance(Duration.ofDays(1));
    archive.produceEndedDays();
    archive.produceEndedDays();
    assertThat(kept(office)).extracting(StoredDailyReport::day).containsExactly(day);
    f.clock.advance(Duration.ofDays(3));
    archive.produceEndedDays();
    assertThat(kept(office))
        .extracting(StoredDailyReport::day)
        .containsExactly(day, day.plusDays(1), day.plusDays(2), day.plusDays(3));
  }

  @Test
  void each_offices_report_is_produced_at_five_past_its_own_midnight_and_once()
      throws ParseException {
    Office jayapura = f.office("94.71", "Disdukcapil Kota Jayapura");
    f.db.execute("update office set time_zone = 'Asia/Jayapura' where id = ?", jayapura.id());
    Office bekasi = f.office("32.75", "Disdukcapil Kota Bekasi");
    CronTrigger trigger =
        TriggerBuilder.newTrigger()
            .withSchedule(DailyReportJob.schedule(DailyReportJob.EVERY_HOUR))
            .build();
    CronExpression fires = new CronExpression(trigger.getCronExpression());
    fires.setTimeZone(trigger.getTimeZone());
    LocalDate day = LocalDate.of(2026, 11, 20);
    Instant from = Instant.parse("2026-11-20T12:00:00Z");
    Map<Long, Instant> firstKept = new HashMap<>();

    for (Instant at = fires.getNextValidTimeAfter(Date.from(from)).toInstant();
        at.isBefore(from.plus(Duration.ofHours(12)));
        at = fires.getNextValidTimeAfter(Date.from(at)).toInstant()) {
      f.clock.set(at);
      new DailyReportJob(archive).execute(null);
      for (Office office : List.of(jayapura, bekasi)) {
        if (stored.pdf(office.id(), day).isPresent()) {
          firstKept.putIfAbsent(office.id(), at);
        }
      }
    }

    assertThat(firstKept.get(jayapura.id()))
        .as("00:05 WIT of 21 November")
        .isEqualTo(Instant.parse("2026-11-20T15:05:00Z"));
    assertThat(firstKept.get(bekasi.id()))
        .as("00:05 WIB of 21 November")
        .isEqualTo(Instant.parse("2026-11-20T17:05:00Z"));
    for (Office office : List.of(jayapura, bekasi)) {
      assertThat(kept(office))
          .extracting(StoredDailyReport::day)
          .containsExactly(day.minusDays(1), day);
      assertThat(kept(office))
          .filteredOn(r -> r.day().equals(day))
          .singleElement()
          .extracting(StoredDailyReport::producedAt)
          .isEqualTo(firstKept.get(office.id()));
    }
  }
}
