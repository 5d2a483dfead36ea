package org.cetak.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cetak.CetakApplication;
import org.cetak.db.testing.PostgresExtension;
import org.cetak.db.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fresh installation from the command line: no office, then {@code cetak setup}. */
class SetupCommandTest {

  @TempDir Path home;

  private TestDatabase database;

  @BeforeEach
  void freshDatabase() {
    database = PostgresExtension.createDatabase();
  }

  @AfterEach
  void dropDatabase() {
    PostgresExtension.dropDatabase(database.name());
  }

  @Test
  void a_command_on_an_installation_without_an_office_says_to_run_setup() {
    Run run = cetak("allocate");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "Belum ada kantor di instalasi ini: jalankan dahulu ./cetak setup (./cetak setup"
                + " --help) / No office on this installation yet: run ./cetak setup first")
        .doesNotContain("Exception");
  }

  @Test
  void setup_creates_the_office_its_printers_and_its_first_administrator() throws Exception {
    Run run = setup("32.71", "PRN-1=Evolis Primacy", "PRN-2");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "Kantor 32.71 Disdukcapil Kota Makassar siap, administrator kepala, 2 printer."
                + " Mulai: ./cetak serve / Office 32.71 Disdukcapil Kota Makassar is ready,"
                + " administrator kepala, 2 printer(s). Start: ./cetak serve");
    assertThat(single("select opening_hours || ' ' || time_zone from office"))
        .isEqualTo("07.30-16.00 Asia/Makassar");
    assertThat(single("select string_agg(code || ':' || model, ',' order by code) from printer"))
        .isEqualTo("PRN-1:Evolis Primacy,PRN-2:card printer");
    assertThat(
            single(
                "select count(*) from user_role r join app_user u on u.id = r.user_id"
                    + " where u.username = 'kepala'"))
        .isEqualTo("6");
    assertThat(cetak("status").out())
        .contains(
            "Kantor / Office 32.71, Dinas kabupaten/kota / Kabupaten/kota office: Disdukcapil"
                + " Kota Makassar")
        .containsPattern("Versi skema / Schema version: \\d+");
  }

  @Test
  void setup_runs_once() throws Exception {
    assertThat(setup("32.71", "PRN-1").exit()).isZero();
    Run again = setup("32.72", "PRN-9");
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err())
        .contains(
            "Instalasi ini sudah disiapkan; tambahkan pengguna dan printer di konsol. / This"
                + " installation is set up already; add users and printers in the console.");
    assertThat(single("select count(*) from office")).isEqualTo("1");
  }

  @Test
  void a_bad_region_code_is_refused_in_indonesian_and_nothing_is_created() throws Exception {
    Run run = setup("3271", "PRN-1");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .startsWith(
            "Ditolak / Refused (INVALID_REGION_CODE): Kode wilayah kabupaten/kota seperti 32.71:"
                + " Kode wilayah kabupaten/kota ditulis seperti 32.71")
        .contains(" / A kabupaten/kota region code such as 32.71")
        .doesNotContain("Exception");
    assertThat(single("select count(*) from office")).isEqualTo("0");
    assertThat(single("select count(*) from app_user")).isEqualTo("0");
  }

  private Run setup(String region, String... printers) throws Exception {
    Path password = home.resolve("password");
    Files.writeString(password, "rahasia-kantor-2026\n");
    List<String> args =
        new ArrayList<>(
            List.of(
                "setup",
                "--region",
                region,
                "--name",
                "Disdukcapil Kota Makassar",
                "--address",
                "Jl. Jend. Ahmad Yani No. 2",
                "--hours",
                "07.30-16.00",
                "--zone",
                "Asia/Makassar",
                "--admin",
                "kepala",
                "--admin-password-file",
                password.toString()));
    for (String printer : printers) {
      args.add("--printer");
      args.add(printer);
    }
    return cetak(args.toArray(String[]::new));
  }

  private record Run(int exit, String out, String err) {}

  /** Runs {@code cetak <args>} in this JVM on the test database, capturing what it prints. */
  private Run cetak(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.add("--cetak.database.url=" + database.jdbcUrl());
    all.add("--cetak.database.user=" + database.user());
    all.add("--cetak.database.password=" + database.password());
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
      int exit = CetakApplication.run(all.toArray(String[]::new));
      return new Run(
          exit,
          captured.toString(StandardCharsets.UTF_8),
          capturedErr.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private String single(String sql) throws Exception {
    try (Connection c =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }
}
