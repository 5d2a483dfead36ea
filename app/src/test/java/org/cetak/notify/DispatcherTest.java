package org.cetak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.cetak.db.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

/** The dispatcher: the window, retries, unclear answers, lost answers, several dispatchers. */
@DatabaseTest
class DispatcherTest {

  private final NotifyFixture f;

  DispatcherTest(DataSource dataSource) {
    f = new NotifyFixture(dataSource);
  }

  @Test
  void nothing_leaves_outside_the_office_window_in_its_own_time_zone() {
    // 19:30 WIB is 21:30 WIT: Bogor's window is open, Jayapura's closed
    f.clock.set(Instant.parse("2026-11-24T12:30:00Z"));
    Notice bogor = f.cardPrinted(f.bogor, f.printed(f.bogor, "Ani", Optional.of("+6281234567101")));
    Notice jayapura =
        f.cardPrinted(f.jayapura, f.printed(f.jayapura, "Yosef", Optional.of("+6281234567102")));
    ScriptedGateway gateway = new ScriptedGateway();

    f.dispatcher(gateway).dispatch();
    assertThat(gateway.received).extracting(Sms::noticeId).containsExactly(bogor.id());

    // 07:59 WIT next morning: still closed; 08:00 WIT: open
    f.clock.set(Instant.parse("2026-11-24T22:59:00Z"));
    f.dispatcher(gateway).dispatch();
    assertThat(gateway.received).hasSize(1);
    f.clock.set(Instant.parse("2026-11-24T23:00:00Z"));
    f.dispatcher(gateway).dispatch();

    assertThat(gateway.received)
        .extracting(Sms::noticeId)
        .containsExactly(bogor.id(), jayapura.id());
  }

  @Test
  void refused_notice_is_retried_after_a_growing_backoff_then_fails_with_the_gateway_reason() {
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Bayu", Optional.of("+6281234567103")));
    ScriptedGateway gateway =
        new ScriptedGateway()
            .then(new SmsGateway.Outcome.Refused("Kannel 503: Sending failed", true))
            .then(new SmsGateway.Outcome.Refused("Kannel 503: Sending failed", true))
            .then(new SmsGateway.Outcome.Refused("Kannel 403: Authorization failed", true));
    Dispatcher dispatcher = f.dispatcher(gateway);

    dispatcher.dispatch();
    assertThat(f.notice(notice.id()).nextAttemptAt())
        .contains(f.clock.instant().plus(Duration.ofMinutes(1)));
    dispatcher.dispatch();
    assertThat(gateway.received).hasSize(1);

    f.clock.advance(Duration.ofMinutes(1));
    dispatcher.dispatch();
    assertThat(f.notice(notice.id()).nextAttemptAt())
        .contains(f.clock.instant().plus(Duration.ofMinutes(2)));
    f.clock.advance(Duration.ofMinutes(2));
    dispatcher.dispatch();

    Notice failed = f.notice(notice.id());
    assertThat(gateway.received).hasSize(3);
    assertThat(failed.status()).isEqualTo(NoticeStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.lastError()).contains("Kannel 403: Authorization failed");
  }

  @Test
  void unclear_answer_is_not_sent_again_and_a_report_naming_the_notice_settles_it() {
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Citra", Optional.of("+6281234567104")));
    ScriptedGateway gateway =
        new ScriptedGateway().then(new SmsGateway.Outcome.Unclear("timeout after 10 s"));
    Dispatcher dispatcher = f.dispatcher(gateway);

    dispatcher.dispatch();
    f.clock.advance(Duration.ofMinutes(10));
    dispatcher.dispatch();
    assertThat(f.notice(notice.id()).status()).isEqualTo(NoticeStatus.SENDING);
    assertThat(f.notice(notice.id()).inDoubt()).isTrue();

    f.reports.received(
        DeliveryReport.of(
            "scripted", notice.id(), Optional.of("smsc-9"), DeliveryReport.State.DELIVERED, ""));
    f.clock.advance(Duration.ofHours(2));
    dispatcher.dispatch();

    Notice settled = f.notice(notice.id());
    assertThat(settled.status()).isEqualTo(NoticeStatus.DELIVERED);
    assertThat(settled.gatewayId()).contains("smsc-9");
    assertThat(gateway.received).hasSize(1);
  }

