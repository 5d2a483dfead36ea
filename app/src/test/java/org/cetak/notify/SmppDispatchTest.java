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
    gateway = gateway(Duration.ofSeconds(5));
  }

  private SmppGateway gateway(Duration timeout) {
    return new SmppGateway(
        new SmppGateway.Settings(
            "127.0.0.1",
            smsc.port,
            "cetak",
            "rahasia",
            "",
            "DUKCAPIL",
            timeout,
            Duration.ofMillis(300),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            Duration.ofMinutes(10)),
        f.reports::received,
        f.clock);
  }

  /** The README's rule for an unanswered SMPP attempt: the report wait, then the backoff. */
  private static void waitOutTheReportWaitAndTheBackoff(NotifyFixture f, Dispatcher dispatcher) {
    f.clock.advance(Duration.ofMinutes(31));
    dispatcher.dispatch();
    f.clock.advance(Duration.ofMinutes(10));
    dispatcher.dispatch();
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

  @Test
  void a_late_submit_sm_resp_leaves_the_notice_in_doubt_until_its_receipt_and_it_goes_once() {
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Ade", Optional.of("+6281234567460")));
    smsc.answerLate();
    try (SmppGateway impatient = gateway(Duration.ofSeconds(1))) {
      Dispatcher dispatcher = f.dispatcher(impatient);

      assertThat(dispatcher.dispatch().inDoubt()).isEqualTo(1);
      Notice waiting = f.notice(notice.id());
      assertThat(waiting.status()).isEqualTo(NoticeStatus.SENDING);
      assertThat(waiting.inDoubt()).isTrue();
      assertThat(waiting.lastError().orElseThrow())
          .contains("SMSC tidak menjawab submit_sm dalam 1 detik");
      smsc.answerNow(); // the answer comes after the gateway gave up on it; the receipt follows

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> f.notice(notice.id()).status() == NoticeStatus.DELIVERED);
      waitOutTheReportWaitAndTheBackoff(f, dispatcher);
    }

    assertThat(smsc.submitted).hasSize(1);
    Notice delivered = f.notice(notice.id());
    assertThat(delivered.status()).isEqualTo(NoticeStatus.DELIVERED);
    assertThat(delivered.attempts()).isEqualTo(1);
  }

  @Test
  void a_submit_sm_resp_lost_with_the_link_is_settled_by_the_receipt_the_centre_kept() {
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Bayu", Optional.of("+6281234567461")));
    smsc.holdReceipts.set(true);
    smsc.answerLate();
    try (SmppGateway impatient = gateway(Duration.ofSeconds(1))) {
      Dispatcher dispatcher = f.dispatcher(impatient);
      assertThat(dispatcher.dispatch().inDoubt()).isEqualTo(1);

      smsc.dropLinks(); // the answer is lost with the link
      smsc.answerNow();
      await().atMost(Duration.ofSeconds(10)).until(() -> smsc.receiptsKept() == 1);
      smsc.releaseReceipts(); // no link: the centre keeps it for our next bind
      f.clock.advance(Duration.ofMinutes(1));
      // the next runs, long before the report wait is over (the first may still see the old link
      // as bound, until its reader notices the centre closed it)
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                dispatcher.dispatch();
                return smsc.binds.get() == 2;
              });

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> f.notice(notice.id()).status() == NoticeStatus.DELIVERED);
      waitOutTheReportWaitAndTheBackoff(f, dispatcher);
    }

    assertThat(smsc.submitted).hasSize(1);
    assertThat(smsc.binds.get()).isEqualTo(2);
    Notice delivered = f.notice(notice.id());
    assertThat(delivered.status()).isEqualTo(NoticeStatus.DELIVERED);
    assertThat(delivered.attempts()).isEqualTo(1);
  }

  @Test
  void a_submit_whose_answer_and_receipt_are_both_lost_is_sent_again_after_the_report_wait() {
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Citra", Optional.of("+6281234567462")));
    smsc.holdReceipts.set(true); // the first attempt's receipt never comes
    smsc.answerLate();
    try (SmppGateway impatient = gateway(Duration.ofSeconds(1))) {
      Dispatcher dispatcher = f.dispatcher(impatient);
      dispatcher.dispatch();
      smsc.answerNow();
      await().atMost(Duration.ofSeconds(10)).until(() -> smsc.receiptsKept() == 1);

      f.clock.advance(Duration.ofMinutes(29));
      dispatcher.dispatch();
      assertThat(f.notice(notice.id()).status()).isEqualTo(NoticeStatus.SENDING);
      assertThat(smsc.submitted).hasSize(1);
      f.clock.advance(Duration.ofMinutes(2));
      dispatcher.dispatch();
      Notice again = f.notice(notice.id());
      assertThat(again.status()).isEqualTo(NoticeStatus.PENDING);
      assertThat(again.lastError().orElseThrow()).contains("SMS bisa sampai dua kali");
      smsc.holdReceipts.set(false);
      f.clock.advance(Duration.ofMinutes(1));
      dispatcher.dispatch();

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> f.notice(notice.id()).status() == NoticeStatus.DELIVERED);
    }

    // at least once, as the README says: SMPP 3.4 has no way to drop a second submit_sm
    assertThat(smsc.submitted).hasSize(2);
    assertThat(f.notice(notice.id()).attempts()).isEqualTo(2);
  }
}
