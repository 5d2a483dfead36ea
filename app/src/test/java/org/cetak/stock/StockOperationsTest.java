package org.cetak.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cetak.approval.Approval;
import org.cetak.common.DomainException;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.office.Office;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockOperationsTest {

  private final StockFixture f;
  private final Office bogor;
  private final Office tengah;
  private final Office depok;
  private final User blanko;
  private final User operator;
  private final User kabid;
  private final User auditor;
  private final Printer prn1;

  StockOperationsTest(DataSource dataSource) {
    f = new StockFixture(dataSource);
    bogor = f.office("32.71", "Disdukcapil Kota Bogor");
    tengah = f.kecamatan("32.71.03", "Titik cetak Bogor Tengah", bogor.id());
    depok = f.office("32.76", "Disdukcapil Kota Depok");
    blanko = f.user(bogor.id(), "blanko", Role.INVENTORY_MANAGER);
    operator = f.user(bogor.id(), "operator", Role.OPERATOR);
    kabid = f.user(bogor.id(), "kabid", Role.SUPERVISOR);
    auditor = f.user(bogor.id(), "inspektorat", Role.AUDITOR);
    prn1 = f.registry.register(bogor.id(), "PRN-1", "Printer 1", "HDP5000", blanko);
    f.receipts.receive(
        bogor.id(),
        new DropRequest(
            "BA/2026/11/0001",
            LocalDate.of(2026, 11, 1),
            1000,
            List.of(SerialRange.parse("KTP26110000001", "KTP26110001000"))),
        blanko);
  }

  private Reconciliation rec(Office office) {
    return f.levels.reconciliation(office.id());
  }

  @Test
  void drop_lands_in_the_vault_and_listeners_hear_of_it() {
    assertThat(f.ledger.balance(bogor.id(), Item.BLANK, Place.of(Location.VAULT)))
        .isGreaterThanOrEqualTo(0);
    assertThat(f.dropsHeard).anySatisfy(d -> assertThat(d[2]).isEqualTo(1000));
    assertThat(rec(bogor).received()).isGreaterThanOrEqualTo(1000);
    assertThat(rec(bogor).closes()).isTrue();
  }

  @Test
  void overlapping_serials_are_refused_with_nothing_written() {
    long movements = f.count("stock_movement");
    long drops = f.count("stock_drop");
    assertThatThrownBy(
            () ->
                f.receipts.receive(
                    bogor.id(),
                    new DropRequest(
                        "BA/2026/11/0099",
                        LocalDate.of(2026, 11, 2),
                        10,
                        List.of(SerialRange.parse("KTP26110000995", "KTP26110001004"))),
                    blanko))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("SERIALS_OVERLAP"));
    assertThat(f.count("stock_movement")).isEqualTo(movements);
    assertThat(f.count("stock_drop")).isEqualTo(drops);
  }

  @Test
  void serials_that_do_not_add_up_to_the_quantity_are_refused() {
    assertThatThrownBy(
            () ->
                f.receipts.receive(
                    bogor.id(),
                    new DropRequest(
                        "BA/2026/11/0098",
                        LocalDate.of(2026, 11, 2),
                        11,
                        List.of(SerialRange.parse("ZZ01", "ZZ10"))),
                    blanko))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.code()).isEqualTo("SERIALS_DO_NOT_MATCH_QUANTITY"));
  }

  private void refusedWithNothingWritten(Runnable action, String code, String... named) {
    long movements = f.count("stock_movement");
    long drops = f.count("stock_drop");
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              if (named.length > 0) {
                assertThat(e.getMessage()).contains(named);
              }
            });
    assertThat(f.count("stock_movement")).isEqualTo(movements);
    assertThat(f.count("stock_drop")).isEqualTo(drops);
  }

  @Test
  void a_drop_beyond_the_configured_maximum_is_refused_naming_the_limit() {
    refusedWithNothingWritten(
        () ->
            f.receipts.receive(
                bogor.id(),
                new DropRequest(
                    "BA/2026/11/0500", LocalDate.of(2026, 11, 2), Integer.MAX_VALUE, List.of()),
                blanko),
        "DROP_TOO_LARGE",
        String.valueOf(DropLimits.DEFAULT.maxQuantity()));
  }

  @Test
  void a_drop_dated_after_today_is_refused() {
    refusedWithNothingWritten(
        () ->
            f.receipts.receive(
                bogor.id(),
                new DropRequest("BA/2026/11/0501", LocalDate.of(2026, 11, 3), 10, List.of()),
                blanko),
        "DOCUMENT_DATE_IN_FUTURE",
        "2026-11-03");
  }

  @Test
  void a_document_number_longer_than_the_limit_is_refused() {
    refusedWithNothingWritten(
        () ->
            f.receipts.receive(
                bogor.id(),
                new DropRequest("BA/" + "9".repeat(200), LocalDate.of(2026, 11, 2), 10, List.of()),
                blanko),
        "DOCUMENT_NO_TOO_LONG",
        String.valueOf(DropLimits.DEFAULT.maxDocumentNoLength()));
  }

  @Test
  void loading_beyond_the_feeder_capacity_is_refused_naming_the_capacity() {
    Printer prn2 = f.registry.register(bogor.id(), "PRN-CAP", "Printer cap", "HDP5000", blanko);
    f.feeders.load(bogor.id(), prn2.code(), 60, operator);
    refusedWithNothingWritten(
        () -> f.feeders.load(bogor.id(), prn2.code(), 41, operator),
        "FEEDER_CAPACITY_EXCEEDED",
        String.valueOf(StockFixture.FEEDER_CAPACITY),
        "PRN-CAP");
    assertThat(f.ledger.balance(bogor.id(), Item.BLANK, Place.feeder(prn2.id()))).isEqualTo(60);
  }

  @Test
  void loading_more_than_the_vault_holds_is_refused_with_nothing_written() {
    long movements = f.count("stock_movement");
    long vault = f.ledger.balance(bogor.id(), Item.BLANK, Place.of(Location.VAULT));
    assertThatThrownBy(() -> f.feeders.load(bogor.id(), "PRN-1", (int) vault + 1, operator))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("INSUFFICIENT_BALANCE"));
    assertThat(f.count("stock_movement")).isEqualTo(movements);
    assertThat(f.ledger.balance(bogor.id(), Item.BLANK, Place.of(Location.VAULT))).isEqualTo(vault);
  }

  @Test
  void zero_and_negative_quantities_are_refused() {
    long movements = f.count("stock_movement");
    for (int q : new int[] {0, -5}) {
      assertThatThrownBy(() -> f.feeders.load(bogor.id(), "PRN-1", q, operator))
          .isInstanceOfSatisfying(
              DomainException.class, e -> assertThat(e.code()).isEqualTo("INVALID_QUANTITY"));
    }
    assertThat(f.count("stock_movement")).isEqualTo(movements);
  }

  @Test
  void unknown_printer_and_unknown_office_are_refused() {
    assertThatThrownBy(() -> f.feeders.load(bogor.id(), "PRN-9", 1, operator))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("UNKNOWN_PRINTER"));
    assertThatThrownBy(() -> f.feeders.load(999_999, "PRN-1", 1, operator))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("UNKNOWN_OFFICE"));
    assertThatThrownBy(() -> f.printRoom.picked(999_999, 1, 1))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("UNKNOWN_PRINTER"));
  }

  @Test
  void a_user_of_another_office_or_without_the_role_is_refused() {
    User depokOperator = f.user(depok.id(), "depok-operator", Role.OPERATOR);
    assertThatThrownBy(() -> f.feeders.load(bogor.id(), "PRN-1", 1, depokOperator))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("OTHER_OFFICE"));
    assertThatThrownBy(() -> f.feeders.load(bogor.id(), "PRN-1", 1, auditor))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("ROLE_REQUIRED"));
  }

  @Test
  void print_room_moves_a_card_from_feeder_to_printed() {
    f.feeders.load(bogor.id(), "PRN-1", 5, operator);
    int before = f.printRoom.feeder(prn1.id());
    long printedBefore = rec(bogor).printed();
    f.printRoom.picked(prn1.id(), 1, 77);
    f.printRoom.printed(prn1.id(), "04a1b2c3d4e5f6", f.request(bogor.id()), 77);
    assertThat(f.printRoom.feeder(prn1.id())).isEqualTo(before - 1);
    assertThat(rec(bogor).printed()).isEqualTo(printedBefore + 1);
    assertThat(f.ledger.recent(bogor.id(), 1).get(0).movement().actor()).isEqualTo("station:PRN-1");
    assertThat(rec(bogor).closes()).isTrue();
  }

  @Test
  void outcome_unknown_is_counted_until_resolved() {
    f.feeders.load(bogor.id(), "PRN-1", 2, operator);
    f.printRoom.picked(prn1.id(), 1, 90);
    f.printRoom.toUnknown(prn1.id(), false, 90);
    assertThat(rec(bogor).unknown()).isEqualTo(1);
    assertThat(rec(bogor).closes()).isTrue();
    f.printRoom.unknownSpoiled(
        prn1.id(),
        SpoilReason.ENCODE_FAIL,
        Optional.of("AABBCCDD"),
        f.request(bogor.id()),
        90,
        "chip mute");
    assertThat(rec(bogor).unknown()).isZero();
    assertThatThrownBy(() -> f.printRoom.backFromUnknown(prn1.id(), true, 90))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("INSUFFICIENT_BALANCE"));
  }

  @Test
  void write_off_needs_a_second_person_who_is_a_supervisor() {
    User blanko2 = f.user(bogor.id(), "blanko2", Role.INVENTORY_MANAGER, Role.SUPERVISOR);
    long spoiledBefore = rec(bogor).spoiled();
    Approval proposal =
        f.writeOffs.propose(
            bogor.id(),
            Place.of(Location.VAULT),
            3,
            SpoilReason.DAMAGED_IN_STORAGE,
            "water damage",
            blanko2);
    assertThat(rec(bogor).spoiled()).isEqualTo(spoiledBefore);
    assertThatThrownBy(() -> f.approvals.approve(proposal.id(), blanko2, "mine"))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("SELF_APPROVAL"));
    assertThatThrownBy(() -> f.approvals.approve(proposal.id(), operator, ""))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("NOT_A_SUPERVISOR"));
    assertThat(rec(bogor).spoiled()).isEqualTo(spoiledBefore);
    f.approvals.approve(proposal.id(), kabid, "seen");
    assertThat(rec(bogor).spoiled()).isEqualTo(spoiledBefore + 3);
    assertThatThrownBy(() -> f.approvals.approve(proposal.id(), kabid, "again"))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("ALREADY_DECIDED"));
    assertThat(rec(bogor).closes()).isTrue();
  }

  @Test
  void blanks_move_between_two_feeders_in_one_ledger_movement() {
    Printer dry = f.registry.register(bogor.id(), "PRN-DRY", "Printer dry", "HDP5000", blanko);
    Printer full = f.registry.register(bogor.id(), "PRN-FULL", "Printer full", "HDP5000", blanko);
    f.feeders.load(bogor.id(), full.code(), 30, operator);
    long movements = f.count("stock_movement");
    RecordedMovement moved = f.feeders.move(bogor.id(), full.code(), dry.code(), 12, operator);
    assertThat(f.count("stock_movement")).isEqualTo(movements + 1);
    assertThat(moved.movement().from()).isEqualTo(Place.feeder(full.id()));
    assertThat(moved.movement().to()).isEqualTo(Place.feeder(dry.id()));
    assertThat(f.ledger.balance(bogor.id(), Item.BLANK, Place.feeder(full.id()))).isEqualTo(18);
    assertThat(f.ledger.balance(bogor.id(), Item.BLANK, Place.feeder(dry.id()))).isEqualTo(12);
    assertThat(rec(bogor).closes()).isTrue();
    refusedWithNothingWritten(
        () -> f.feeders.move(bogor.id(), full.code(), dry.code(), 19, operator),
        "INSUFFICIENT_BALANCE");
  }

  @Test
  void a_mistaken_drop_is_reversed_by_a_correcting_movement_once_a_second_person_approves() {
    Office sukabumi = f.office("32.72", "Disdukcapil Kota Sukabumi");
    User gudang = f.user(sukabumi.id(), "gudang-smi", Role.INVENTORY_MANAGER);
    User kepala = f.user(sukabumi.id(), "kabid-smi", Role.SUPERVISOR);
    Drop mistaken =
        f.receipts.receive(
            sukabumi.id(),
            new DropRequest(
                "BA/2026/11/7000",
                LocalDate.of(2026, 11, 1),
                5000,
                List.of(SerialRange.parse("SMI26110000001", "SMI26110005000"))),
            gudang);
    long movements = f.count("stock_movement");

    refusedWithNothingWritten(
        () -> f.reversals.propose(sukabumi.id(), mistaken.id(), " ", gudang),
        "REVERSAL_REASON_REQUIRED");
    Approval proposal =
        f.reversals.propose(
            sukabumi.id(), mistaken.id(), "500 blanko tercatat 5000 (salah ketik)", gudang);
    assertThat(f.count("stock_movement")).isEqualTo(movements);
    assertThat(rec(sukabumi).received()).isEqualTo(5000);
    refusedWithNothingWritten(
        () -> f.reversals.propose(sukabumi.id(), mistaken.id(), "lagi", gudang),
        "DROP_ALREADY_REVERSED");
    assertThatThrownBy(() -> f.approvals.approve(proposal.id(), gudang, "sendiri"))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("NOT_A_SUPERVISOR"));

    f.approvals.approve(proposal.id(), kepala, "diperiksa dengan BA fisik");

    Reconciliation after = rec(sukabumi);
    assertThat(after.received()).isZero();
    assertThat(after.vault()).isZero();
    assertThat(after.closes()).isTrue();
    assertThat(f.count("stock_movement")).isEqualTo(movements + 1);
    RecordedMovement correcting = f.ledger.recent(sukabumi.id(), 1).get(0);
    assertThat(correcting.movement().from()).isEqualTo(Place.of(Location.VAULT));
    assertThat(correcting.movement().to()).isEqualTo(Place.of(Location.CENTRE));
    assertThat(correcting.movement().reason()).isEqualTo("DROP_REVERSED");
    assertThat(correcting.movement().referenceKind()).isEqualTo(ReferenceKind.DROP);
    assertThat(correcting.movement().referenceId()).isEqualTo(mistaken.id());
    assertThat(correcting.movement().detail().note()).contains("BA/2026/11/7000", "salah ketik");
    assertThat(f.ledger.recent(sukabumi.id(), 2).get(1).movement().reason())
        .isEqualTo("DROP_RECEIVED");
    assertThat(f.check.run().ok()).isTrue();

    // the drop as it should have been: same document, its own serials, received afresh
    f.receipts.receive(
        sukabumi.id(),
        new DropRequest(
            "BA/2026/11/7000",
            LocalDate.of(2026, 11, 1),
            500,
            List.of(SerialRange.parse("SMI26110000001", "SMI26110000500"))),
        gudang);
    assertThat(rec(sukabumi).received()).isEqualTo(500);
    assertThat(rec(sukabumi).closes()).isTrue();
    refusedWithNothingWritten(
        () -> f.reversals.propose(sukabumi.id(), mistaken.id(), "lagi", gudang),
        "DROP_ALREADY_REVERSED");
  }

  @Test
  void a_drop_whose_blanks_left_the_vault_cannot_be_reversed() {
    Office cimahi = f.office("32.77", "Disdukcapil Kota Cimahi");
    User gudang = f.user(cimahi.id(), "gudang-cmi", Role.INVENTORY_MANAGER);
    User kepala = f.user(cimahi.id(), "kabid-cmi", Role.SUPERVISOR);
    Printer prn = f.registry.register(cimahi.id(), "PRN-C", "Printer C", "HDP5000", gudang);
    Drop drop =
        f.receipts.receive(
            cimahi.id(),
            new DropRequest("BA/2026/11/7100", LocalDate.of(2026, 11, 1), 50, List.of()),
            gudang);
    Approval proposal = f.reversals.propose(cimahi.id(), drop.id(), "dobel dicatat", gudang);
    f.feeders.load(cimahi.id(), prn.code(), 10, f.user(cimahi.id(), "op-cmi", Role.OPERATOR));
    long movements = f.count("stock_movement");
    assertThatThrownBy(() -> f.approvals.approve(proposal.id(), kepala, ""))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("INSUFFICIENT_BALANCE"));
    assertThat(f.count("stock_movement")).isEqualTo(movements);
    assertThat(rec(cimahi).received()).isEqualTo(50);
    f.approvals.reject(proposal.id(), kepala, "blanko sudah dipakai");
    refusedWithNothingWritten(
        () -> f.reversals.propose(cimahi.id(), drop.id(), "dobel dicatat", gudang), "DROP_IN_USE");
  }

  @Test
  void a_missing_blank_is_lost_only_once_a_second_person_approves_its_loss_report() {
    Printer prn = f.registry.register(bogor.id(), "PRN-LOST", "Printer lost", "HDP5000", blanko);
    f.feeders.load(bogor.id(), prn.code(), 2, operator);
    long spoiledBefore = rec(bogor).spoiled();
    LossReport report =
        f.losses.propose(
            bogor.id(),
            new LossReports.Proposal(
                LocalDate.of(2026, 11, 2),
                Place.feeder(prn.id()),
                1,
                "Feeder dibuka saat jeda, satu blanko tidak ada",
                Optional.empty(),
                Optional.of("KTP26110000007"),
                Optional.empty()),
            operator);
    assertThat(report.number()).startsWith("BAK/32.71/2026/");
    assertThat(rec(bogor).lost()).isZero();
    assertThat(f.ledger.balance(bogor.id(), Item.BLANK, Place.feeder(prn.id()))).isEqualTo(2);
    assertThatThrownBy(() -> f.approvals.approve(report.approvalId().orElseThrow(), operator, ""))
        .isInstanceOf(DomainException.class);
    f.approvals.approve(report.approvalId().orElseThrow(), kabid, "diperiksa");
    Reconciliation after = rec(bogor);
    assertThat(after.lost()).isEqualTo(1);
    assertThat(after.spoiled()).isEqualTo(spoiledBefore);
    assertThat(f.ledger.balance(bogor.id(), Item.BLANK, Place.feeder(prn.id()))).isEqualTo(1);
    assertThat(after.closes()).isTrue();
    assertThat(f.losses.report(bogor.id(), report.id()).status()).isEqualTo(LossReport.Status.LOST);
  }

  @Test
  void a_lost_blank_found_again_moves_back_with_a_movement_naming_its_report() {
    Printer prn = f.registry.register(bogor.id(), "PRN-FOUND", "Printer found", "HDP5000", blanko);
    f.feeders.load(bogor.id(), prn.code(), 1, operator);
    LossReport report =
        f.losses.propose(
            bogor.id(),
            new LossReports.Proposal(
                LocalDate.of(2026, 11, 2),
                Place.feeder(prn.id()),
                1,
                "Tidak ditemukan",
                Optional.empty(),
                Optional.empty(),
                Optional.empty()),
            operator);
    f.approvals.approve(report.approvalId().orElseThrow(), kabid, "");
    long vault = f.ledger.balance(bogor.id(), Item.BLANK, Place.of(Location.VAULT));
    long lost = rec(bogor).lost();
    RecordedMovement found =
        f.losses.foundAgain(bogor.id(), report.id(), 1, "di bawah meja", operator);
    assertThat(found.movement().from()).isEqualTo(Place.of(Location.LOST));
    assertThat(found.movement().referenceKind()).isEqualTo(ReferenceKind.LOSS_REPORT);
    assertThat(found.movement().detail().note()).contains(report.number());
    assertThat(f.ledger.balance(bogor.id(), Item.BLANK, Place.of(Location.VAULT)))
        .isEqualTo(vault + 1);
    assertThat(rec(bogor).lost()).isEqualTo(lost - 1);
    assertThat(rec(bogor).closes()).isTrue();
    refusedWithNothingWritten(
        () -> f.losses.foundAgain(bogor.id(), report.id(), 1, "", operator),
        "NOT_THAT_MANY_LOST",
        report.number());
  }

  @Test
  void a_loss_of_more_blanks_than_the_place_holds_is_refused() {
    Printer prn = f.registry.register(bogor.id(), "PRN-EMPTY", "Printer empty", "HDP5000", blanko);
    refusedWithNothingWritten(
        () ->
            f.losses.propose(
                bogor.id(),
                new LossReports.Proposal(
                    LocalDate.of(2026, 11, 2),
                    Place.feeder(prn.id()),
                    1,
                    "Tidak ditemukan",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()),
                operator),
        "INSUFFICIENT_BALANCE",
        "holds 0");
  }

  @Test
  void destruction_report_moves_listed_cards_from_spoiled_to_destroyed_once_approved() {
    f.feeders.load(bogor.id(), "PRN-1", 3, operator);
    f.spoils.spoiled(
        bogor.id(),
        new SpoilRequest(
            "PRN-1",
            false,
            1,
            SpoilReason.FACTORY_DEFECT,
            Optional.of("11223344"),
            Optional.empty(),
            "bent"),
        operator);
    RecordedMovement twoBad =
        f.spoils.spoiled(
            bogor.id(),
            new SpoilRequest(
                "PRN-1",
                false,
                2,
                SpoilReason.FACTORY_DEFECT,
                Optional.empty(),
                Optional.empty(),
                ""),
            operator);
    f.spoils.withdrawnOldCard(
        bogor.id(), f.request(bogor.id()), Optional.of("DEADBEEF"), Optional.empty(), "", operator);
    long destroyedBefore = rec(bogor).destroyed();
    DestructionReport report =
        f.destructions.propose(
            bogor.id(),
            new DestructionProposal(
                LocalDate.of(2026, 11, 2),
                "Halaman kantor",
                List.of("Saksi Satu", "Saksi Dua"),
                List.of(
                    DestructionLine.chip(Item.BLANK, "11223344"),
                    DestructionLine.spoil(Item.BLANK, twoBad.id()),
                    DestructionLine.spoil(Item.BLANK, twoBad.id()),
                    DestructionLine.chip(Item.OLD_CARD, "deadbeef"))),
            blanko);
    assertThat(report.number()).startsWith("BAP/32.71/2026/");
    assertThat(report.cards()).hasSize(4);
    assertThat(rec(bogor).destroyed()).isEqualTo(destroyedBefore);
    f.approvals.approve(report.approvalId().orElseThrow(), kabid, "");
    Reconciliation after = rec(bogor);
    assertThat(after.destroyed()).isEqualTo(destroyedBefore + 3);
    assertThat(after.oldCardsDestroyed()).isGreaterThanOrEqualTo(1);
    assertThat(after.closes()).isTrue();
    assertThat(f.reports.byId(report.id()).orElseThrow().status())
        .isEqualTo(DestructionReport.Status.DESTROYED);
  }

  @Test
  void destruction_report_listing_a_card_not_in_the_spoiled_pile_is_refused_with_nothing_written() {
    long reportsBefore = f.count("destruction_report");
    long approvalsBefore = f.count("approval");
    assertThatThrownBy(
            () ->
                f.destructions.propose(
                    bogor.id(),
                    new DestructionProposal(
                        LocalDate.of(2026, 11, 2),
                        "",
                        List.of("A", "B"),
                        List.of(DestructionLine.chip(Item.BLANK, "0102030405060708090A"))),
                    blanko))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("NOT_IN_SPOILED_PILE"));
    assertThat(f.count("destruction_report")).isEqualTo(reportsBefore);
    assertThat(f.count("approval")).isEqualTo(approvalsBefore);
  }

  @Test
  void a_loan_between_two_offices_of_this_installation_moves_both_ledgers() {
    long tengahVault = f.ledger.balance(tengah.id(), Item.BLANK, Place.of(Location.VAULT));
    f.lending.lend(
        bogor.id(), new LoanRequest(Optional.of(tengah.id()), "", "PINJAM/2026/001", 50), blanko);
    assertThat(f.ledger.balance(tengah.id(), Item.BLANK, Place.of(Location.VAULT)))
        .isEqualTo(tengahVault + 50);
    assertThat(rec(tengah).borrowed()).isEqualTo(50);
    assertThat(rec(bogor).lent()).isGreaterThanOrEqualTo(50);
    assertThat(rec(bogor).closes()).isTrue();
    assertThat(rec(tengah).closes()).isTrue();
  }

  @Test
  void a_loan_returned_in_part_moves_both_ledgers_back_with_movements_that_name_the_loan() {
    long bogorVault = f.ledger.balance(bogor.id(), Item.BLANK, Place.of(Location.VAULT));
    Loan lent =
        f.lending.lend(
            bogor.id(),
            new LoanRequest(Optional.of(depok.id()), "", "PINJAM/2026/KEMBALI", 30),
            blanko);
    long depokBorrowed = rec(depok).borrowed();
    long bogorLent = rec(bogor).lent();

    Loan back =
        f.lending.giveBack(bogor.id(), lent.id(), new LoanReturn("BAP/KEMBALI/1", 10), blanko);

    assertThat(back.returned()).isEqualTo(10);
    assertThat(back.outstanding()).isEqualTo(20);
    assertThat(f.ledger.balance(bogor.id(), Item.BLANK, Place.of(Location.VAULT)))
        .isEqualTo(bogorVault - 30 + 10);
    assertThat(rec(bogor).lent()).isEqualTo(bogorLent - 10);
    assertThat(rec(depok).borrowed()).isEqualTo(depokBorrowed - 10);
    assertThat(rec(bogor).closes()).isTrue();
    assertThat(rec(depok).closes()).isTrue();
    assertThat(
            f.db.fetchCount(
                f.db
                    .selectFrom("stock_movement")
                    .where("reason = 'LOAN_RETURNED' and reference_kind = 'LOAN'")
                    .and("reference_id = ?", lent.id())
                    .and("from_location = 'LENT' and to_location = 'VAULT'")))
        .isEqualTo(1);
    assertThat(
            f.db.fetchCount(
                f.db
                    .selectFrom("stock_movement")
                    .where("reason = 'LOAN_RETURNED' and office_id = ?", depok.id())
                    .and("from_location = 'VAULT' and to_location = 'BORROWED'")))
        .isEqualTo(1);
  }

  @Test
  void each_return_of_a_loan_is_kept_with_its_document_on_both_sides_and_listed_with_the_loan() {
    Loan lent =
        f.lending.lend(
            bogor.id(),
            new LoanRequest(Optional.of(depok.id()), "", "PINJAM/2026/DAFTAR", 9),
            blanko);
    f.lending.giveBack(bogor.id(), lent.id(), new LoanReturn("BAP/DAFTAR/1", 4), blanko);
    f.clock.advance(java.time.Duration.ofHours(2));
    f.lending.giveBack(bogor.id(), lent.id(), new LoanReturn("BAP/DAFTAR/2", 1), blanko);

    Lending.LoanWithReturns mine =
        f.lending.loans(bogor.id()).stream()
            .filter(l -> l.loan().id() == lent.id())
            .findFirst()
            .orElseThrow();
    assertThat(mine.loan().outstanding()).isEqualTo(4);
    assertThat(mine.returns())
        .extracting(Loan.Returned::documentNo, Loan.Returned::quantity, Loan.Returned::returnedBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("BAP/DAFTAR/1", 4, blanko.username()),
            org.assertj.core.groups.Tuple.tuple("BAP/DAFTAR/2", 1, blanko.username()));
    assertThat(mine.returns().get(1).returnedAt())
        .isEqualTo(mine.returns().get(0).returnedAt().plus(java.time.Duration.ofHours(2)));
    Lending.LoanWithReturns theirs =
        f.lending.loans(depok.id()).stream()
            .filter(l -> l.loan().documentNo().equals("PINJAM/2026/DAFTAR"))
            .findFirst()
            .orElseThrow();
    assertThat(theirs.loan().direction()).isEqualTo(Loan.Direction.BORROWED);
    assertThat(theirs.returns())
        .extracting(Loan.Returned::documentNo)
        .containsExactly("BAP/DAFTAR/1", "BAP/DAFTAR/2");
    assertThatThrownBy(
            () ->
                f.lending.giveBack(
                    bogor.id(), lent.id(), new LoanReturn("BAP/DAFTAR/3", 5), blanko))
        .isInstanceOf(DomainException.class);
    assertThat(
            f.db.fetchCount(
                f.db.selectFrom("stock_loan_return").where("document_no = 'BAP/DAFTAR/3'")))
        .as("a refused return keeps no row")
        .isZero();
  }

  @Test
  void a_return_beyond_what_the_loan_has_out_is_refused_with_nothing_written() {
    Loan lent =
        f.lending.lend(
            bogor.id(),
            new LoanRequest(Optional.empty(), "Kantor Luar", "PINJAM/2026/LEBIH", 5),
            blanko);
    User other = f.user(depok.id(), "gudang-dpk-lain", Role.INVENTORY_MANAGER);
    f.lending.giveBack(bogor.id(), lent.id(), new LoanReturn("BAP/LEBIH/1", 3), blanko);

    refusedWithNothingWritten(
        () -> f.lending.giveBack(bogor.id(), lent.id(), new LoanReturn("BAP/LEBIH/2", 3), blanko),
        "LOAN_RETURN_TOO_LARGE");
    refusedWithNothingWritten(
        () -> f.lending.giveBack(depok.id(), lent.id(), new LoanReturn("BAP/LEBIH/3", 1), other),
        "UNKNOWN_LOAN");
    assertThat(f.db.fetchValue("select returned from stock_loan where id = " + lent.id()))
        .isEqualTo(3);
  }

  @Test
  void borrowed_blanks_given_back_to_a_lender_outside_cetak_lower_what_was_borrowed() {
    User gudang = f.user(depok.id(), "gudang-dpk", Role.INVENTORY_MANAGER);
    Loan borrowed =
        f.lending.borrow(
            depok.id(),
            new LoanRequest(Optional.empty(), "Disdukcapil Kab. Luar", "PINJAM/LUAR/1", 12),
            gudang);
    long borrowedBefore = rec(depok).borrowed();

    f.lending.giveBack(depok.id(), borrowed.id(), new LoanReturn("BAP/LUAR/1", 12), gudang);

    assertThat(rec(depok).borrowed()).isEqualTo(borrowedBefore - 12);
    assertThat(rec(depok).closes()).isTrue();
  }

  @Test
  void the_database_refuses_to_change_or_delete_a_movement() {
    assertThatThrownBy(() -> f.db.execute("update stock_movement set quantity = 1"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> f.db.execute("delete from stock_movement"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> f.db.execute("truncate stock_movement cascade"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () -> f.db.execute("update stock_balance set quantity = -1 where location = 'VAULT'"))
        .hasMessageContaining("ck_stock_balance_quantity");
  }

  @Test
  void ledger_check_passes_on_an_honest_ledger() {
    LedgerCheck.Result result = f.check.run();
    assertThat(result.differences()).isEmpty();
    assertThat(result.placesChecked()).isPositive();
  }
}
