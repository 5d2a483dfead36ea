package org.cetak.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.notify.gateway.KannelGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notices through Debian's real Kannel (bearerbox, smsbox, fakesmsc) started by the test. */
@DatabaseTest
class KannelDispatchTest {

  private final NotifyFixture f;
  private KannelStack kannel;
  private KannelReportReceiver receiver;

  KannelDispatchTest(DataSource dataSource) {
    f = new NotifyFixture(dataSource);
  }

  @BeforeEach
  void startKannel() throws IOException {
    assumeTrue(
        KannelStack.installed(), "Kannel is not installed (apt-get install kannel kannel-extras)");
    kannel = new KannelStack();
    receiver = new KannelReportReceiver(f.reports);
  }

  @AfterEach
  void stopKannel() {
    if (receiver != null) {
      receiver.close();
    }
    if (kannel != null) {
      kannel.close();
    }
  }

  private KannelGateway gateway(String password, String from) {
    return new KannelGateway(
        new KannelGateway.Settings(
            kannel.sendsms(),
            KannelStack.USER,
            password,
            from,
            receiver.url(),
            KannelReportReceiver.TOKEN,
            Duration.ofSeconds(5)));
  }

  private KannelGateway gateway() {
    return gateway(KannelStack.PASSWORD, "DUKCAPIL");
  }

  @Test
  void each_notice_reaches_the_network_once_and_its_reports_mark_it_delivered() throws Exception {
    List<Notice> sent = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sent.add(
          f.cardPrinted(
              f.bogor, f.printed(f.bogor, "Warga " + i, Optional.of("+628123456730" + i))));
    }

    Dispatcher.Run run = f.dispatcher(gateway()).dispatch();

    assertThat(run.sent()).isEqualTo(3);
    await().atMost(Duration.ofSeconds(20)).until(() -> kannel.messages().size() == 3);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> sent.stream().allMatch(n -> f.notice(n.id()).status() == NoticeStatus.DELIVERED));
    assertThat(kannel.messages())
        .extracting(m -> m[1])
        .containsExactlyInAnyOrder("+6281234567300", "+6281234567301", "+6281234567302");
    assertThat(kannel.messages())
        .extracting(m -> m[2])
        .allMatch(t -> t.startsWith("Yth. W. KTP-el"));
    assertThat(f.notice(sent.get(0).id()).report().orElseThrow()).startsWith("DELIVERED");
  }

  @Test
  void a_wrong_password_is_refused_retried_and_failed_with_kannel_own_words() {
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Agus", Optional.of("+6281234567310")));
    Dispatcher dispatcher = f.dispatcher(gateway("salah", "DUKCAPIL"));

    for (int i = 0; i < 3; i++) {
      dispatcher.dispatch();
      f.clock.advance(Duration.ofMinutes(10));
    }

    Notice failed = f.notice(notice.id());
    assertThat(failed.status()).isEqualTo(NoticeStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.lastError()).contains("Kannel 403: Authorization failed for sendsms");
  }

  @Test
  void a_request_kannel_calls_bad_fails_at_once_with_its_reason() {
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Bima", Optional.of("+6281234567311")));

    f.dispatcher(gateway(KannelStack.PASSWORD, "")).dispatch();

    Notice failed = f.notice(notice.id());
    assertThat(failed.status()).isEqualTo(NoticeStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError().orElseThrow()).startsWith("Kannel 400: Sender missing");
  }

  @Test
  void with_the_network_down_kannel_queues_it_and_delivers_once_when_the_network_returns()
      throws Exception {
    kannel.stopNetwork();
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Candra", Optional.of("+6281234567312")));

    f.dispatcher(gateway()).dispatch();
    assertThat(f.db.fetchValue("select outcome from sms_attempt where outbox_id = ?", notice.id()))
        .isEqualTo("QUEUED");
    assertThat(f.notice(notice.id()).status()).isEqualTo(NoticeStatus.SENT);

    kannel.startNetwork();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> f.notice(notice.id()).status() == NoticeStatus.DELIVERED);
    assertThat(kannel.messages()).hasSize(1);
  }

  @Test
  void a_crash_after_kannel_took_the_message_does_not_send_it_twice() throws Exception {
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Dian", Optional.of("+6281234567313")));
    try {
      f.crashingDispatcher(gateway()).dispatch();
    } catch (CrashingStore.Crash expected) {
      // the answer "0: Accepted" never committed
    }
    Dispatcher restarted = f.dispatcher(gateway());

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> f.notice(notice.id()).status() == NoticeStatus.DELIVERED);
    restarted.dispatch();
    f.clock.advance(Duration.ofHours(1));
    restarted.dispatch();

    assertThat(kannel.messages()).hasSize(1);
    assertThat(f.notice(notice.id()).status()).isEqualTo(NoticeStatus.DELIVERED);
    assertThat(f.notice(notice.id()).attempts()).isEqualTo(1);
  }

  @Test
  void no_message_that_reached_the_network_carries_a_nik_kk_birth_date_or_address()
      throws Exception {
    List<NotifyFixture.Resident> residents = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      NotifyFixture.Resident r =
          f.printed(f.bogor, "Nur Hasanah " + i, Optional.of("+628123456732" + i));
      residents.add(r);
      f.cardPrinted(f.bogor, r);
    }
    f.dispatcher(gateway()).dispatch();
    await().atMost(Duration.ofSeconds(20)).until(() -> kannel.messages().size() == 5);

    PersonalData.assertNoneIn(kannel.messages().stream().map(m -> m[2]).toList(), residents);
  }

  @Test
  void a_kannel_that_never_answers_leaves_the_notice_in_doubt_then_sends_it_again_after_backoff()
      throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(silent.accept());
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      Notice notice =
          f.cardPrinted(f.bogor, f.printed(f.bogor, "Euis", Optional.of("+6281234567314")));
      KannelGateway mute =
          new KannelGateway(
              new KannelGateway.Settings(
                  java.net.URI.create(
                      "http://127.0.0.1:" + silent.getLocalPort() + "/cgi-bin/sendsms"),
                  KannelStack.USER,
                  KannelStack.PASSWORD,
                  "DUKCAPIL",
                  receiver.url(),
                  KannelReportReceiver.TOKEN,
                  Duration.ofSeconds(1)));

      f.dispatcher(mute).dispatch();
      assertThat(f.notice(notice.id()).inDoubt()).isTrue();
      assertThat(held).hasSize(1);
      // Kannel is back (the answer was lost on the way, the message never reached smsbox)
      Dispatcher dispatcher = f.dispatcher(gateway());
      f.clock.advance(Duration.ofMinutes(31));
      dispatcher.dispatch();
      Notice waiting = f.notice(notice.id());
      assertThat(waiting.status()).isEqualTo(NoticeStatus.PENDING);
      assertThat(waiting.lastError().orElseThrow()).contains("tidak menjawab dalam 1 detik");
      assertThat(kannel.messages()).isEmpty();
      f.clock.advance(Duration.ofMinutes(1));
      dispatcher.dispatch();

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> f.notice(notice.id()).status() == NoticeStatus.DELIVERED);
      assertThat(f.notice(notice.id()).attempts()).isEqualTo(2);
      assertThat(kannel.messages()).hasSize(1);
    }
  }
}
