package org.cetak.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.office.Office;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.junit.jupiter.api.Test;

/**
 * A daily stock report of a past day names the inventory manager and supervisor who held the roles
 * at the end of the office's day, with the NIP and position they had then, whenever the report is
 * first produced; today's report names who holds them now.
 */
@DatabaseTest
class DailyReportSignatoriesTest {

  private static final Instant SECOND_OF_NOVEMBER = Instant.parse("2026-11-02T03:00:00Z");
  private static final Instant THIRD_OF_NOVEMBER = Instant.parse("2026-11-03T03:00:00Z");
  private static int offices;

  private final StockFixture f;
  private final Office office;
  private final User dewi;

  DailyReportSignatoriesTest(DataSource dataSource) {
    f = new StockFixture(dataSource);
    offices++;
    office = f.office("32.6" + offices, "Disdukcapil Uji " + offices);
    dewi = f.user(office.id(), "dewi.ttd" + offices, Role.INVENTORY_MANAGER);
    f.offices.setOfficialDetails(
        dewi.id(), "Dewi Lestari, S.E.", "19850317 201001 2 004", "Pengelola Blanko KTP-el");
    f.offices.setOfficialDetails(
        f.user(office.id(), "bambang.ttd" + offices, Role.SUPERVISOR).id(),
        "Drs. Bambang Hartono, M.Si.",
        "19720805 199803 1 002",
        "Kepala Bidang Pelayanan");
  }

  private String daily(LocalDate day) throws IOException {
    byte[] pdf = f.documents().daily(office, f.daily.report(office.id(), day));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  /** Dewi hands the blanks over to Sari: her account loses the role, Sari's gets it. */
  private void handOver() {
    f.offices.setEnabled(dewi.id(), false);
    f.offices.setOfficialDetails(
        f.user(office.id(), "sari.ttd" + offices, Role.INVENTORY_MANAGER).id(),
        "Sari Wulandari, S.Kom.",
        "19900101 201501 2 007",
        "Pengelola Blanko KTP-el");
  }

  @Test
  void a_past_days_report_opened_again_names_who_held_the_role_that_day() throws IOException {
    f.clock.set(SECOND_OF_NOVEMBER);
    assertThat(daily(LocalDate.of(2026, 11, 2))).contains("Dewi Lestari, S.E.");

    f.clock.set(THIRD_OF_NOVEMBER);
    handOver();

    assertThat(daily(LocalDate.of(2026, 11, 2)))
        .contains("Dewi Lestari, S.E.", "19850317 201001 2 004")
        .contains("Drs. Bambang Hartono, M.Si.")
        .doesNotContain("Sari Wulandari");
    assertThat(daily(LocalDate.of(2026, 11, 3)))
        .contains("Sari Wulandari, S.Kom.", "19900101 201501 2 007")
        .doesNotContain("Dewi Lestari");
  }

  @Test
  void a_holder_who_changed_during_the_day_signs_that_days_report() throws IOException {
    f.clock.set(SECOND_OF_NOVEMBER);
    assertThat(daily(LocalDate.of(2026, 11, 2))).contains("Dewi Lestari, S.E.");
    handOver();
    assertThat(daily(LocalDate.of(2026, 11, 2))).contains("Sari Wulandari, S.Kom.");

    f.clock.set(THIRD_OF_NOVEMBER);
    assertThat(daily(LocalDate.of(2026, 11, 2)))
        .contains("Sari Wulandari, S.Kom.")
        .doesNotContain("Dewi Lestari");
  }

  @Test
  void a_past_days_report_first_produced_after_the_holder_changed_names_the_old_holder()
      throws IOException {
    f.clock.set(THIRD_OF_NOVEMBER);
    handOver();

    assertThat(daily(LocalDate.of(2026, 11, 2)))
        .contains("Dewi Lestari, S.E.", "19850317 201001 2 004")
        .contains("Drs. Bambang Hartono, M.Si.")
        .doesNotContain("Sari Wulandari");
  }

  @Test
  void a_new_position_counts_from_the_day_it_was_entered() throws IOException {
    f.clock.set(THIRD_OF_NOVEMBER);
    f.offices.setOfficialDetails(
        dewi.id(), "Dewi Lestari, S.E., M.M.", "19850317 201001 2 004", "Kepala Seksi Blanko");

    assertThat(daily(LocalDate.of(2026, 11, 2)))
        .contains("Dewi Lestari, S.E.", "Pengelola Blanko KTP-el")
        .doesNotContain("M.M.", "Kepala Seksi Blanko");
    assertThat(daily(LocalDate.of(2026, 11, 3))).contains("Dewi Lestari, S.E., M.M.");
  }
}
