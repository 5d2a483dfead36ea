package org.cetak.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.notify.gateway.GammuGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notices through Debian's real Gammu SMSD (SQL service, dummy phone) started by the test. */
@DatabaseTest
class GammuDispatchTest {

  private final NotifyFixture f;
  private GammuStack gammu;
  private GammuGateway gateway;

  GammuDispatchTest(DataSource dataSource) {
    f = new NotifyFixture(dataSource);
  }

  @BeforeEach
  void startGammu() throws Exception {
    assumeTrue(GammuStack.installed(), "gammu-smsd is not installed (apt-get install gammu-smsd)");
    gammu = new GammuStack();
    gateway = new GammuGateway(gammu.settings());
  }

  @AfterEach
  void stopGammu() {
    if (gammu != null) {
      gammu.close();
    }
  }

  @Test
  void each_notice_goes_into_gammu_outbox_once_and_its_sentitems_status_comes_back()
      throws Exception {
    List<Notice> notices = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      notices.add(
          f.cardPrinted(
              f.bogor, f.printed(f.bogor, "Lestari " + i, Optional.of("+628123456750" + i))));
    }
    Dispatcher dispatcher = f.dispatcher(gateway);

    assertThat(dispatcher.dispatch().sent()).isEqualTo(3);
    await().atMost(Duration.ofSeconds(30)).until(() -> gammu.sent() == 3);
    dispatcher.dispatch();

    assertThat(gammu.messages()).hasSize(3);
    for (Notice n : notices) {
      Notice now = f.notice(n.id());
      assertThat(now.status()).isEqualTo(NoticeStatus.SENT);
      assertThat(now.report().orElseThrow()).startsWith("ACCEPTED: SendingOKNoReport");
    }
  }

  @Test
  void a_crash_after_gammu_took_the_message_is_found_by_our_reference_and_not_sent_twice()
      throws Exception {
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Made", Optional.of("+6281234567510")));
    try {
      f.crashingDispatcher(gateway).dispatch();
    } catch (CrashingStore.Crash expected) {
      // the outbox row's id never committed on our side
    }
    Dispatcher restarted = f.dispatcher(gateway);
    f.clock.advance(Duration.ofMinutes(31));

    restarted.dispatch();

    assertThat(f.notice(notice.id()).status()).isEqualTo(NoticeStatus.SENT);
    assertThat(gammu.messages()).hasSize(1);
  }

  @Test
  void an_attempt_that_never_reached_gammu_is_sent_again_by_itself() throws Exception {
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Nyoman", Optional.of("+6281234567520")));
    String url = gammu.settings().jdbcUrl();
    GammuGateway unreachable =
        new GammuGateway(
            new GammuGateway.Settings(
                url.replace("/" + gammu.database.name(), "/no_such_gammu_database"),
                gammu.settings().user(),
                gammu.settings().password()));
    Dispatcher crashed = f.dispatcher(unreachable);
    crashed.dispatch();
    assertThat(f.notice(notice.id()).inDoubt()).isTrue();

    f.clock.advance(Duration.ofMinutes(31));
    f.dispatcher(gateway).dispatch();
    f.dispatcher(gateway).dispatch();

    assertThat(f.notice(notice.id()).status()).isEqualTo(NoticeStatus.SENT);
    assertThat(gammu.messages()).hasSize(1);
  }

  @Test
  void a_gammu_that_cannot_be_asked_after_a_lost_answer_is_asked_again_and_never_given_it_twice()
      throws Exception {
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Ketut", Optional.of("+6281234567530")));
    try {
      f.crashingDispatcher(gateway).dispatch();
    } catch (CrashingStore.Crash expected) {
      // Gammu's outbox has the row; its id never committed on our side
    }
    String url = gammu.settings().jdbcUrl();
    GammuGateway unreachable =
        new GammuGateway(
            new GammuGateway.Settings(
                url.replace("/" + gammu.database.name(), "/no_such_gammu_database"),
                gammu.settings().user(),
                gammu.settings().password()));
    f.clock.advance(Duration.ofMinutes(31));

    f.dispatcher(unreachable).dispatch();
    Notice asking = f.notice(notice.id());
    assertThat(asking.status()).isEqualTo(NoticeStatus.SENDING);
    assertThat(asking.lastError().orElseThrow()).startsWith("Basis data Gammu");
    f.dispatcher(gateway).dispatch();

    assertThat(f.notice(notice.id()).status()).isIn(NoticeStatus.SENT, NoticeStatus.DELIVERED);
    assertThat(f.notice(notice.id()).attempts()).isEqualTo(1);
    assertThat(gammu.messages()).hasSize(1);
  }

  @Test
  void no_message_gammu_was_given_carries_a_nik_kk_birth_date_or_address() throws Exception {
    List<NotifyFixture.Resident> residents = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      NotifyFixture.Resident r =
          f.printed(f.bogor, "Putu Ayu " + i, Optional.of("+628123456753" + i));
      residents.add(r);
      f.cardPrinted(f.bogor, r);
    }
    f.dispatcher(gateway).dispatch();

    PersonalData.assertNoneIn(gammu.messages().stream().map(m -> m[1]).toList(), residents);
    assertThat(gammu.messages()).hasSize(5);
  }
}