  @Test
  void attempt_without_answer_or_report_is_sent_again_after_the_backoff_then_fails_past_attempts() {
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Dodi", Optional.of("+6281234567105")));
    ScriptedGateway gateway =
        new ScriptedGateway()
            .then(new SmsGateway.Outcome.Unclear("garbage: <html>"))
            .then(new SmsGateway.Outcome.Unclear("timeout after 10 s"))
            .then(new SmsGateway.Outcome.Unclear("timeout after 10 s"));
    Dispatcher dispatcher = f.dispatcher(gateway);
    dispatcher.dispatch();

    f.clock.advance(Duration.ofMinutes(29));
    dispatcher.dispatch();
    assertThat(f.notice(notice.id()).status()).isEqualTo(NoticeStatus.SENDING);
    f.clock.advance(Duration.ofMinutes(2));
    dispatcher.dispatch();
    Notice waiting = f.notice(notice.id());
    assertThat(waiting.status()).isEqualTo(NoticeStatus.PENDING);
    assertThat(waiting.nextAttemptAt()).contains(f.clock.instant().plus(Duration.ofMinutes(1)));
    assertThat(waiting.lastError().orElseThrow())
        .contains("Tidak ada jawaban maupun laporan dari scripted dalam 30 menit")
        .contains("garbage")
        .contains("bisa sampai dua kali");
    assertThat(gateway.received).hasSize(1);

    f.clock.advance(Duration.ofMinutes(1));
    dispatcher.dispatch();
    assertThat(gateway.received).hasSize(2);
    f.clock.advance(Duration.ofMinutes(31));
    dispatcher.dispatch();
    assertThat(f.notice(notice.id()).nextAttemptAt())
        .contains(f.clock.instant().plus(Duration.ofMinutes(2)));
    f.clock.advance(Duration.ofMinutes(2));
    dispatcher.dispatch();
    f.clock.advance(Duration.ofMinutes(31));
    dispatcher.dispatch();

    Notice failed = f.notice(notice.id());
    assertThat(gateway.received).hasSize(3);
    assertThat(failed.status()).isEqualTo(NoticeStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.lastError().orElseThrow()).contains("mungkin sudah terkirim");
    assertThat(f.db.fetch("select outcome from sms_attempt where outbox_id = ?", notice.id()))
        .extracting(r -> r.get(0, String.class))
        .containsOnly("ABANDONED");
  }

  @Test
  void a_late_report_of_an_unanswered_attempt_stops_its_resend() {
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Dewi", Optional.of("+6281234567107")));
    ScriptedGateway gateway =
        new ScriptedGateway().then(new SmsGateway.Outcome.Unclear("timeout after 10 s"));
    Dispatcher dispatcher = f.dispatcher(gateway);
    dispatcher.dispatch();
    f.clock.advance(Duration.ofMinutes(31));
    dispatcher.dispatch();
    assertThat(f.notice(notice.id()).status()).isEqualTo(NoticeStatus.PENDING);

    f.reports.received(
        DeliveryReport.of(
            "scripted", notice.id(), Optional.of("smsc-7"), DeliveryReport.State.DELIVERED, ""));
    f.clock.advance(Duration.ofHours(1));
    dispatcher.dispatch();

    assertThat(f.notice(notice.id()).status()).isEqualTo(NoticeStatus.DELIVERED);
    assertThat(gateway.received).hasSize(1);
  }

  @Test
  void a_gateway_that_cannot_be_asked_now_is_asked_again_at_the_next_run() {
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Fajar", Optional.of("+6281234567108")));
    ScriptedGateway gateway = new ScriptedGateway();
    try {
      f.crashingDispatcher(gateway).dispatch();
    } catch (CrashingStore.Crash expected) {
      // the gateway took it; its answer never committed
    }
    f.clock.advance(Duration.ofMinutes(31));

    f.dispatcher(gateway.tracing(new SmsGateway.Trace.Unavailable("database gone"))).dispatch();
    Notice asking = f.notice(notice.id());
    assertThat(asking.status()).isEqualTo(NoticeStatus.SENDING);
    assertThat(asking.inDoubt()).isTrue();
    assertThat(asking.lastError()).contains("database gone");
    f.dispatcher(gateway.tracing(new SmsGateway.Trace.Received("gw-9", Optional.empty())))
        .dispatch();

    assertThat(f.notice(notice.id()).status()).isEqualTo(NoticeStatus.SENT);
    assertThat(f.notice(notice.id()).gatewayId()).contains("gw-9");
    assertThat(gateway.received).hasSize(1);
  }

  @Test
  void crash_between_the_gateway_answer_and_the_commit_leaves_it_to_the_trace_of_the_gateway() {
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Eko", Optional.of("+6281234567106")));
    ScriptedGateway gateway = new ScriptedGateway();
    Dispatcher crashing = f.crashingDispatcher(gateway);
    try {
      crashing.dispatch();
    } catch (CrashingStore.Crash expected) {
      // the process "died" after the gateway took the message
    }
    assertThat(f.notice(notice.id()).status()).isEqualTo(NoticeStatus.SENDING);

    Dispatcher restarted =
        f.dispatcher(gateway.tracing(new SmsGateway.Trace.Received("gw-1", Optional.empty())));
    restarted.dispatch();
    assertThat(gateway.received).hasSize(1);
    f.clock.advance(Duration.ofMinutes(31));
    restarted.dispatch();

    assertThat(f.notice(notice.id()).status()).isEqualTo(NoticeStatus.SENT);
    assertThat(f.notice(notice.id()).gatewayId()).contains("gw-1");
    assertThat(gateway.received).hasSize(1);
  }

  @Test
  void two_dispatchers_at_once_send_every_notice_exactly_once() throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(
          f.cardPrinted(
                  f.bogor, f.printed(f.bogor, "Warga " + i, Optional.of("+62812345672" + (10 + i))))
              .id());
    }
    ScriptedGateway gateway = new ScriptedGateway();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<Dispatcher.Run>> runs = new ArrayList<>();
      for (int node = 0; node < 2; node++) {
        Dispatcher dispatcher = f.dispatcher(gateway);
        runs.add(
            nodes.submit(
                () -> {
                  start.await();
                  return dispatcher.dispatch();
                }));
      }
      start.countDown();
      int sent = 0;
      for (Future<Dispatcher.Run> run : runs) {
        sent += run.get().sent();
      }
      assertThat(sent).isEqualTo(40);
    } finally {
      nodes.shutdownNow();
    }
    assertThat(gateway.received).extracting(Sms::noticeId).containsExactlyInAnyOrderElementsOf(ids);
  }
}
