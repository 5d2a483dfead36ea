package org.cetak.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.cetak.common.Backoff;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.notify.jooq.JooqSendRate;
import org.junit.jupiter.api.Test;

/** The cluster's SMS rate: two dispatchers on one database never send more than it in a minute. */
@DatabaseTest
class SendRateTest {

  private final NotifyFixture f;

  SendRateTest(DataSource dataSource) {
    f = new NotifyFixture(dataSource);
  }

  private Dispatcher node(SmsGateway gateway, String name, int perMinute) {
    return new Dispatcher(
        f.store,
        f.notices,
        gateway,
        new JooqSendRate(f.db, perMinute),
        f.reports,
        f.transactions,
        f.clock,
        new Dispatcher.Settings(
            3,
            new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(10)),
            Duration.ofMinutes(30),
            2,
            name));
  }

  @Test
  void two_nodes_together_send_no_more_than_the_rate_in_any_minute() throws Exception {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ids.add(
          f.cardPrinted(
                  f.bogor, f.printed(f.bogor, "Warga " + i, Optional.of("+62812345690" + (10 + i))))
              .id());
    }
    ScriptedGateway gateway = new ScriptedGateway();
    Dispatcher a = node(gateway, "node-a", 5);
    Dispatcher b = node(gateway, "node-b", 5);

    assertThat(bothAtOnce(a, b)).isEqualTo(5);
    f.clock.advance(Duration.ofSeconds(30));
    assertThat(bothAtOnce(a, b)).as("half a minute later").isZero();
    f.clock.advance(Duration.ofSeconds(29));
    assertThat(bothAtOnce(a, b)).as("59 seconds after the first five").isZero();
    f.clock.advance(Duration.ofSeconds(1));
    assertThat(bothAtOnce(a, b)).as("a minute after").isEqualTo(5);
    f.clock.advance(Duration.ofMinutes(1));
    assertThat(bothAtOnce(a, b)).as("what is left").isEqualTo(2);

    assertThat(gateway.received).extracting(Sms::noticeId).containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void a_rate_below_one_is_refused() {
    assertThatThrownBy(() -> new JooqSendRate(f.db, 0))
        .hasMessageContaining("cetak.sms.per-minute must be at least 1");
  }

  /** Both nodes dispatch at the same moment; answers how many they sent together. */
  private static int bothAtOnce(Dispatcher a, Dispatcher b) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<Dispatcher.Run>> runs = new ArrayList<>();
      for (Dispatcher node : List.of(a, b)) {
        runs.add(
            nodes.submit(
                () -> {
                  start.await();
                  return node.dispatch();
                }));
      }
      start.countDown();
      int sent = 0;
      for (Future<Dispatcher.Run> run : runs) {
        sent += run.get().sent();
      }
      return sent;
    } finally {
      nodes.shutdownNow();
    }
  }
}
