package org.cetak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.cetak.common.Transactions;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.notify.jooq.JooqNoticeStore;
import org.cetak.notify.jooq.JooqOutbox;
import org.cetak.office.OfficeKind;
import org.cetak.office.jooq.JooqAudit;
import org.cetak.office.jooq.JooqOfficeDirectory;
import org.cetak.support.MutableClock;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JooqOutboxTest {

  private final DSLContext db;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T03:00:00Z"));
  private final long officeId;

  JooqOutboxTest(DataSource dataSource) {
    db = DSL.using(dataSource, SQLDialect.POSTGRES);
    officeId =
        new JooqOfficeDirectory(db, clock)
            .addOffice(
                "32.71", "Disdukcapil Kota Bogor", OfficeKind.KABUPATEN_KOTA, Optional.empty(), "")
            .id();
  }

  /** Notices as the station's transaction would see them: every statement joins the caller's. */
  private Notices notices() {
    Transactions joined =
        new Transactions() {
          @Override
          public <T> T inTransaction(Supplier<T> work) {
            return work.get();
          }
        };
    return new Notices(new JooqNoticeStore(db, clock), joined, new JooqAudit(db, clock), clock);
  }

  private Outbox.PrintedCard card(long job, Optional<String> phone) {
    return new Outbox.PrintedCard(
        officeId,
        500 + job,
        job,
        "3271014508900001",
        "DEWI SARTIKA",
        phone,
        "04A1B2C3D4E5F6",
        clock.instant());
  }

  @Test
  void printed_card_queues_one_sms_and_one_status_row_even_when_told_twice() {
    JooqOutbox outbox = new JooqOutbox(db, clock, notices());
    outbox.cardPrinted(card(1, Optional.of("+6281234567890")));
    outbox.cardPrinted(card(1, Optional.of("+6281234567890")));

    assertThat(db.fetchCount(DSL.table("sms_outbox").where("print_job_id = 1"))).isEqualTo(1);
    assertThat(db.fetchCount(DSL.table("status_outbox").where("print_job_id = 1"))).isEqualTo(1);
    String body = db.fetchValue("select body from sms_outbox where print_job_id = 1").toString();
    assertThat(body)
        .contains("D.")
        .contains("Disdukcapil Kota Bogor")
        .doesNotContain("3271014508900001");
  }

  @Test
  void no_sms_without_a_valid_phone_only_a_visible_mark_but_the_centre_still_hears_of_it() {
    JooqOutbox outbox = new JooqOutbox(db, clock, notices());
    outbox.cardPrinted(card(2, Optional.empty()));

    assertThat(db.fetchValue("select status from sms_outbox where print_job_id = 2"))
        .isEqualTo("NO_PHONE");
    assertThat(db.fetchCount(DSL.table("status_outbox").where("print_job_id = 2"))).isEqualTo(1);
  }
}
