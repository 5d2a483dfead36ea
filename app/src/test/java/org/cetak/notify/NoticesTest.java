package org.cetak.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import javax.sql.DataSource;
import org.cetak.common.DomainException;
import org.cetak.db.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

/** Writing notices: one per collectable card, reprints, no phone, the quality check, reminders. */
@DatabaseTest
class NoticesTest {

  private final NotifyFixture f;

  NoticesTest(DataSource dataSource) {
    f = new NotifyFixture(dataSource);
  }

  @Test
  void printed_card_gets_one_notice_even_when_the_station_says_so_twice() {
    NotifyFixture.Resident siti = f.printed(f.bogor, "siti aminah", Optional.of("+6281234567001"));
    Notices.CollectableCard card =
        new Notices.CollectableCard(
            f.bogor, siti.requestId(), f.job(f.bogor, siti.requestId()), siti.name(), siti.phone());

    f.notices.cardCollectable(card);
    f.notices.cardCollectable(card);

    assertThat(f.store.lockNoticesOf(siti.requestId()))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(NoticeKind.READY);
              assertThat(n.status()).isEqualTo(NoticeStatus.PENDING);
              assertThat(n.body())
                  .isEqualTo(
                      "Yth. S. KTP-el Anda sudah jadi, silakan diambil di Disdukcapil Kota Bogor,"
                          + " Senin-Jumat 08.00-15.00. Gratis. Bawa Suket.");
            });
  }

  @Test
  void card_without_a_valid_phone_is_kept_visible_and_never_sent() {
    NotifyFixture.Resident budi = f.printed(f.bogor, "Budi", Optional.empty());
    Notice notice = f.cardPrinted(f.bogor, budi);
    ScriptedGateway gateway = new ScriptedGateway();

    f.dispatcher(gateway).dispatch();

    assertThat(f.notice(notice.id()).status()).isEqualTo(NoticeStatus.NO_PHONE);
    assertThat(gateway.received).isEmpty();
  }

  @Test
  void reprint_before_the_first_notice_left_replaces_it_and_the_resident_gets_one_sms() {
    NotifyFixture.Resident dewi = f.printed(f.bogor, "Dewi", Optional.of("+6281234567002"));
    Notice first = f.cardPrinted(f.bogor, dewi);
    Notice reprint = f.cardPrinted(f.bogor, dewi);
    ScriptedGateway gateway = new ScriptedGateway();

    f.dispatcher(gateway).dispatch();

    assertThat(f.notice(first.id()).status()).isEqualTo(NoticeStatus.SUPERSEDED);
    assertThat(reprint.kind()).isEqualTo(NoticeKind.READY);
    assertThat(gateway.received).extracting(Sms::noticeId).containsExactly(reprint.id());
  }

  @Test
  void reprint_after_the_first_notice_left_says_the_card_is_ready_again() {
    NotifyFixture.Resident eka = f.printed(f.bogor, "Eka", Optional.of("+6281234567003"));
    Notice first = f.cardPrinted(f.bogor, eka);
    ScriptedGateway gateway = new ScriptedGateway();
    f.dispatcher(gateway).dispatch();

    Notice reprint = f.cardPrinted(f.bogor, eka);
    f.dispatcher(gateway).dispatch();

    assertThat(f.notice(first.id()).status()).isEqualTo(NoticeStatus.SENT);
    assertThat(reprint.kind()).isEqualTo(NoticeKind.READY_AGAIN);
    assertThat(gateway.received).hasSize(2);
    assertThat(gateway.received.get(1).text()).contains("sudah jadi kembali");
  }

  @Test
  void office_with_a_quality_check_writes_no_notice_at_printing_but_when_the_card_passes() {
    f.store.saveSettings(
        f.bogor,
        new NoticeSettings(
            ZoneId.of("Asia/Jakarta"),
            "Senin-Jumat 08.00-15.00",
            LocalTime.of(8, 0),
            LocalTime.of(20, 0),
            CollectableWhen.QUALITY_CHECKED,
            14),
        "test");
    NotifyFixture.Resident fajar = f.printed(f.bogor, "Fajar", Optional.of("+6281234567004"));

    assertThat(f.cardPrinted(f.bogor, fajar)).isNull();
    Notice passed =
        f.notices.cardCollectable(
            new Notices.CollectableCard(
                f.bogor,
                fajar.requestId(),
                f.job(f.bogor, fajar.requestId()),
                fajar.name(),
                fajar.phone()));

    assertThat(f.store.lockNoticesOf(fajar.requestId()))
        .extracting(Notice::id)
        .containsExactly(passed.id());
  }

  @Test
  void uncollected_card_is_reminded_once_after_the_office_number_of_days_and_listed_unclaimed() {
    NotifyFixture.Resident gita = f.printed(f.bogor, "Gita", Optional.of("+6281234567005"));
    f.cardPrinted(f.bogor, gita);
    ScriptedGateway gateway = new ScriptedGateway();
    f.dispatcher(gateway).dispatch();

    f.clock.advance(Duration.ofDays(13));
    f.dispatcher(gateway).dispatch();
    assertThat(gateway.received).hasSize(1);

    f.clock.advance(Duration.ofDays(1).plusMinutes(1));
    f.dispatcher(gateway).dispatch();
    f.dispatcher(gateway).dispatch();

    assertThat(gateway.received).hasSize(2);
    assertThat(gateway.received.get(1).text()).contains("belum diambil");
    assertThat(f.notices.unclaimed(f.bogor, 14))
        .filteredOn(c -> c.requestId() == gita.requestId())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.daysWaiting()).isEqualTo(14);
              assertThat(c.reminders()).isEqualTo(1);
              assertThat(c.lastNotice()).contains(NoticeStatus.SENT);
            });
    assertThat(f.notices.unclaimed(f.bogor, 15)).noneMatch(c -> c.requestId() == gita.requestId());
  }

  @Test
  void the_reminder_counts_the_days_from_when_the_card_became_collectable_not_from_its_print() {
    NotifyFixture.Resident ika = f.printed(f.bogor, "Ika", Optional.of("+6281234567007"));
    f.clock.advance(Duration.ofDays(5)); // the print room's check passed it five days later
    f.cardPrinted(f.bogor, ika);
    ScriptedGateway gateway = new ScriptedGateway();
    f.dispatcher(gateway).dispatch();

    f.clock.advance(Duration.ofDays(13));
    f.dispatcher(gateway).dispatch();
    assertThat(gateway.received).as("18 days after print, 13 after the notice").hasSize(1);

    f.clock.advance(Duration.ofDays(1).plusMinutes(1));
    f.dispatcher(gateway).dispatch();
    f.dispatcher(gateway).dispatch();
    assertThat(gateway.received).hasSize(2);
    assertThat(gateway.received.get(1).text()).contains("belum diambil");
  }

  @Test
  void officer_resends_a_failed_notice_and_the_resend_is_audited() {
    NotifyFixture.Resident hana = f.printed(f.bogor, "Hana", Optional.of("+6281234567006"));
    Notice notice = f.cardPrinted(f.bogor, hana);
    ScriptedGateway gateway =
        new ScriptedGateway()
            .then(new SmsGateway.Outcome.Refused("Kannel 400: Missing receiver", false));
    f.dispatcher(gateway).dispatch();
    assertThat(f.notice(notice.id()).status()).isEqualTo(NoticeStatus.FAILED);

    f.notices.resend(f.bogor, notice.id(), f.loket);
    f.dispatcher(gateway).dispatch();

    assertThat(f.notice(notice.id()).status()).isEqualTo(NoticeStatus.SENT);
    assertThat(
            f.db.fetchCount(
                org.jooq
                    .impl
                    .DSL
                    .table("audit_event")
                    .where("action = 'SMS_RESEND' and subject = ?", "sms_outbox:" + notice.id())))
        .isEqualTo(1);
  }

  @Test
  void a_sent_notice_cannot_be_resent_and_an_operator_cannot_resend_at_all() {
    NotifyFixture.Resident ika = f.printed(f.bogor, "Ika", Optional.of("+6281234567007"));
    Notice notice = f.cardPrinted(f.bogor, ika);
    f.dispatcher(new ScriptedGateway()).dispatch();

    assertThatThrownBy(() -> f.notices.resend(f.bogor, notice.id(), f.kabid))
        .isInstanceOf(DomainException.class)
        .hasFieldOrPropertyWithValue("error", NotifyError.NOTICE_NOT_RESENDABLE);
    assertThatThrownBy(() -> f.notices.resend(f.bogor, notice.id(), f.operator))
        .isInstanceOf(DomainException.class)
        .hasFieldOrPropertyWithValue("error", NotifyError.NOTICES_NOT_ALLOWED);
    assertThat(f.notice(notice.id()).status()).isEqualTo(NoticeStatus.SENT);
  }

  @Test
  void saved_template_is_used_for_the_next_notice() {
    f.notices.saveTemplate(
        f.bogor,
        NoticeKind.READY,
        "{inisial}. KTP-el sudah jadi di {kantor} ({jam}). Gratis, bawa Suket.",
        f.kabid);
    NotifyFixture.Resident joko = f.printed(f.bogor, "joko", Optional.of("+6281234567008"));

    assertThat(f.cardPrinted(f.bogor, joko).body())
        .isEqualTo(
            "J. KTP-el sudah jadi di Disdukcapil Kota Bogor (Senin-Jumat 08.00-15.00). Gratis,"
                + " bawa Suket.");
  }

  @Test
  void a_template_with_a_character_outside_gsm7_is_refused_naming_it_and_nothing_changes() {
    assertThatThrownBy(
            () ->
                f.notices.saveTemplate(
                    f.bogor,
                    NoticeKind.READY,
                    "{inisial}. KTP-el sudah jadi — gratis, bawa Suket.",
                    f.kabid))
        .isInstanceOf(DomainException.class)
        .hasFieldOrPropertyWithValue("error", NotifyError.TEMPLATE_NOT_GSM)
        .hasMessageContaining("\"—\" (U+2014)");
    assertThat(f.notices.template(f.bogor, NoticeKind.READY))
        .isEqualTo(SmsTemplates.DEFAULTS.get(NoticeKind.READY));
  }
}
