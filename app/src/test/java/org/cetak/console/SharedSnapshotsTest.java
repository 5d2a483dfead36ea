package org.cetak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cetak.console.Dashboard.Snapshot;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.Permission;
import org.cetak.support.CetakSpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard's snapshots shared between readers for two seconds, over the demo's offices: the
 * same office and permissions share one read; another office or another set of permissions never
 * gets it; an older one is read again.
 */
@CetakSpringTest
class SharedSnapshotsTest {

  private static final Set<Permission> OPERATOR =
      EnumSet.of(Permission.SEE_HOME, Permission.SEE_PRINTERS, Permission.EXPLAIN_QUEUE);
  private static final Set<Permission> STOCK =
      EnumSet.of(Permission.SEE_HOME, Permission.SEE_STOCK);

  @Autowired Dashboard dashboard;
  @Autowired OfficeDirectory offices;

  private final AtomicLong nanos = new AtomicLong();
  private final AtomicInteger reads = new AtomicInteger();
  private SharedSnapshots shared;
  private Office office;
  private Office other;

  @BeforeEach
  void twoSeconds() {
    shared =
        new SharedSnapshots(
            (o, may) -> {
              reads.incrementAndGet();
              return dashboard.snapshot(o, may);
            },
            Duration.ofSeconds(2),
            nanos::get);
    office = offices.officeByCode("32.71").orElseThrow();
    other = offices.offices().stream().filter(o -> o.id() != office.id()).findFirst().orElseThrow();
  }

  @Test
  void readers_of_the_same_office_with_the_same_permissions_share_one_read_for_two_seconds() {
    Snapshot first = shared.snapshot(office, OPERATOR);
    nanos.addAndGet(Duration.ofMillis(1999).toNanos());
    Snapshot second = shared.snapshot(office, EnumSet.copyOf(OPERATOR));

    assertThat(second).isSameAs(first);
    assertThat(reads).hasValue(1);
    assertThat(first.printers()).isPresent();
    assertThat(first.stock()).isEmpty();

    nanos.addAndGet(Duration.ofMillis(2).toNanos());
    Snapshot third = shared.snapshot(office, OPERATOR);

    assertThat(third).isNotSameAs(first);
    assertThat(reads).hasValue(2);
    assertThat(third.at()).isAfterOrEqualTo(first.at());
  }

  @Test
  void another_office_or_other_permissions_are_read_for_themselves() {
    Snapshot operator = shared.snapshot(office, OPERATOR);
    Snapshot stock = shared.snapshot(office, STOCK);
    Snapshot elsewhere = shared.snapshot(other, OPERATOR);

    assertThat(reads).hasValue(3);
    assertThat(stock.printers()).as("a part the permissions do not see").isEmpty();
    assertThat(stock.stock()).isPresent();
    assertThat(operator.printers()).isPresent();
    assertThat(operator.stock()).isEmpty();
    assertThat(elsewhere.office().id()).isEqualTo(other.id());
    assertThat(operator.office().id()).isEqualTo(office.id());
    assertThat(shared.snapshot(other, OPERATOR)).isSameAs(elsewhere);
    assertThat(shared.snapshot(office, STOCK)).isSameAs(stock);
    assertThat(reads).hasValue(3);
  }

  @Test
  void a_fresh_read_is_what_the_next_readers_share() {
    Snapshot kept = shared.snapshot(office, OPERATOR);
    nanos.addAndGet(Duration.ofMillis(500).toNanos());
    Snapshot fresh = shared.fresh(office, OPERATOR);

    assertThat(fresh).isNotSameAs(kept);
    assertThat(shared.snapshot(office, OPERATOR)).isSameAs(fresh);
    assertThat(reads).hasValue(2);
  }

  @Test
  void no_age_reads_at_every_view() {
    SharedSnapshots none =
        new SharedSnapshots(
            (o, may) -> {
              reads.incrementAndGet();
              return dashboard.snapshot(o, may);
            },
            Duration.ZERO,
            nanos::get);

    assertThat(none.snapshot(office, OPERATOR)).isNotSameAs(none.snapshot(office, OPERATOR));
    assertThat(reads).hasValue(2);
  }
}
