package org.cetak.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.notify.gateway.SmppGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notices over SMPP 3.4 (jsmpp) to a test centre on loopback built on jsmpp's server side. */
@DatabaseTest
class SmppDispatchTest {

  private final NotifyFixture f;
  private TestSmsc smsc;
  private SmppGateway gateway;

  SmppDispatchTest(DataSource dataSource) {
    f = new NotifyFixture(dataSource);
  }

  @BeforeEach
  void startCentre() throws IOException {
    smsc = new TestSmsc();
    gateway =
        new SmppGateway(
            new SmppGateway.Settings(
                "127.0.0.1",
                smsc.port,
                "cetak",
                "rahasia",
                "",
                "DUKCAPIL",
                Duration.ofSeconds(5),
                Duration.ofMillis(300)),
            f.reports::received);
  }

  @AfterEach
  void stopCentre() throws IOException {
    gateway.close();
    smsc.close();
  }

  @Test
  void each_notice_is_submitted_once_and_the_receipt_marks_it_delivered_with_the_centre_id() {
    List<Notice> notices = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      notices.add(
          f.cardPrinted(
              f.bogor, f.printed(f.bogor, "Sari " + i, Optional.of("+628123456740" + i))));
    }

    assertThat(f.dispatcher(gateway).dispatch().sent()).isEqualTo(3);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                notices.stream()
                    .allMatch(n -> f.notice(n.id()).status() == NoticeStatus.DELIVERED));
    assertThat(smsc.submitted).hasSize(3);
    assertThat(smsc.submitted).extracting(TestSmsc.Submitted::to).contains("6281234567400");
    Notice first = f.notice(notices.get(0).id());
    assertThat(smsc.submitted)
        .extracting(TestSmsc.Submitted::id)
        .contains(first.gatewayId().orElseThrow());
    assertThat(smsc.submitted.get(0).text()).startsWith("Yth. S. KTP-el Anda sudah jadi");
  }

  @Test
  void after_the_centre_drops_the_link_the_gateway_binds_again_and_sends() {
    Notice before =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Tono", Optional.of("+6281234567410")));
    f.dispatcher(gateway).dispatch();
    assertThat(smsc.binds.get()).isEqualTo(1);

    smsc.dropLinks();
    Notice after = f.cardPrinted(f.bogor, f.printed(f.bogor, "Umi", Optional.of("+6281234567411")));
    f.dispatcher(gateway).dispatch();

    assertThat(smsc.binds.get()).isEqualTo(2);
    assertThat(smsc.submitted)
        .extracting(TestSmsc.Submitted::to)
        .containsExactly("6281234567410", "6281234567411");
    assertThat(f.notice(before.id()).status().mayHaveReached()).isTrue();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> f.notice(after.id()).status() == NoticeStatus.DELIVERED);
  }

  @Test
  void an_idle_link_is_kept_alive_with_enquire_link() {
    f.cardPrinted(f.bogor, f.printed(f.bogor, "Vina", Optional.of("+6281234567420")));
    f.dispatcher(gateway).dispatch();

    await().atMost(Duration.ofSeconds(10)).until(() -> smsc.enquireLinks.get() >= 2);
    assertThat(smsc.binds.get()).isEqualTo(1);
  }

  @Test
  void a_throttled_submit_is_retried_after_the_backoff_and_sent_once() {
    smsc.refuseNext.set(1);
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Wati", Optional.of("+6281234567430")));
    Dispatcher dispatcher = f.dispatcher(gateway);

    dispatcher.dispatch();
    assertThat(f.notice(notice.id()).status()).isEqualTo(NoticeStatus.PENDING);
    assertThat(f.notice(notice.id()).lastError())
        .contains("SMSC menolak submit_sm: command_status 0x58");
    f.clock.advance(Duration.ofMinutes(1));
    dispatcher.dispatch();

    assertThat(smsc.submitted).hasSize(1);
    assertThat(f.notice(notice.id()).attempts()).isEqualTo(2);
  }

  @Test
  void a_crash_after_the_centre_took_the_message_does_not_submit_it_twice() {
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Yanti", Optional.of("+6281234567440")));
    try {
      f.crashingDispatcher(gateway).dispatch();
    } catch (CrashingStore.Crash expected) {
      // the centre's message id never committed
    }

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> f.notice(notice.id()).status() == NoticeStatus.DELIVERED);
    Dispatcher restarted = f.dispatcher(gateway);
    restarted.dispatch();
    f.clock.advance(Duration.ofHours(1));
    restarted.dispatch();

    assertThat(smsc.submitted).hasSize(1);
    assertThat(f.notice(notice.id()).gatewayId()).contains(smsc.submitted.get(0).id());
  }

  @Test
  void no_message_the_centre_took_carries_a_nik_kk_birth_date_or_address() {
    List<NotifyFixture.Resident> residents = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      NotifyFixture.Resident r =
          f.printed(f.bogor, "Zainal Abidin " + i, Optional.of("+628123456745" + i));
      residents.add(r);
      f.cardPrinted(f.bogor, r);
    }
    f.dispatcher(gateway).dispatch();

    PersonalData.assertNoneIn(
        smsc.submitted.stream().map(TestSmsc.Submitted::text).toList(), residents);
    assertThat(smsc.submitted).hasSize(5);
  }
}
