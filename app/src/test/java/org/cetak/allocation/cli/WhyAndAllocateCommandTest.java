package org.cetak.allocation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.cetak.cli.CommandRun;
import org.cetak.common.Masking;
import org.cetak.console.Labels;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportProgress;
import org.cetak.intake.IntakeFixture;
import org.cetak.intake.Residents;
import org.cetak.office.jooq.JooqOfficeZones;
import org.cetak.printing.jooq.JooqPrinterRegister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./cetak why} and {@code ./cetak allocate} print Indonesian with English beside it, in the
 * queue page's words, numbers with dots between the thousands, and a NIK only masked.
 */
@DatabaseTest
class WhyAndAllocateCommandTest {

  private final IntakeFixture f;
  private final WhyCommand why;
  private final AllocateCommand allocate;
  @TempDir Path tmp;
  private static int seq = 500;

  WhyAndAllocateCommandTest(DataSource dataSource) {
    f = new IntakeFixture(dataSource);
    why =
        new WhyCommand(
            f.allocation,
            new JooqOfficeZones(f.db),
            CommandRun.bundles(),
            new Labels(CommandRun.bundles(), new JooqPrinterRegister(f.db, f.clock)),
            CommandRun.text());
    allocate = new AllocateCommand(f.allocation, f.offices, CommandRun.text());
  }

  /** Queues one request at 32.71; returns its NIK. */
  private String queued() {
    Map<String, String> row = Residents.row(++seq, LocalDate.of(1990, 5, 20), "FIRST_CARD");
    try (Bundle bundle = Bundle.open(Residents.bundle(tmp.resolve("b" + seq), List.of(row)))) {
      assertThat(f.imports.importBundle(bundle, "32.71", "loket", ImportProgress.none()).errors())
          .isEmpty();
    }
    return row.get("nik");
  }

  @Test
  void why_on_a_nik_without_a_request_is_refused_in_the_wording_of_its_error_code() {
    String nik = Residents.nik("327104", LocalDate.of(1985, 1, 2), true, 9);

    CommandRun run = CommandRun.of(why, nik);

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo(
            "Ditolak / Refused (NO_REQUEST): Tidak ada permohonan untuk NIK ini: Tidak ada"
                + " permohonan cetak untuk NIK "
                + Masking.nik(nik)
                + " di kantor ini / No request for this NIK: There is no print request for NIK "
                + Masking.nik(nik)
                + " at this office");
    assertThat(run.err()).doesNotContain(nik, "Gagal / Failed");
  }

  @Test
  void why_on_a_queued_nik_says_its_place_and_stock_in_the_queue_pages_words() {
    String nik = queued();
    f.blanks.set(1250);

    CommandRun run = CommandRun.of(why, nik);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern(
            "^NIK "
                + Pattern.quote(Masking.nik(nik))
                + ", Permohonan / Request \\d+: Menunggu blanko / Waiting for a blank\\R")
        .containsPattern("  Perkiraan dicetak .* 2026\\. / Expected to be printed .* 2026\\.\\R")
        .contains(
            "  Urutan dalam antrean / Place in the queue: ",
            "  Stok dapat dipakai / Usable stock: 1.",
            "  Tercetak hari ini dari kapasitas printer sehari / Printed today of the printers'"
                + " capacity a day: 0 / ",
            "  Kiriman blanko yang diperkirakan / Expected drops of blanks: ")
        .doesNotContain(nik, "usable stock", "blanks go before it");
  }

  @Test
  void allocate_reports_what_it_reserved_by_label_in_both_languages() {
    queued();
    f.blanks.set(1250);

    CommandRun run = CommandRun.of(allocate, "--office", "32.71");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("^Alokasi \\d+ dengan kebijakan prioritas versi \\d+ / Allocation run")
        .contains(
            "  Blanko dicadangkan / Blanks reserved: ",
            "  Tersedia (gudang + feeder) / Available (vault + feeders): 1.250",
            "  Sisa batas harian / Daily cap left: ",
            "  Masih menunggu blanko / Still waiting for a blank: 0")
        .doesNotContain("reserved ", "still queued");
  }

  @Test
  void allocate_for_an_unknown_office_is_refused_in_the_wording_of_its_error_code() {
    CommandRun run = CommandRun.of(allocate, "--office", "32.98");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo(
            "Ditolak / Refused (UNKNOWN_OFFICE): Kantor tidak ditemukan: Tidak ada kantor dengan"
                + " kode wilayah 32.98 / No such office: No office has the region code 32.98");
  }
}
