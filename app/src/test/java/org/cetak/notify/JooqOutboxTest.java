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
    // these tests are about the outboxes of a card collectable at print: the office's card check
    // is off (QualityCheckTest covers the office that checks its cards)
    new JooqNoticeStore(db, clock)
        .saveSettings(
            officeId,
            new NoticeSettings(
                NoticeSettings.DEFAULT.zone(),
                NoticeSettings.DEFAULT.openingHours(),
                NoticeSettings.DEFAULT.windowStart(),
                NoticeSettings.DEFAULT.windowEnd(),
                CollectableWhen.PRINTED,
                NoticeSettings.DEFAULT.reminderAfterDays()),
            "test");
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

  /** A printed card: its request and its print job exist, as the outboxes' keys demand. */
  private Outbox.PrintedCard card(long n, Optional<String> phone) {
    long requestId =
        db.fetchSingle(
                "insert into print_request (office_id, nik, kk, name, sex, birth_place, birth_date,"
                    + " address, rt, rw, village, district, regency, province, religion,"
                    + " marital_status, occupation, citizenship, siak_status, siak_status_at,"
                    + " reason, content_hash, status, status_at, source, created_at, updated_at)"
                    + " values (?, ?, '3271010101900001', 'DEWI SARTIKA', 'P', 'BOGOR',"
                    + " date '1990-08-05', 'JL. MAWAR 1', '001', '002', 'PALEDANG',"
                    + " 'BOGOR TENGAH', 'KOTA BOGOR', 'JAWA BARAT', 'ISLAM', 'KAWIN', 'KARYAWAN',"
                    + " 'WNI', 'PRINT_READY_RECORD', now(), 'FIRST_CARD', ?, 'PRINTED', now(),"
                    + " 'test', now(), now()) returning id",
                officeId,
                String.format("32710145089%05d", n),
                "hash-" + n)
            .get(0, Long.class);
    long printerId =
        db.fetchSingle(
                "insert into printer (office_id, code, name, created_at) values (?, ?, ?, now())"
                    + " returning id",
                officeId,
                "PRN-" + n,
                "Printer " + n)
            .get(0, Long.class);
    long printJobId =
        db.fetchSingle(
                "insert into print_job (office_id, printer_id, request_id, stage, card_held,"
                    + " created_at, updated_at) values (?, ?, ?, 'PRINTED', 'NONE', now(), now())"
                    + " returning id",
                officeId,
                printerId,
                requestId)
            .get(0, Long.class);
    return new Outbox.PrintedCard(
        officeId,
        requestId,
        printJobId,
        "3271014508900001",
        "DEWI SARTIKA",
        phone,
        "04A1B2C3D4E5F6",
        clock.instant());
  }

  @Test
  void printed_card_queues_one_sms_and_one_status_row_even_when_told_twice() {
    JooqOutbox outbox = new JooqOutbox(db, clock, notices());
    Outbox.PrintedCard card = card(1, Optional.of("+6281234567890"));
    outbox.cardPrinted(card, false);
    outbox.cardPrinted(card, false);

    String job = "print_job_id = " + card.printJobId();
    assertThat(db.fetchCount(DSL.table("sms_outbox").where(job))).isEqualTo(1);
    assertThat(db.fetchCount(DSL.table("status_outbox").where(job))).isEqualTo(1);
    String body = db.fetchValue("select body from sms_outbox where " + job).toString();
    assertThat(body)
        .contains("D.")
        .contains("Disdukcapil Kota Bogor")
        .doesNotContain("3271014508900001");
  }

  @Test
  void no_sms_without_a_valid_phone_only_a_visible_mark_but_the_centre_still_hears_of_it() {
    JooqOutbox outbox = new JooqOutbox(db, clock, notices());
    Outbox.PrintedCard card = card(2, Optional.empty());
    outbox.cardPrinted(card, false);

    String job = "print_job_id = " + card.printJobId();
    assertThat(db.fetchValue("select status from sms_outbox where " + job)).isEqualTo("NO_PHONE");
    assertThat(db.fetchCount(DSL.table("status_outbox").where(job))).isEqualTo(1);
  }
}
