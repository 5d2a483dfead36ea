package org.cetak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.cetak.security.ConsoleSession;
import org.cetak.support.CetakSpringTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/**
 * The console's forms as a user submits them with bad input: each is refused on its form with the
 * code and wording naming what is wrong, and nothing is recorded; never a failure page.
 */
@CetakSpringTest
class FormRefusalsHttpTest {

  private static final String LONG = "x".repeat(5_000);

  @LocalServerPort int port;
  @Autowired DSLContext db;

  @Test
  void aPasswordLongerThanTheHashTakesOrAnOverlongNameIsRefusedOnTheUsersPage() throws Exception {
    ConsoleSession admin = ConsoleSession.signIn(port, "admin", "cetak-demo");
    String longPassword = "kata-sandi-".repeat(10);

    String created =
        refused(
            admin,
            "/users",
            form(
                "username",
                "sandi-panjang",
                "password",
                longPassword,
                "office",
                "32.71",
                "roles",
                "OPERATOR"),
            "/users");
    assertThat(created).contains("PASSWORD_TOO_LONG").contains("paling panjang 72 bita");
    assertThat(count("app_user", "username", "sandi-panjang")).isZero();

    String hash =
        db.fetchValue("select password_hash from app_user where username = 'operator'").toString();
    String reset =
        refused(admin, "/users/operator/password", form("password", longPassword), "/users");
    assertThat(reset).contains("PASSWORD_TOO_LONG");
    assertThat(
            db.fetchValue("select password_hash from app_user where username = 'operator'")
                .toString())
        .isEqualTo(hash);

    String named =
        refused(
            admin,
            "/users",
            form(
                "username",
                "nama-panjang",
                "displayName",
                LONG,
                "password",
                "rahasia-panjang-1",
                "office",
                "32.71",
                "roles",
                "OPERATOR"),
            "/users");
    assertThat(named).contains("TEXT_TOO_LONG").contains("Nama");
    assertThat(count("app_user", "username", "nama-panjang")).isZero();
  }

  /**
   * Submits a form, which must answer with its page again (not a failure), and returns the text of
   * that page as the user reads it.
   */
  private static String refused(
      ConsoleSession session, String action, String form, String pageAfter)
      throws IOException, InterruptedException {
    HttpResponse<String> answer =
        session.send("POST", action, "application/x-www-form-urlencoded", form);
    assertThat(answer.statusCode()).as("POST %s", action).isEqualTo(302);
    HttpResponse<String> page = session.get(pageAfter);
    assertThat(page.statusCode()).isEqualTo(200);
    return HtmlUtils.htmlUnescape(page.body());
  }

  /** A form's body from name and value pairs; a name given twice is sent twice, in order. */
  private static String form(String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(enc(pairs[i])).append('=').append(enc(pairs[i + 1]));
    }
    return body.toString();
  }

  private int count(String table, String column, String value) {
    return db.fetchCount(db.selectFrom(table).where(column + " = ?", value));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
