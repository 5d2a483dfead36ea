package org.cetak.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.notify.gateway.SmppGateway;
import org.junit.jupiter.api.Test;

/**
 * An SMPP centre that cannot be reached: binds are spaced out (1, 2, 4 minutes, then every 4: the
 * cap) rather than tried at every dispatcher run, a run waits at most the connect timeout, notices
 * wait without spending attempts, and the first bind that works starts the spacing over.
 */
@DatabaseTest
class SmppCentreDownTest {

  private final NotifyFixture f;

  SmppCentreDownTest(DataSource dataSource) {
    f = new NotifyFixture(dataSource);
  }

  private SmppGateway gateway(int port, Duration connectTimeout) {
    return new SmppGateway(
        new SmppGateway.Settings(
            "127.0.0.1",
            port,
            "cetak",
            "rahasia",
            "",
            "DUKCAPIL",
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            connectTimeout,
            Duration.ofMinutes(1),
            Duration.ofMinutes(4)),
        f.reports::received,
        f.clock);
  }

  @Test
  void binds_to_a_centre_that_drops_every_link_are_spaced_out_up_to_the_cap_then_start_over()
      throws Exception {
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Dedi", Optional.of("+6281234567470")));
    Instant start = f.clock.instant();
    List<Duration> tries = new ArrayList<>();
    int port;
    try (UnreachableCentre down = UnreachableCentre.dropping();
        SmppGateway gateway = gateway(down.port, Duration.ofSeconds(2))) {
      port = down.port;
      Dispatcher dispatcher = f.dispatcher(gateway);
      for (int run = 0; run <= 22; run++) { // every 30 s for 11 minutes, as the job runs
        int before = down.connections.get();
        Dispatcher.Run done = dispatcher.dispatch();
        if (down.connections.get() > before) {
          tries.add(Duration.between(start, f.clock.instant()));
        }
        assertThat(done.sent() + done.retried() + done.failed() + done.inDoubt()).isZero();
        f.clock.advance(Duration.ofSeconds(30));
      }

      assertThat(tries)
          .containsExactly(
              Duration.ZERO,
              Duration.ofMinutes(1),
              Duration.ofMinutes(3),
              Duration.ofMinutes(7),
              Duration.ofMinutes(11));
      SmsGateway.Unreachable unreachable = gateway.unreachable().orElseThrow();
      assertThat(unreachable.since()).isEqualTo(start);
      assertThat(unreachable.failedTries()).isEqualTo(5);
      assertThat(unreachable.nextTry()).isEqualTo(start.plus(Duration.ofMinutes(15)));
      Notice waiting = f.notice(notice.id());
      assertThat(waiting.status()).isEqualTo(NoticeStatus.PENDING);
      assertThat(waiting.attempts()).as("no attempt spent on a centre out of reach").isZero();

      down.stop(); // its port is free for the centre coming back
      try (TestSmsc back = new TestSmsc(port)) {
        f.clock.advance(Duration.ofMinutes(4)); // 15 minutes after the first try
        assertThat(dispatcher.dispatch().sent()).isEqualTo(1);
        assertThat(gateway.unreachable()).isEmpty();
        assertThat(back.binds.get()).isEqualTo(1);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> f.notice(notice.id()).status() == NoticeStatus.DELIVERED);
      }

      // the centre goes again: the next failed bind waits the first step, not the cap
      Instant gone = f.clock.instant();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                dispatcher.dispatch();
                return gateway.unreachable().isPresent();
              });
      SmsGateway.Unreachable again = gateway.unreachable().orElseThrow();
      assertThat(again.failedTries()).isEqualTo(1);
      assertThat(again.since()).isEqualTo(gone);
      assertThat(again.nextTry()).isEqualTo(gone.plus(Duration.ofMinutes(1)));
    }
  }

  @Test
  void a_centre_that_never_answers_the_bind_holds_a_run_only_for_the_connect_timeout()
      throws Exception {
    List<Notice> notices = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      notices.add(
          f.cardPrinted(f.bogor, f.printed(f.bogor, "Eka " + i, Optional.of("+628123456748" + i))));
    }
    try (UnreachableCentre silent = UnreachableCentre.silent();
        SmppGateway gateway = gateway(silent.port, Duration.ofMillis(500))) {
      Dispatcher dispatcher = f.dispatcher(gateway);

      long began = System.nanoTime();
      dispatcher.dispatch();
      Duration first = Duration.ofNanos(System.nanoTime() - began);
      began = System.nanoTime();
      dispatcher.dispatch();
      Duration second = Duration.ofNanos(System.nanoTime() - began);

      // one bind, given up after 500 ms; not one per notice, nor the 10 s of a submit
      assertThat(silent.connections.get()).isEqualTo(1);
      assertThat(first).isBetween(Duration.ofMillis(450), Duration.ofSeconds(3));
      assertThat(second).isLessThan(Duration.ofSeconds(1));
      assertThat(gateway.unreachable()).isPresent();
      for (Notice n : notices) {
        assertThat(f.notice(n.id()).status()).isEqualTo(NoticeStatus.PENDING);
        assertThat(f.notice(n.id()).attempts()).isZero();
      }
    }
  }
}
