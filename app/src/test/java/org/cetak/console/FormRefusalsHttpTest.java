package org.cetak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private static final String STOCK = "/stock?office=32.71";
  private static final String LONG = "x".repeat(5_000);

  @LocalServerPort int port;
  @Autowired DSLContext db;

  @Test
  void aDotInsideAQuantityThatGroupsNoThousandsIsNoWholeNumber() throws Exception {
    ConsoleSession blanko = ConsoleSession.signIn(port, "blanko", "cetak-demo");

    String page =
        refused(
            blanko,
            "/stock/drops?office=32.71",
            form("documentNo", "SJ-TITIK-1", "documentDate", "2026-01-05", "quantity", "1.5"),
            STOCK);

    assertThat(page).contains("INVALID_QUANTITY");
    assertThat(count("stock_drop", "document_no", "SJ-TITIK-1")).isZero();
  }

  @Test
  void aDateThatCannotBeReadIsRefusedAsUnreadableNamingTheFormatNotAsMissing() throws Exception {
    ConsoleSession blanko = ConsoleSession.signIn(port, "blanko", "cetak-demo");
    int reports = db.fetchCount(db.selectFrom("destruction_report"));
    int losses = db.fetchCount(db.selectFrom("loss_report"));

    String drop =
        refused(
            blanko,
            "/stock/drops?office=32.71",
            form("documentNo", "SJ-TGL-31-02", "documentDate", "31-02-2026", "quantity", "5"),
            STOCK);
    String destruction =
        refused(
            blanko,
            "/stock/destruction-reports?office=32.71",
            form(
                "date",
                "abc",
                "witness",
                "Saksi Satu",
                "witness",
                "Saksi Dua",
                "serials",
                "KTP2099000001"),
            STOCK);
    String loss =
        refused(
            blanko,
            "/stock/loss-reports?office=32.71",
            form(
                "date",
                "2026-02-31",
                "location",
                "VAULT",
                "quantity",
                "1",
                "circumstances",
                "Tidak ditemukan saat opname"),
            STOCK);

    for (String page : List.of(drop, destruction, loss)) {
      assertThat(error(page))
          .contains("INVALID_DATE")
          .contains("tidak terbaca")
          .contains("YYYY-MM-DD")
          .doesNotContain("wajib diisi");
    }
    assertThat(error(drop)).contains("31-02-2026");
    assertThat(count("stock_drop", "document_no", "SJ-TGL-31-02")).isZero();
    assertThat(db.fetchCount(db.selectFrom("destruction_report"))).isEqualTo(reports);
    assertThat(db.fetchCount(db.selectFrom("loss_report"))).isEqualTo(losses);
  }

  @Test
  void aForgedLoanDirectionIsRefusedNamingTheChoicesAsTheFormWordsThem() throws Exception {
    ConsoleSession blanko = ConsoleSession.signIn(port, "blanko", "cetak-demo");

    String page =
        refused(
            blanko,
            "/stock/loans?office=32.71",
            form(
                "direction",
                "XYZ",
                "counterpartName",
                "Kantor X",
                "documentNo",
                "PJ-ARAH-XYZ",
                "quantity",
                "1"),
            STOCK);

    assertThat(error(page))
        .contains("INVALID_DIRECTION")
        .contains("Meminjamkan ke kantor lain")
        .contains("Meminjam dari kantor lain")
        .doesNotContain("LEND")
        .doesNotContain("BORROW");
    assertThat(count("stock_loan", "document_no", "PJ-ARAH-XYZ")).isZero();
  }

  @Test
  void aLoanReturnNotConfirmedAsCountedOrBeyondWhatIsOutChangesNothing() throws Exception {
    ConsoleSession blanko = ConsoleSession.signIn(port, "blanko", "cetak-demo");
    blanko.send(
        "POST",
        "/stock/loans?office=32.71",
        "application/x-www-form-urlencoded",
        form(
            "direction",
            "LEND",
            "counterpartName",
            "Kantor Y",
            "documentNo",
            "PJ-KEMBALI-1",
            "quantity",
            "2"));
    blanko.get(STOCK);
    long loan =
        ((Number) db.fetchValue("select id from stock_loan where document_no = 'PJ-KEMBALI-1'"))
            .longValue();
    String action = "/stock/loans/" + loan + "/return?office=32.71";

    String unconfirmed =
        refused(blanko, action, form("documentNo", "BAP-1", "quantity", "2"), STOCK);
    String tooMany =
        refused(
            blanko, action, form("documentNo", "BAP-1", "quantity", "3", "confirm", "yes"), STOCK);

    assertThat(error(unconfirmed)).contains("RETURN_NOT_CONFIRMED");
    assertThat(error(tooMany)).contains("LOAN_RETURN_TOO_LARGE").contains("tinggal 2 blanko");
    assertThat(db.fetchValue("select returned from stock_loan where id = " + loan)).isEqualTo(0);
  }

  @Test
  void aLoanWithAnOverlongDocumentNumberOrPartnerNameIsRefused() throws Exception {
    ConsoleSession blanko = ConsoleSession.signIn(port, "blanko", "cetak-demo");

    String document =
        refused(
            blanko,
            "/stock/loans?office=32.71",
            form(
                "direction",
                "LEND",
                "counterpartName",
                "Kantor X",
                "documentNo",
                LONG,
                "quantity",
                "1"),
            STOCK);
    assertThat(document).contains("DOCUMENT_NO_TOO_LONG").contains("paling panjang 64 karakter");

    String name =
        refused(
            blanko,
            "/stock/loans?office=32.71",
            form(
                "direction",
                "LEND",
                "counterpartName",
                LONG,
                "documentNo",
                "PJ-PANJANG-1",
                "quantity",
                "1"),
            STOCK);
    assertThat(name)
        .contains("TEXT_TOO_LONG")
        .contains("Nama kantor mitra (di luar Cetak)")
        .contains("5000 tanda, paling banyak 200");
    assertThat(count("stock_loan", "document_no", "PJ-PANJANG-1")).isZero();
    assertThat(db.fetchCount(db.selectFrom("stock_loan").where("length(document_no) > 64")))
        .isZero();
  }

  @Test
  void aWriteOffWithAnOverlongNoteIsRefused() throws Exception {
    ConsoleSession blanko = ConsoleSession.signIn(port, "blanko", "cetak-demo");
    int before = db.fetchCount(db.selectFrom("approval"));

    String page =
        refused(
            blanko,
            "/stock/write-offs?office=32.71",
            form(
                "location", "VAULT", "quantity", "1", "reason", "DAMAGED_IN_STORAGE", "note", LONG),
            STOCK);

    assertThat(page).contains("TEXT_TOO_LONG").contains("Catatan");
    assertThat(db.fetchCount(db.selectFrom("approval"))).isEqualTo(before);
  }

  @Test
  void aDecisionWithAnOverlongNoteIsRefusedAndTheProposalStaysOpen() throws Exception {
    ConsoleSession blanko = ConsoleSession.signIn(port, "blanko", "cetak-demo");
    blanko.send(
        "POST",
        "/stock/write-offs?office=32.71",
        "application/x-www-form-urlencoded",
        form("location", "VAULT", "quantity", "1", "reason", "DAMAGED_IN_STORAGE", "note", "uji"));
    long proposed =
        ((Number)
                db.fetchValue(
                    "select max(id) from approval where proposed_by = 'blanko'"
                        + " and status = 'PROPOSED'"))
            .longValue();
    ConsoleSession kabid = ConsoleSession.signIn(port, "kabid", "cetak-demo");

    String page =
        refused(
            kabid,
            "/stock/approvals/" + proposed + "/approve?office=32.71",
            form("note", LONG),
            STOCK);

    assertThat(page).contains("TEXT_TOO_LONG").contains("Catatan (opsional)");
    assertThat(db.fetchValue("select status from approval where id = " + proposed).toString())
        .isEqualTo("PROPOSED");
  }

  @Test
  void aDestructionReportDatedAfterTodayOrWithAnOverlongPlaceIsRefused() throws Exception {
    ConsoleSession blanko = ConsoleSession.signIn(port, "blanko", "cetak-demo");
    int before = db.fetchCount(db.selectFrom("destruction_report"));

    String future =
        refused(
            blanko,
            "/stock/destruction-reports?office=32.71",
            form(
                "date",
                "2099-01-01",
                "witness",
                "Saksi Satu",
                "witness",
                "Saksi Dua",
                "serials",
                "KTP2099000001"),
            STOCK);
    assertThat(future)
        .contains("DOCUMENT_DATE_IN_FUTURE")
        .contains("1 Jan 2099")
        .doesNotContain("2099-01-01");

    String place =
        refused(
            blanko,
            "/stock/destruction-reports?office=32.71",
            form(
                "date",
                "2026-01-05",
                "place",
                LONG,
                "witness",
                "Saksi Satu",
                "witness",
                "Saksi Dua",
                "serials",
                "KTP2099000001"),
            STOCK);
    assertThat(place).contains("TEXT_TOO_LONG").contains("Tempat pemusnahan");
    assertThat(db.fetchCount(db.selectFrom("destruction_report"))).isEqualTo(before);
  }

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

  @Test
  void anAuditPageFarBeyondTheLastShowsNoEventsInsteadOfFailing() throws Exception {
    ConsoleSession auditor = ConsoleSession.signIn(port, "inspektorat", "cetak-demo");

    HttpResponse<String> page = auditor.get("/audit?office=32.71&page=50000000");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("INTERNAL_ERROR");
  }

  @Test
  void anAuditPageBeyondTheLastShowsTheLastPageAndNeverClaimsOneThatDoesNotExist()
      throws Exception {
    ConsoleSession auditor = ConsoleSession.signIn(port, "inspektorat", "cetak-demo");

    HttpResponse<String> page = auditor.get("/audit?office=32.71&page=99999999");

    assertThat(page.statusCode()).isEqualTo(200);
    Matcher total = Pattern.compile("halaman ([0-9.]+) dari ([0-9.]+)").matcher(page.body());
    assertThat(total.find()).as("the page says which page of how many it shows").isTrue();
    assertThat(total.group(1)).isEqualTo(total.group(2));
    assertThat(page.body()).doesNotContain("99.999.999").doesNotContain("id=\"next\"");
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

  /** The text of the refusal a form shows, apart from the rest of the page. */
  private static String error(String page) {
    Matcher shown =
        Pattern.compile("<p class=\"error\"[^>]*role=\"alert\">(.*?)</p>", Pattern.DOTALL)
            .matcher(page);
    assertThat(shown.find()).as("the page shows a refusal").isTrue();
    return shown.group(1);
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
