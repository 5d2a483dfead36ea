package org.cetak.intake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.cetak.cli.CommandRun;
import org.cetak.console.Labels;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.intake.ImportCounts;
import org.cetak.intake.ImportReport;
import org.cetak.intake.IntakeFixture;
import org.cetak.intake.Residents;
import org.cetak.intake.RowError;
import org.cetak.printing.jooq.JooqPrinterRegister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./cetak import} tells what it imported, or why not, in Indonesian with English beside it,
 * in the import page's words; a refused bundle in its error code's wording, as the API does.
 */
@DatabaseTest
class ImportCommandTest {

  private final IntakeFixture f;
  private final ImportCommand command;
  @TempDir Path tmp;

  ImportCommandTest(DataSource dataSource) {
    f = new IntakeFixture(dataSource);
    command =
        new ImportCommand(
            f.imports,
            f.offices,
            CommandRun.text(),
            new Labels(CommandRun.bundles(), new JooqPrinterRegister(f.db, f.clock)));
  }

  @Test
  void an_imported_bundle_is_reported_by_count_in_indonesian_with_english_beside() {
    Path bundle =
        Residents.bundle(
            tmp.resolve("ok"),
            List.of(
                Residents.row(1, LocalDate.of(1990, 5, 20), "FIRST_CARD"),
                Residents.row(2, LocalDate.of(1991, 6, 21), "FIRST_CARD")));

    CommandRun run = CommandRun.of(command, bundle.toString(), "--office", "32.71");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("Diimpor / Imported: " + bundle + System.lineSeparator())
        .contains(
            "  Baris dibaca / Rows read: 2",
            "  Permohonan baru / New requests: 2",
            "  Sedang dicetak (tidak diubah) / Being printed (not changed): 0")
        .doesNotContain("imported ", " rows;");
  }

  @Test
  void a_missing_bundle_is_refused_in_the_wording_of_its_error_code() {
    Path missing = tmp.resolve("no-such-bundle.zip");

    CommandRun run = CommandRun.of(command, missing.toString(), "--office", "32.71");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out().strip())
        .isEqualTo(
            "Ditolak / Refused (BUNDLE_NOT_FOUND): Berkas impor tidak ditemukan: Tidak ada folder"
                + " atau zip bundel di "
                + missing
                + " / The import bundle was not found: There is no bundle folder or zip at "
                + missing);
  }

  @Test
  void a_file_that_is_no_zip_is_refused_in_the_wording_of_its_error_code() throws IOException {
    Path notZip = Files.writeString(tmp.resolve("records.zip"), "nik,name\n");

    CommandRun run = CommandRun.of(command, notZip.toString(), "--office", "32.71");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out())
        .startsWith(
            "Ditolak / Refused (BUNDLE_NOT_ZIP): Berkas impor bukan folder atau zip: Berkas"
                + " records.zip bukan folder dan bukan zip yang dapat dibaca: tidak ada satu pun"
                + " entri zip di dalamnya / The import bundle is not a folder or a zip: File"
                + " records.zip is neither a folder nor a readable zip: it holds no zip entry")
        .doesNotContain("refused:");
  }

  @Test
  void a_zip_whose_records_file_is_damaged_says_so_in_indonesian_and_english() throws IOException {
    Path zip = tmp.resolve("rusak.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("records.csv"));
      out.write("nik,name\n3171000000000001,Siti\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    byte[] bytes = Files.readAllBytes(zip);
    // the first byte of the deflated data: a last block of the reserved type 3
    bytes[30 + "records.csv".length()] = (byte) 0xff;
    Files.write(zip, bytes);

    CommandRun run = CommandRun.of(command, zip.toString(), "--office", "32.71");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out())
        .startsWith(
            "Ditolak / Refused (BUNDLE_NOT_ZIP): Berkas impor bukan folder atau zip: Berkas"
                + " rusak.zip bukan folder dan bukan zip yang dapat dibaca: data terkompresi"
                + " records.csv rusak / The import bundle is not a folder or a zip: File rusak.zip"
                + " is neither a folder nor a readable zip: the compressed data of records.csv is"
                + " damaged")
        .doesNotContain("invalid block type");
  }

  @Test
  void a_file_with_bad_rows_names_each_row_and_its_reason_without_the_residents_data() {
    Map<String, String> good = Residents.row(3, LocalDate.of(1990, 5, 20), "FIRST_CARD");
    Map<String, String> bad = Residents.row(4, LocalDate.of(1992, 7, 22), "FIRST_CARD");
    bad.put("nik", "3271041234");
    Path bundle = Residents.bundle(tmp.resolve("bad"), List.of(good, bad));

    CommandRun run = CommandRun.of(command, bundle.toString(), "--office", "32.71");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .startsWith(
            "Ditolak seluruhnya, tidak ada yang diimpor / Refused as a whole, nothing was"
                + " imported: "
                + bundle
                + System.lineSeparator()
                + "  Baris ditolak / Rows refused: 1"
                + System.lineSeparator()
                + "  Baris / Line 3, Kolom / Column nik: harus 16 angka / must be 16 digits")
        .doesNotContain("3271041234", bad.get("name"), bad.get("kk"), good.get("nik"));
  }

  @Test
  void the_rows_beyond_those_listed_are_counted_with_dots_between_the_thousands() {
    List<RowError> listed = new ArrayList<>();
    for (int line = 2; line < 7; line++) {
      listed.add(new RowError(line, "sex", "'X' is not one of [L, P]"));
    }
    ImportReport report =
        new ImportReport(
            "file records.csv",
            false,
            7,
            1255,
            new ImportCounts(0, 0, 0, 0, 0, 0, 0),
            Map.of(),
            listed,
            1255);
    StringWriter out = new StringWriter();

    command.print(new PrintWriter(out), Path.of("kiriman.zip"), report);

    assertThat(out.toString())
        .contains(
            "  Baris ditolak / Rows refused: 1.255",
            "  Baris / Line 2, Kolom / Column sex: ",
            "  … dan 1.250 lagi / … and 1,250 more");
  }
}
