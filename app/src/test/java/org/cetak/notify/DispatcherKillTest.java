package org.cetak.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.db.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dispatcher process is SIGKILLed after the gateway answered and before the answer committed,
 * then another starts: every notice reaches the real gateway exactly once. Kannel's report (to a
 * Cetak endpoint that outlived the dead node) and the SMPP centre's receipt (kept by the centre and
 * given to the next bind) settle the lost answer; Gammu is asked for our reference.
 */
@DatabaseTest
class DispatcherKillTest {

  private final TestDatabase database;
  private final NotifyFixture f;
  private final Instant realStart = Instant.now();
  private final List<Process> dispatchers = new ArrayList<>();
  @TempDir Path logs;

  DispatcherKillTest(TestDatabase database) {
    this.database = database;
    this.f = new NotifyFixture(database.dataSource());
  }

  @AfterEach
  void stopDispatchers() throws InterruptedException {
    for (Process p : dispatchers) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void kannel_sends_each_notice_once_when_the_dispatcher_dies_before_the_commit() throws Exception {
    assumeTrue(KannelStack.installed(), "Kannel is not installed (kannel, kannel-extras)");
    try (KannelStack kannel = new KannelStack();
        KannelReportReceiver receiver = new KannelReportReceiver(f.reports)) {
      List<Notice> notices = notices("+62812345681");

      long killed =
          killAfterFirstAnswerAndRestart(
              Duration.ofMinutes(5),
              List.of(
                  "kannel",
                  kannel.sendsms().toString(),
                  receiver.url().toString(),
                  KannelReportReceiver.TOKEN));

      await()
          .atMost(Duration.ofSeconds(40))
          .until(() -> statuses(notices).stream().allMatch(s -> s == NoticeStatus.DELIVERED));
      assertThat(kannel.messages())
          .extracting(m -> m[1])
          .containsExactlyInAnyOrderElementsOf(phones(notices));
      assertThat(f.notice(killed).attempts()).isEqualTo(1);
    }
  }

  @Test
  void smpp_submits_each_notice_once_when_the_dispatcher_dies_before_the_commit() throws Exception {
    try (TestSmsc smsc = new TestSmsc()) {
      // the receipt of the killed node's message waits at the centre for the next bind
      smsc.holdReceipts.set(true);
      List<Notice> notices = notices("+62812345682");

      long killed =
          killAfterFirstAnswerAndRestart(
              Duration.ofMinutes(5), List.of("smpp", String.valueOf(smsc.port)));
      await().atMost(Duration.ofSeconds(40)).until(() -> smsc.binds.get() == 2);
      smsc.releaseReceipts();

      await()
          .atMost(Duration.ofSeconds(40))
          .until(() -> statuses(notices).stream().allMatch(s -> s == NoticeStatus.DELIVERED));
      assertThat(smsc.submitted)
          .extracting(s -> "+" + s.to())
          .containsExactlyInAnyOrderElementsOf(phones(notices));
      assertThat(f.notice(killed).attempts()).isEqualTo(1);
      assertThat(f.notice(killed).gatewayId()).isPresent();
    }
  }

  @Test
  void gammu_is_given_each_notice_once_when_the_dispatcher_dies_before_the_commit()
      throws Exception {
    assumeTrue(GammuStack.installed(), "gammu-smsd is not installed (apt-get install gammu-smsd)");
    try (GammuStack gammu = new GammuStack()) {
      List<Notice> notices = notices("+62812345683");

      long killed =
          killAfterFirstAnswerAndRestart(
              Duration.ofSeconds(2),
              List.of(
                  "gammu",
                  gammu.settings().jdbcUrl(),
                  gammu.settings().user(),
                  gammu.settings().password()));

      await()
          .atMost(Duration.ofSeconds(40))
          .until(() -> statuses(notices).stream().allMatch(s -> s == NoticeStatus.SENT));
      await().atMost(Duration.ofSeconds(40)).until(() -> gammu.sent() == 3);
      assertThat(gammu.messages())
          .extracting(m -> m[0])
          .containsExactlyInAnyOrderElementsOf(phones(notices));
      assertThat(f.notice(killed).attempts()).isEqualTo(1);
    }
  }

  /** Three printed cards' notices, to phones starting with {@code prefix}. */
  private List<Notice> notices(String prefix) {
    List<Notice> notices = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      notices.add(
          f.cardPrinted(
              f.bogor, f.printed(f.bogor, "Warga Kill " + i, Optional.of(prefix + "00" + i))));
    }
    return notices;
  }

  private static List<String> phones(List<Notice> notices) {
    return notices.stream().map(Notice::phone).toList();
  }

  private List<NoticeStatus> statuses(List<Notice> notices) {
    return notices.stream().map(n -> f.notice(n.id()).status()).toList();
  }

  /**
   * Starts a dispatcher process that stops after the gateway's first answer, SIGKILLs it there, and
   * starts another; answers the notice whose answer was lost.
   */
  private long killAfterFirstAnswerAndRestart(Duration reportWait, List<String> gateway)
      throws Exception {
    Process dying =
        DispatcherProcess.start(database, now(), reportWait, true, logs.resolve("dying"), gateway);
    dispatchers.add(dying);
    String answered = DispatcherProcess.awaitAnswer(dying, Duration.ofSeconds(60));
    assertThat(answered).as("the dying dispatcher had an answer").startsWith("ANSWERED ");
    dying.destroyForcibly();
    assertThat(dying.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(dying.exitValue()).as("SIGKILL").isEqualTo(128 + 9);
    long killed = Long.parseLong(answered.substring("ANSWERED ".length()).strip());
    assertThat(
            f.db
                .fetch("select outcome from sms_attempt where outbox_id = ?", killed)
                .getValues(0, String.class))
        .as("the gateway's answer never committed")
        .doesNotContain("ACCEPTED", "QUEUED");

    dispatchers.add(
        DispatcherProcess.start(
            database, now(), reportWait, false, logs.resolve("restarted"), gateway));
    return killed;
  }

  /** The test's simulated morning, advanced by the real time the test has run. */
  private Instant now() {
    return f.clock.instant().plus(Duration.between(realStart, Instant.now()));
  }
}
