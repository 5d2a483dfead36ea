package org.cetak.statuscheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import javax.sql.DataSource;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.office.jooq.JooqOfficeZones;
import org.cetak.pickup.CounterFixture;
import org.cetak.statuscheck.jooq.JooqResidentRequests;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public status check (cek status KTP-el) on the real database. */
@DatabaseTest
class StatusCheckTest {

  private static final LocalDate BORN = LocalDate.of(2004, 2, 9);
  private static final ResidentRequests.PrintWindow WINDOW =
      new ResidentRequests.PrintWindow(LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 19));

  private final DataSource dataSource;
  @TempDir Path tmp;

  StatusCheckTest(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  private record Setup(CounterFixture c, StatusCheck check) {}

  private Setup setup() {
    CounterFixture c = new CounterFixture(dataSource, tmp, false);
    StatusCheck check =
        new StatusCheck(
            new JooqResidentRequests(c.f.db, nik -> Optional.of(WINDOW)),
            c.consolidation,
            c.f.offices,
            new JooqOfficeZones(c.f.db),
            new LookupLimiter(10, Duration.ofMinutes(1), c.f.clock),
            c.audit,
            "Senin-Jumat 08.00-15.00 WIB");
    return new Setup(c, check);
  }

  @Test
  void a_printed_card_is_ready_at_the_office_with_its_hours() {
    Setup s = setup();
    long request = s.c().printed(BORN, "FIRST_CARD", "");

    StatusAnswer answer = s.check().check(s.c().nik(request), BORN.toString(), "10.0.0.1");

    assertThat(answer)
        .isInstanceOfSatisfying(
            StatusAnswer.Ready.class,
            ready -> {
              assertThat(ready.officeName()).isEqualTo("Disdukcapil Kota Bogor");
              assertThat(ready.officeHours()).isEqualTo("Senin-Jumat 08.00-15.00 WIB");
              assertThat(ready.sentToCentre()).isEmpty();
            });
  }

  @Test
  void a_printed_and_a_collected_card_are_told_in_their_offices_zone() {
    Setup s = setup();
    long request = s.c().printed(BORN.plusDays(9), "FIRST_CARD", "");
    String nik = s.c().nik(request);
    s.c().f.db.execute("update office set time_zone = 'Asia/Jayapura'");

    StatusAnswer ready = s.check().check(nik, BORN.plusDays(9).toString(), "10.0.0.9");
    s.c().f.db.execute("update print_request set status = 'HANDED_OVER' where id = ?", request);
    StatusAnswer handed = s.check().check(nik, BORN.plusDays(9).toString(), "10.0.0.9");

    assertThat(ready)
        .isInstanceOfSatisfying(
            StatusAnswer.Ready.class,
            r -> assertThat(r.zone()).isEqualTo(ZoneId.of("Asia/Jayapura")));
    assertThat(handed)
        .isInstanceOfSatisfying(
            StatusAnswer.HandedOver.class,
            h -> assertThat(h.zone()).isEqualTo(ZoneId.of("Asia/Jayapura")));
  }

  @Test
  void a_printed_card_waiting_for_the_card_check_is_not_ready_yet() {
    Setup s = setup();
    long request = s.c().printed(BORN.plusDays(5), "FIRST_CARD", "");
    String nik = s.c().nik(request);
    DSLContext db = s.c().f.db;
    db.execute(
        "insert into card_check (print_job_id, office_id, request_id, chip_uid, printed_at)"
            + " select id, office_id, request_id, 'UID', now() from print_job where request_id = ?",
        request);

    StatusAnswer checking = s.check().check(nik, BORN.plusDays(5).toString(), "10.0.0.5");
    db.execute(
        "update card_check set status = 'PASSED', uid_read = 'UID', checked_at = now()"
            + " where request_id = ?",
        request);
    StatusAnswer passed = s.check().check(nik, BORN.plusDays(5).toString(), "10.0.0.5");

    assertThat(checking).isEqualTo(new StatusAnswer.Checking("Disdukcapil Kota Bogor"));
    assertThat(passed).isInstanceOf(StatusAnswer.Ready.class);
  }

  @Test
  void a_waiting_request_answers_with_its_estimated_print_dates() {
    Setup s = setup();
    long request = s.c().queued(BORN.plusDays(1), "FIRST_CARD", "");

    StatusAnswer answer =
        s.check().check(s.c().nik(request), BORN.plusDays(1).toString(), "10.0.0.2");

    assertThat(answer)
        .isEqualTo(new StatusAnswer.Waiting("Disdukcapil Kota Bogor", false, Optional.of(WINDOW)));
  }

  @Test
  void an_unknown_nik_and_a_wrong_birth_date_get_the_same_answer() {
    Setup s = setup();
    long request = s.c().printed(BORN.plusDays(2), "FIRST_CARD", "");

    StatusAnswer wrongBirth =
        s.check().check(s.c().nik(request), BORN.plusDays(3).toString(), "10.0.0.3");
    StatusAnswer unknown = s.check().check("3271040101990999", BORN.toString(), "10.0.0.3");

    assertThat(wrongBirth).isEqualTo(new StatusAnswer.NotFound()).isEqualTo(unknown);
  }

  @Test
  void the_eleventh_lookup_of_a_nik_in_a_minute_is_refused_from_any_address() {
    Setup s = setup();
    long request = s.c().printed(BORN.plusDays(4), "FIRST_CARD", "");
    String nik = s.c().nik(request);

    for (int i = 1; i <= 10; i++) {
      assertThat(s.check().check(nik, BORN.plusDays(4).toString(), "10.1.0." + i))
          .isInstanceOf(StatusAnswer.Ready.class);
    }
    StatusAnswer eleventh = s.check().check(nik, BORN.plusDays(4).toString(), "10.1.0.11");
    s.c().f.clock.advance(Duration.ofSeconds(61));
    StatusAnswer aMinuteLater = s.check().check(nik, BORN.plusDays(4).toString(), "10.1.0.12");

    assertThat(eleventh).isInstanceOf(StatusAnswer.Refused.class);
    assertThat(aMinuteLater).isInstanceOf(StatusAnswer.Ready.class);
  }

  @Test
  void the_eleventh_lookup_from_one_address_in_a_minute_is_refused_whatever_the_nik() {
    Setup s = setup();

    for (int i = 0; i < 10; i++) {
      assertThat(s.check().check("32710401019900" + (10 + i), BORN.toString(), "10.2.0.1"))
          .isInstanceOf(StatusAnswer.NotFound.class);
    }

    assertThat(s.check().check("3271040101990099", BORN.toString(), "10.2.0.1"))
        .isInstanceOf(StatusAnswer.Refused.class);
    assertThat(s.check().check("3271040101990099", BORN.toString(), "10.2.0.2"))
        .isInstanceOf(StatusAnswer.NotFound.class);
  }

  @Test
  void every_lookup_is_audited_with_the_nik_masked() {
    Setup s = setup();
    long request = s.c().printed(BORN.plusDays(5), "FIRST_CARD", "");
    String nik = s.c().nik(request);

    s.check().check(nik, BORN.plusDays(5).toString(), "10.3.0.1");
    s.check().check(nik, "1999-01-01", "10.3.0.1");

    assertThat(
            s.c()
                .f
                .db
                .fetch(
                    "select subject, detail from audit_event where action = 'STATUS_LOOKUP'"
                        + " and actor = 'public:10.3.0.1' order by id")
                .intoMaps())
        .extracting(m -> m.get("subject") + " " + m.get("detail"))
        .containsExactly(
            "NIK " + org.cetak.common.Masking.nik(nik) + " Ready",
            "NIK " + org.cetak.common.Masking.nik(nik) + " NotFound");
    assertThat(
            s.c()
                .f
                .db
                .fetchCount(
                    s.c()
                        .f
                        .db
                        .selectFrom("audit_event")
                        .where(
                            "subject like ? or detail like ?", "%" + nik + "%", "%" + nik + "%")))
        .isZero();
  }

  @Test
  void once_the_card_data_reached_the_centre_the_answer_says_when() {
    Setup s = setup();
    long request = s.c().printed(BORN.plusDays(6), "FIRST_CARD", "");
    s.c()
        .f
        .db
        .execute(
            "update status_outbox set status = 'SENT', sent_at = now() where request_id = ?",
            request);

    StatusAnswer answer =
        s.check().check(s.c().nik(request), BORN.plusDays(6).toString(), "10.4.0.1");

    assertThat(answer)
        .isInstanceOfSatisfying(
            StatusAnswer.Ready.class, ready -> assertThat(ready.sentToCentre()).isPresent());
  }
}
