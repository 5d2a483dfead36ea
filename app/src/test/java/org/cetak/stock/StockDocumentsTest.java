package org.cetak.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cetak.common.DomainException;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.office.Access;
import org.cetak.office.Accounts;
import org.cetak.office.Office;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.cetak.office.jooq.JooqAudit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The signed documents name people as their accounts describe them (full name, NIP, position),
 * never by login; the approving supervisor is the one who decided the approval.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockDocumentsTest {

  private final StockFixture f;
  private final Office bogor;
  private final User blanko;
  private final User kabid;
  private final Printer printer;

  StockDocumentsTest(DataSource dataSource) {
    f = new StockFixture(dataSource);
    bogor = f.office("32.71", "Disdukcapil Kota Bogor");
    // signed in after an administrator entered their official details, as the console reads them
    f.offices.setOfficialDetails(
        f.user(bogor.id(), "dewi.l", Role.INVENTORY_MANAGER).id(),
        "Dewi Lestari, S.E.",
        "19850317 201001 2 004",
        "Pengelola Blanko KTP-el");
    f.offices.setOfficialDetails(
        f.user(bogor.id(), "bambang.h", Role.SUPERVISOR).id(),
        "Drs. Bambang Hartono, M.Si.",
        "19720805 199803 1 002",
        "Kepala Bidang Pelayanan Pendaftaran Penduduk");
    blanko = f.offices.user("dewi.l").orElseThrow();
    kabid = f.offices.user("bambang.h").orElseThrow();
    printer = f.registry.register(bogor.id(), "P2", "Printer 2", "HDP5000", blanko);
    f.receipts.receive(
        bogor.id(),
        new DropRequest("BA/2026/11/0001", LocalDate.of(2026, 11, 1), 10, List.of()),
        blanko);
    f.feeders.load(bogor.id(), printer.code(), 5, f.user(bogor.id(), "op", Role.OPERATOR));
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  @Test
  void an_office_in_makassar_counts_its_day_and_prints_its_time_in_wita_one_in_jayapura_in_wit()
      throws IOException {
    Instant before = f.clock.instant();
    DateTimeFormatter printed =
        DateTimeFormatter.ofPattern("d MMMM yyyy HH.mm", Locale.forLanguageTag("id-ID"));
    try {
      for (String[] z :
          List.of(
              new String[] {"73.71", "Disdukcapil Kota Makassar", "Asia/Makassar", "WITA"},
              new String[] {"91.71", "Disdukcapil Kota Jayapura", "Asia/Jayapura", "WIT"})) {
        Office office = f.office(z[0], z[1]);
        f.db.execute("update office set time_zone = ? where id = ?", z[2], office.id());
        User keeper = f.user(office.id(), "blanko-" + z[0], Role.INVENTORY_MANAGER);
        // 23.30 WIB on the 2nd is already the 3rd in WITA (00.30) and in WIT (01.30)
        f.clock.set(Instant.parse("2026-11-02T16:30:00Z"));
        f.receipts.receive(
            office.id(),
            new DropRequest("BA/" + z[3] + "/0001", LocalDate.of(2026, 11, 2), 10, List.of()),
            keeper);
        assertThat(f.daily.report(office.id(), LocalDate.of(2026, 11, 2)).received())
            .as(z[3])
            .isZero();
        DailyStockReport third = f.daily.report(office.id(), LocalDate.of(2026, 11, 3));
        assertThat(third.received()).as(z[3]).isEqualTo(10);

        String text = text(f.documents().daily(office, third));
        assertThat(text)
            .as(z[3])
            .contains("Tanggal 3 November 2026 (" + z[3] + ")")
            .contains(
                "dicetak " + printed.format(f.clock.instant().atZone(ZoneId.of(z[2]))) + " " + z[3])
            .doesNotContain("WIB");
      }
    } finally {
      f.clock.set(before);
    }
  }

  @Test
  void the_destruction_report_names_proposer_and_approving_supervisor_with_nip_and_position()
      throws IOException {
    User operator = f.user(bogor.id(), "op-spoil", Role.OPERATOR);
    f.spoils.spoiled(
        bogor.id(),
        new SpoilRequest(
            printer.code(),
            false,
            1,
            SpoilReason.ENCODE_FAIL,
            Optional.of("04DD0622A7CFF0"),
            Optional.empty(),
            ""),
        operator);
    DestructionReport proposed =
        f.destructions.propose(
            bogor.id(),
            new DestructionProposal(
                LocalDate.of(2026, 11, 2),
                "halaman kantor",
                List.of("Saksi Satu", "Saksi Dua"),
                List.of(DestructionLine.chip(Item.BLANK, "04DD0622A7CFF0"))),
            blanko);

    String before = text(f.documents().destruction(bogor, proposed));
    assertThat(before).contains("Dewi Lestari, S.E.").contains("NIP. 19850317 201001 2 004");
    assertThat(before).doesNotContain("Bambang").contains("Diajukan, menunggu persetujuan");

    f.approvals.approve(proposed.approvalId().orElseThrow(), kabid, "");
    DestructionReport done = f.reports.byId(proposed.id()).orElseThrow();
    String text = text(f.documents().destruction(bogor, done));
    assertThat(text)
        .contains("Dewi Lestari, S.E.")
        .contains("Pengelola Blanko KTP-el")
        .contains("Drs. Bambang Hartono, M.Si.")
        .contains("NIP. 19720805 199803 1 002")
        .contains("Kepala Bidang Pelayanan Pendaftaran Penduduk")
        .contains("UID 04DD0622A7CFF0")
        .contains("Gagal tulis chip")
        .contains("PEMERINTAH KOTA BOGOR");
    assertThat(text)
        .doesNotContain("dewi.l")
        .doesNotContain("bambang.h")
        .doesNotContain("ENCODE_FAIL");
  }

  @Test
  void the_loss_report_names_its_signatories_and_the_printer_the_blank_was_lost_at()
      throws IOException {
    LossReport report =
        f.losses.propose(
            bogor.id(),
            new LossReports.Proposal(
                LocalDate.of(2026, 11, 2),
                Place.feeder(printer.id()),
                1,
                "Feeder dibuka saat jeda, satu blanko tidak ada",
                Optional.empty(),
                Optional.of("KTP26110000007"),
                Optional.empty()),
            blanko);
    f.approvals.approve(report.approvalId().orElseThrow(), kabid, "diperiksa");
    String text = text(f.documents().loss(bogor, f.losses.report(bogor.id(), report.id())));
    assertThat(text)
        .contains("BERITA ACARA KEHILANGAN BLANKO KTP-el")
        .contains("Feeder, printer P2")
        .contains("KTP26110000007")
        .contains("Dewi Lestari, S.E.")
        .contains("Drs. Bambang Hartono, M.Si.")
        .contains("Disetujui, blanko dicatat hilang");
  }

  @Test
  void signed_reports_reprint_with_the_nip_and_position_their_signatories_had_when_they_signed()
      throws IOException {
    f.offices.setOfficialDetails(
        f.user(bogor.id(), "sari.p", Role.INVENTORY_MANAGER).id(),
        "Sari Puspita, S.E.",
        "19880412 201101 2 003",
        "Pengelola Blanko KTP-el");
    f.offices.setOfficialDetails(
        f.user(bogor.id(), "agus.k", Role.SUPERVISOR).id(),
        "Agus Kurniawan, S.H.",
        "19700101 199503 1 001",
        "Kepala Bidang Pelayanan");
    User keeper = f.offices.user("sari.p").orElseThrow();
    User head = f.offices.user("agus.k").orElseThrow();
    f.spoils.spoiled(
        bogor.id(),
        new SpoilRequest(
            printer.code(),
            false,
            1,
            SpoilReason.ENCODE_FAIL,
            Optional.of("04AA0622A7CF01"),
            Optional.empty(),
            ""),
        f.user(bogor.id(), "op-signed", Role.OPERATOR));
    DestructionReport destruction =
        f.destructions.propose(
            bogor.id(),
            new DestructionProposal(
                LocalDate.of(2026, 11, 2),
                "halaman kantor",
                List.of("Saksi Satu", "Saksi Dua"),
                List.of(DestructionLine.chip(Item.BLANK, "04AA0622A7CF01"))),
            keeper);
    f.approvals.approve(destruction.approvalId().orElseThrow(), head, "");
    LossReport loss =
        f.losses.propose(
            bogor.id(),
            new LossReports.Proposal(
                LocalDate.of(2026, 11, 2),
                Place.feeder(printer.id()),
                1,
                "Satu blanko tidak ada di feeder",
                Optional.empty(),
                Optional.of("KTP26110000009"),
                Optional.empty()),
            keeper);
    f.approvals.approve(loss.approvalId().orElseThrow(), head, "");

    // both are promoted and given new numbers after they signed
    f.offices.setOfficialDetails(
        keeper.id(), "Sari Puspita, S.E., M.M.", "19880412 201101 2 999", "Kepala Seksi");
    f.offices.setOfficialDetails(
        head.id(), "Agus Kurniawan, S.H., M.H.", "19700101 199503 1 999", "Sekretaris Dinas");

    for (String text :
        List.of(
            text(f.documents().destruction(bogor, f.reports.byId(destruction.id()).orElseThrow())),
            text(f.documents().loss(bogor, f.losses.report(bogor.id(), loss.id()))))) {
      assertThat(text)
          .contains("Sari Puspita, S.E.", "NIP. 19880412 201101 2 003", "Pengelola Blanko KTP-el")
          .contains("Agus Kurniawan, S.H.", "NIP. 19700101 199503 1 001", "Kepala Bidang Pelayanan")
          .doesNotContain("M.M.")
          .doesNotContain("M.H.")
          .doesNotContain("201101 2 999")
          .doesNotContain("199503 1 999")
          .doesNotContain("Kepala Seksi")
          .doesNotContain("Sekretaris Dinas");
    }
  }

  @Test
  void the_daily_report_is_signed_by_the_offices_inventory_manager_and_supervisor()
      throws IOException {
    String text =
        text(f.documents().daily(bogor, f.daily.report(bogor.id(), LocalDate.of(2026, 11, 2))));
    assertThat(text)
        .contains("Dibuat oleh,")
        .contains("Dewi Lestari, S.E.")
        .contains("Mengetahui,")
        .contains("Drs. Bambang Hartono, M.Si.");
  }

  @Test
  void with_two_holders_of_a_role_the_daily_report_names_one_the_same_every_day()
      throws IOException {
    User deputy = f.user(bogor.id(), "rina.w", Role.SUPERVISOR, Role.INVENTORY_MANAGER);
    f.offices.setOfficialDetails(deputy.id(), "Rina Wulandari, S.Sos.", "", "Staf Pelayanan");

    for (int day = 2; day <= 3; day++) {
      String text =
          text(f.documents().daily(bogor, f.daily.report(bogor.id(), LocalDate.of(2026, 11, day))));
      assertThat(text)
          .as("the report of 2026-11-0" + day)
          .contains("Dewi Lestari, S.E.", "19850317 201001 2 004")
          .contains("Drs. Bambang Hartono, M.Si.", "19720805 199803 1 002")
          .doesNotContain("Rina Wulandari");
    }
  }

  @Test
  void an_administrator_sets_name_nip_and_position_and_a_wrong_nip_changes_nothing() {
    Accounts accounts =
        new Accounts(
            f.offices,
            new Access(f.offices),
            new JooqAudit(f.db, f.clock),
            f.transactions,
            password -> password,
            f.clock);
    User admin = f.user(bogor.id(), "admin-docs", Role.ADMIN);
    User clerk = f.user(bogor.id(), "siti.r", Role.COUNTER_OFFICER);
    User set =
        accounts.officialDetails(
            "siti.r", "Siti Rahmawati, A.Md.", "199001012015032001", " Pengadministrasi ", admin);
    assertThat(set.displayName()).isEqualTo("Siti Rahmawati, A.Md.");
    assertThat(set.nip()).isEqualTo("19900101 201503 2 001");
    assertThat(set.position()).isEqualTo("Pengadministrasi");
    long audited = f.count("audit_event");
    assertThatThrownBy(
            () -> accounts.officialDetails("siti.r", "Siti", "1990-01-01", "Staf", admin))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("INVALID_NIP"));
    assertThatThrownBy(() -> accounts.officialDetails("siti.r", "", "", "x".repeat(121), admin))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("INVALID_POSITION"));
    assertThatThrownBy(() -> accounts.officialDetails("siti.r", "Siti", "", "Staf", clerk))
        .isInstanceOf(DomainException.class);
    assertThat(f.offices.user("siti.r").orElseThrow())
        .extracting(User::displayName, User::nip, User::position)
        .containsExactly("Siti Rahmawati, A.Md.", "19900101 201503 2 001", "Pengadministrasi");
    assertThat(f.count("audit_event")).isEqualTo(audited);
  }
}
