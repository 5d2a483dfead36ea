package org.cetak.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.cetak.common.Transactions;
import org.cetak.office.jooq.JooqOfficeDirectory;
import org.cetak.support.CetakSpringTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two nodes on one database, each keeping what it read for five seconds of its own clock: a change
 * is seen at once on the node that made it, and on the other once five seconds have passed.
 */
@CetakSpringTest
class CachedDirectoryTest {

  private static final Duration AGE = Duration.ofSeconds(5);

  @Autowired DSLContext db;
  @Autowired Clock clock;
  @Autowired Transactions transactions;

  private final AtomicLong nanos = new AtomicLong();
  private CachedDirectory here;
  private CachedDirectory there;
  private User user;

  @BeforeEach
  void twoNodes() {
    JooqOfficeDirectory database = new JooqOfficeDirectory(db, clock);
    here = new CachedDirectory(database, transactions, AGE, nanos::get);
    there = new CachedDirectory(database, transactions, AGE, nanos::get);
    user =
        here.addUser(
            here.officeByCode("32.71").orElseThrow().id(),
            "simpan-" + System.nanoTime() % 1_000_000_000L,
            "Uji simpan",
            "{noop}x",
            EnumSet.of(Role.OPERATOR));
  }

  @Test
  void a_user_disabled_on_this_node_is_read_disabled_at_the_next_read() {
    assertThat(here.user(user.username()).orElseThrow().enabled()).isTrue();

    here.setEnabled(user.id(), false);

    assertThat(here.user(user.username()).orElseThrow().enabled()).isFalse();
  }

  @Test
  void a_change_on_another_node_is_seen_here_once_the_age_has_passed() {
    assertThat(there.user(user.username()).orElseThrow().roles()).containsExactly(Role.OPERATOR);

    here.assign(user.id(), user.officeId(), Set.of(), EnumSet.of(Role.AUDITOR));
    here.setEnabled(user.id(), false);

    nanos.addAndGet(AGE.toNanos() - 1);
    assertThat(there.user(user.username()).orElseThrow().roles())
        .as("kept for up to the age")
        .containsExactly(Role.OPERATOR);
    nanos.addAndGet(1);
    User read = there.user(user.username()).orElseThrow();
    assertThat(read.roles()).containsExactly(Role.AUDITOR);
    assertThat(read.enabled()).isFalse();
  }

  @Test
  void a_change_rolled_back_leaves_nothing_kept_of_it() {
    try {
      transactions.run(
          () -> {
            here.setEnabled(user.id(), false);
            assertThat(here.user(user.username()).orElseThrow().enabled())
                .as("the transaction reads its own change")
                .isFalse();
            throw new Rollback();
          });
    } catch (Rollback expected) {
      // the change is undone
    }

    assertThat(here.user(user.username()).orElseThrow().enabled()).isTrue();
  }

  @Test
  void unknown_users_are_not_kept() {
    String name = "belum-" + System.nanoTime() % 1_000_000_000L;
    assertThat(here.user(name)).isEmpty();

    there.addUser(user.officeId(), name, "Baru", "{noop}x", EnumSet.of(Role.AUDITOR));

    assertThat(here.user(name)).isPresent();
  }

  private static final class Rollback extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
