package org.cetak.pickup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cetak.common.DomainException;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.request.RequestSearch;
import org.cetak.stock.DailyStockReport;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Handing printed cards over at the counter (pengambilan), on the real database. */
@DatabaseTest
class HandoverTest {

  private static final LocalDate BORN = LocalDate.of(2001, 3, 14);

  private final DataSource dataSource;
  @TempDir Path tmp;

  HandoverTest(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  private CounterFixture counter() {
    return new CounterFixture(dataSource, tmp, false);
  }

  private static HandoverForm inPerson(OldCard oldCard, String uid, String policeReport) {
    return new HandoverForm(
        true,
        true,
        Optional.empty(),
        Recipient.RESIDENT,
        Optional.empty(),
        Optional.empty(),
        oldCard,
        Optional.ofNullable(uid),
        Optional.empty(),
        Optional.ofNullable(policeReport));
  }

  @Test
  void
      a_replacement_handed_over_with_its_old_card_moves_it_into_the_ledger_and_the_daily_report_counts_it() {
    CounterFixture c = counter();
    long request = c.printed(BORN, "DAMAGED", "");
    long oldCardsBefore = c.daily.report(c.f.office.id(), c.f.today()).oldCardsWithdrawn();

    Handover handover =
        c.pickup.handOver(
            c.f.office.id(), request, inPerson(OldCard.RETURNED, "04AABBCCDDEEFF", null), c.loket);

    assertThat(c.status(request)).isEqualTo("HANDED_OVER");
    assertThat(handover.oldCardMovementId()).isPresent();
    assertThat(
            c.f
                .db
                .fetch(
                    "select item, from_location, to_location, quantity, chip_uid, request_id, reason"
                        + " from stock_movement where id = ?",
                    handover.oldCardMovementId().get())
                .intoMaps())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m)
                  .containsEntry("item", "OLD_CARD")
                  .containsEntry("from_location", "WITHDRAWN");
              assertThat(m).containsEntry("to_location", "SPOILED").containsEntry("quantity", 1);
              assertThat(m)
                  .containsEntry("chip_uid", "04AABBCCDDEEFF")
                  .containsEntry("request_id", request);
              assertThat(m).containsEntry("reason", "WITHDRAWN_OLD_CARD");
            });
    DailyStockReport report = c.daily.report(c.f.office.id(), c.f.today());
    assertThat(report.oldCardsWithdrawn()).isEqualTo(oldCardsBefore + 1);
    assertThat(report.spoiled()).as("old cards are counted apart from blanks").isZero();
    assertThat(report.closes()).isTrue();
  }

  @Test
  void a_card_handed_over_cannot_be_handed_over_again_and_the_database_refuses_a_second_record() {
    CounterFixture c = counter();
    long request = c.printed(BORN, "FIRST_CARD", "");
    c.pickup.handOver(c.f.office.id(), request, inPerson(OldCard.NONE, null, null), c.loket);

    assertThatThrownBy(
            () ->
                c.pickup.handOver(
                    c.f.office.id(), request, inPerson(OldCard.NONE, null, null), c.loket))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("ALREADY_HANDED_OVER"));
    assertThatThrownBy(
            () ->
                c.f.db.execute(
                    "insert into handover (office_id, request_id, card_uid, recipient, suket_shown,"
                        + " face_matches, old_card, handed_by, handed_at)"
                        + " values (?, ?, 'X', 'RESIDENT', true, true, 'NONE', 'loket', now())",
                    c.f.office.id(),
                    request))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("uq_handover_request");
    assertThat(c.f.db.fetchCount(c.f.db.selectFrom("handover").where("request_id = ?", request)))
        .isEqualTo(1);
  }

  @Test
  void a_lost_old_card_is_recorded_with_its_police_report_and_moves_nothing_in_the_ledger() {
    CounterFixture c = counter();
    long request = c.printed(BORN, "LOST", "");
    long movements = c.f.count("stock_movement");

    Handover handover =
        c.pickup.handOver(
            c.f.office.id(),
            request,
            inPerson(OldCard.LOST, null, "LP/123/XI/2026/Polresta"),
            c.loket);

    assertThat(handover.form().policeReportNo()).contains("LP/123/XI/2026/Polresta");
    assertThat(handover.oldCardMovementId()).isEmpty();
    assertThat(c.f.count("stock_movement")).isEqualTo(movements);
    assertThat(c.pickup.handover(c.f.office.id(), request, c.loket))
        .hasValueSatisfying(h -> assertThat(h.form().oldCard()).isEqualTo(OldCard.LOST));
  }

  @Test
  void a_lost_old_card_without_a_police_report_is_refused_and_changes_nothing() {
    CounterFixture c = counter();
    long request = c.printed(BORN, "LOST", "");

    assertThatThrownBy(
            () ->
                c.pickup.handOver(
                    c.f.office.id(), request, inPerson(OldCard.LOST, null, " "), c.loket))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("POLICE_REPORT_REQUIRED"));
    assertThat(c.status(request)).isEqualTo("PRINTED");
    assertThat(c.f.db.fetchCount(c.f.db.selectFrom("handover").where("request_id = ?", request)))
        .isZero();
  }

  @Test
  void a_representative_without_a_letter_of_authority_is_refused_and_changes_nothing() {
    CounterFixture c = counter();
    long request = c.printed(BORN, "FIRST_CARD", "");
    HandoverForm noLetter =
        new HandoverForm(
            true,
            false,
            Optional.empty(),
            Recipient.REPRESENTATIVE,
            Optional.of("SITI AMINAH"),
            Optional.empty(),
            OldCard.NONE,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    assertThatThrownBy(() -> c.pickup.handOver(c.f.office.id(), request, noLetter, c.loket))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.code()).isEqualTo("REPRESENTATIVE_DETAILS_REQUIRED"));
    assertThat(c.status(request)).isEqualTo("PRINTED");
  }

  @Test
  void a_representative_with_a_letter_of_authority_collects_the_card() {
    CounterFixture c = counter();
    long request = c.printed(BORN, "FIRST_CARD", "");
    HandoverForm withLetter =
        new HandoverForm(
            true,
            false,
            Optional.empty(),
            Recipient.REPRESENTATIVE,
            Optional.of("SITI AMINAH"),
            Optional.of("SK/7/2026"),
            OldCard.NONE,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    Handover handover = c.pickup.handOver(c.f.office.id(), request, withLetter, c.loket);

    assertThat(handover.form().recipient()).isEqualTo(Recipient.REPRESENTATIVE);
    assertThat(handover.handedBy()).isEqualTo("loket");
    assertThat(c.status(request)).isEqualTo("HANDED_OVER");
  }

  @Test
  void a_card_not_printed_yet_cannot_be_handed_over() {
    CounterFixture c = counter();
    long request = c.queued(BORN, "FIRST_CARD", "");

    assertThatThrownBy(
            () ->
                c.pickup.handOver(
                    c.f.office.id(), request, inPerson(OldCard.NONE, null, null), c.loket))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("NOT_PRINTED"));
  }

  @Test
  void where_the_office_has_a_reader_the_fingerprint_must_be_verified() {
    CounterFixture c = new CounterFixture(dataSource, tmp, true);
    long request = c.printed(BORN, "FIRST_CARD", "");

    assertThatThrownBy(
            () ->
                c.pickup.handOver(
                    c.f.office.id(), request, inPerson(OldCard.NONE, null, null), c.loket))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("FINGERPRINT_REQUIRED"));
  }

  @Test
  void the_counter_finds_a_card_by_nik_by_name_and_birth_date_and_by_suket_number() {
    CounterFixture c = counter();
    long request = c.printed(BORN, "FIRST_CARD", "474.1/0815/2025");
    String nik = c.nik(request);

    List<CardAtCounter> byNik =
        c.pickup.find(c.f.office.id(), new RequestSearch.ByNik(nik), c.loket);
    List<CardAtCounter> byName =
        c.pickup.find(
            c.f.office.id(), new RequestSearch.ByName("budi santoso", Optional.of(BORN)), c.loket);
    List<CardAtCounter> wrongBirth =
        c.pickup.find(
            c.f.office.id(),
            new RequestSearch.ByName("budi santoso", Optional.of(BORN.plusDays(1))),
            c.loket);
    List<CardAtCounter> bySuket =
        c.pickup.find(c.f.office.id(), new RequestSearch.BySuket("474.1/0815/2025"), c.loket);

    assertThat(byNik).extracting(CardAtCounter::requestId).containsExactly(request);
    assertThat(byName).extracting(CardAtCounter::requestId).contains(request);
    assertThat(wrongBirth).extracting(CardAtCounter::requestId).doesNotContain(request);
    assertThat(bySuket).extracting(CardAtCounter::requestId).containsExactly(request);
    assertThat(byNik.get(0).collectable()).isTrue();
    assertThat(byNik.get(0).toString()).doesNotContain(nik).doesNotContain("BUDI");
  }

  @Test
  void the_handover_is_queued_for_the_centre_after_the_card_printed_status() {
    CounterFixture c = counter();
    long request = c.printed(BORN, "FIRST_CARD", "");

    c.pickup.handOver(c.f.office.id(), request, inPerson(OldCard.NONE, null, null), c.loket);

    assertThat(
            c.f
                .db
                .fetch("select kind from status_outbox where request_id = ? order by id", request)
                .getValues("kind", String.class))
        .containsExactly("PRINTED", "HANDED_OVER");
  }

  @Test
  void unclaimed_cards_show_their_age_since_printed_oldest_first() {
    CounterFixture c = counter();
    long older = c.printed(BORN, "FIRST_CARD", "");
    c.f.clock.advance(Duration.ofDays(3));
    long newer = c.printed(BORN.plusDays(1), "FIRST_CARD", "");
    long collected = c.printed(BORN.plusDays(2), "FIRST_CARD", "");
    c.pickup.handOver(c.f.office.id(), collected, inPerson(OldCard.NONE, null, null), c.loket);
    c.f.clock.advance(Duration.ofDays(2));

    List<UnclaimedCard> unclaimed = c.pickup.unclaimed(c.f.office.id(), c.loket);

    List<UnclaimedCard> ours =
        unclaimed.stream().filter(u -> u.requestId() == older || u.requestId() == newer).toList();
    assertThat(ours).extracting(UnclaimedCard::requestId).containsExactly(older, newer);
    assertThat(ours).extracting(UnclaimedCard::daysWaiting).containsExactly(5L, 2L);
    assertThat(unclaimed).extracting(UnclaimedCard::requestId).doesNotContain(collected);
    assertThat(ours.get(0).nikMasked()).contains("*");
    assertThat(ours.get(0).nameInitials()).startsWith("B. S. ");
  }
}
