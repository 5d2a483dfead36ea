package org.cetak.pickup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.cetak.db.testing.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Personal data kept no longer than the handover needs it (UU 27/2022). */
@DatabaseTest
class PersonalDataErasureTest {

  private static final LocalDate BORN = LocalDate.of(1990, 7, 1);

  private final DataSource dataSource;
  @TempDir Path tmp;

  PersonalDataErasureTest(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  private static HandoverForm inPerson() {
    return new HandoverForm(
        true,
        true,
        Optional.empty(),
        Recipient.RESIDENT,
        Optional.empty(),
        Optional.empty(),
        OldCard.RETURNED,
        Optional.of("04A1B2C3"),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void
      after_the_period_a_handed_over_request_keeps_only_what_accountability_needs_and_the_erasure_is_audited() {
    CounterFixture c = new CounterFixture(dataSource, tmp, false);
    long request = c.printed(BORN, "DATA_CHANGE", "474/11/2025");
    String nik = c.nik(request);
    c.pickup.handOver(c.f.office.id(), request, inPerson(), c.loket);
    long movements = c.f.count("stock_movement");
    c.f.clock.advance(Duration.ofDays(31));

    c.erasure.eraseDue("scheduler");

    Map<String, Object> row =
        c.f
            .db
            .fetch(
                "select nik, kk, birth_place, birth_date, address, rt, rw, village, phone, phone_raw,"
                    + " suket_number, religion, occupation, marital_status, card_uid, status, erased_at"
                    + " from print_request where id = ?",
                request)
            .intoMaps()
            .get(0);
    assertThat(row.get("nik")).isEqualTo(nik);
    assertThat(row.get("card_uid")).isEqualTo(String.format("04%012X", request));
    assertThat(row.get("status")).isEqualTo("HANDED_OVER");
    assertThat(row.get("erased_at")).isNotNull();
    for (String gone : new String[] {"kk", "birth_date", "phone", "phone_raw", "suket_number"}) {
      assertThat(row.get(gone)).as(gone).isNull();
    }
    for (String blank :
        new String[] {
          "birth_place",
          "address",
          "rt",
          "rw",
          "village",
          "religion",
          "occupation",
          "marital_status"
        }) {
      assertThat(row.get(blank)).as(blank).isEqualTo("");
    }
    assertThat(c.f.db.fetchCount(c.f.db.selectFrom("handover").where("request_id = ?", request)))
        .isEqualTo(1);
    assertThat(c.f.count("stock_movement")).isEqualTo(movements);
    assertThat(
            c.f.db.fetchCount(
                c.f
                    .db
                    .selectFrom("audit_event")
                    .where(
                        "action = 'PERSONAL_DATA_ERASED' and subject = ?", "request " + request)))
        .isEqualTo(1);
    assertThat(c.erasure.eraseDue("scheduler")).as("erased once").isZero();
  }

  @Test
  void a_card_handed_over_within_the_period_keeps_its_data() {
    CounterFixture c = new CounterFixture(dataSource, tmp, false);
    long request = c.printed(BORN.plusDays(1), "DATA_CHANGE", "");
    c.pickup.handOver(c.f.office.id(), request, inPerson(), c.loket);
    c.f.clock.advance(Duration.ofDays(29));

    c.erasure.eraseDue("scheduler");

    assertThat(c.f.db.fetchValue("select address from print_request where id = ?", request))
        .isNotEqualTo("");
  }
}
