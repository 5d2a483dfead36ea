package org.cetak.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.cetak.security.ConsoleSession;
import org.cetak.support.CetakSpringTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/**
 * A value a console form's choice cannot take, posted by hand instead of chosen (or a date that is
 * none), is refused naming the field by its label in the user's language, as the form shows it,
 * never by its code name; and nothing is recorded.
 */
@CetakSpringTest
class FieldLabelHttpTest {

  @LocalServerPort int port;
  @Autowired DSLContext db;

  @Test
  void a_forged_recipient_of_a_handover_is_named_by_the_forms_label() throws Exception {
    ConsoleSession loket = ConsoleSession.signIn(port, "loket", "cetak-demo");
    int before = db.fetchCount(db.selectFrom("handover"));
    HttpResponse<String> answer =
        loket.post("/pickup/1/handover?office=32.71", "recipient=TETANGGA&suketShown=true");
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(HtmlUtils.htmlUnescape(answer.body()))
        .contains("Nilai 'TETANGGA' tidak sah untuk 'Diambil oleh'")
        .doesNotContain("'recipient'");
    HttpResponse<String> english =
        loket.post("/pickup/1/handover?office=32.71&lang=en", "oldCard=BURNT");
    assertThat(english.statusCode()).isEqualTo(400);
    assertThat(HtmlUtils.htmlUnescape(english.body()))
        .contains("'BURNT' is not a valid value of 'Old KTP-el'")
        .doesNotContain("'oldCard'");
    assertThat(db.fetchCount(db.selectFrom("handover"))).isEqualTo(before);
  }

  @Test
  void a_forged_role_of_a_new_user_is_named_by_the_forms_label() throws Exception {
    ConsoleSession admin = ConsoleSession.signIn(port, "admin", "cetak-demo");
    HttpResponse<String> answer =
        admin.post(
            "/users?office=32.71",
            "username=palsu&displayName=Palsu&password=sandi-panjang-sekali&office=32.71"
                + "&roles=COUNTER_OFFICER&roles=RAJA");
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(HtmlUtils.htmlUnescape(answer.body()))
        .contains("tidak sah untuk 'Peran'")
        .contains("RAJA")
        .doesNotContain("'roles'")
        .doesNotContain("[Ljava");
    assertThat(db.fetchCount(db.selectFrom("app_user").where("username = 'palsu'"))).isZero();
  }

  @Test
  void a_date_of_the_audit_filter_that_is_none_is_named_by_its_label() throws Exception {
    ConsoleSession auditor = ConsoleSession.signIn(port, "inspektorat", "cetak-demo");
    HttpResponse<String> answer = auditor.get("/audit?office=32.71&from=kemarin");
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(HtmlUtils.htmlUnescape(answer.body()))
        .contains("Nilai 'kemarin' tidak sah untuk 'Dari'")
        .doesNotContain("'from'");
  }
}
