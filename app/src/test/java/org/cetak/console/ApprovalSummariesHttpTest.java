package org.cetak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cetak.office.OfficeDirectory;
import org.cetak.support.CetakSpringTest;
import org.cetak.support.DemoHttp;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/**
 * The stock page and the dashboard word what each approval waiting is about in the reader's
 * language, from the summary its kind is proposed with: Indonesian unless English is chosen. The
 * summaries are the forms the proposing side writes; the API still answers the summary as stored.
 */
@CetakSpringTest
class ApprovalSummariesHttpTest {

  /** Each kind's summary as proposed, with its Indonesian and English wording. */
  private static final List<String[]> SUMMARIES =
      List.of(
          new String[] {
            "REPRINT", "reprint of request 920002",
            "Cetak ulang permohonan 920002", "Reprint of request 920002"
          },
          new String[] {
            "WRITE_OFF",
            "Write off 3 blanks from FEEDER(printer 7) (PRINT_FAIL)",
            "Penghapusan 3 blanko dari Feeder printer 7 (Gagal cetak)",
            "Write-off of 3 blanks from Feeder of printer 7 (Print failure)"
          },
          new String[] {
            "DESTRUCTION",
            "Destruction report BA-PMS/32.71/2026/0099: 4 cards",
            "Berita acara pemusnahan BA-PMS/32.71/2026/0099: 4 kartu",
            "Destruction report BA-PMS/32.71/2026/0099: 4 cards"
          },
          new String[] {
            "LOSS",
            "Berita acara kehilangan BA-HLG/32.71/2026/0099: 2 blanko dari VAULT",
            "Berita acara kehilangan BA-HLG/32.71/2026/0099: 2 blanko dari Gudang",
            "Loss report BA-HLG/32.71/2026/0099: 2 blanks from Vault"
          },
          new String[] {
            "DROP_REVERSAL",
            "Pembatalan serah terima SJ-2026-0099: 50 blanko kembali ke pusat",
            "Pembatalan serah terima SJ-2026-0099: 50 blanko kembali ke pusat",
            "Reversal of drop SJ-2026-0099: 50 blanks back to the centre"
          });

  @LocalServerPort int port;
  @Autowired DSLContext db;
  @Autowired OfficeDirectory offices;

  /** The approval of each kind proposed for the test, by id. */
  private final Map<Long, String[]> proposed = new LinkedHashMap<>();

  @BeforeEach
  void propose() {
    long office = offices.officeByCode("32.71").orElseThrow().id();
    for (String[] s : SUMMARIES) {
      long id =
          db.fetchOne(
                  "insert into approval (office_id, kind, summary, status, proposed_by,"
                      + " proposed_at) values (?, ?, ?, 'PROPOSED', 'operator', now())"
                      + " returning id",
                  office,
                  s[0],
                  s[1])
              .get("id", Long.class);
      proposed.put(id, s);
    }
  }

  @AfterEach
  void decide() {
    for (long id : proposed.keySet()) {
      db.execute(
          "update approval set status = 'REJECTED', decided_by = 'kabid', decided_at = now()"
              + " where id = ?",
          id);
    }
  }

  @Test
  void the_stock_page_words_each_kinds_summary_in_indonesian_first_and_in_english_when_chosen()
      throws Exception {
    String page = get("/stock?office=32.71", "kabid").body();
    String english = get("/stock?office=32.71&lang=en", "kabid").body();
    proposed.forEach(
        (id, s) -> {
          assertThat(summary(page, id)).as(s[0]).isEqualTo(s[2]);
          assertThat(summary(english, id)).as(s[0] + " in English").isEqualTo(s[3]);
        });
  }

  @Test
  void the_dashboards_approvals_list_words_them_the_same() throws Exception {
    String page = get("/?office=32.71", "kabid").body();
    String english = get("/?office=32.71&lang=en", "kabid").body();
    proposed.forEach(
        (id, s) -> {
          assertThat(summary(page, id)).as(s[0]).isEqualTo(s[2]);
          assertThat(summary(english, id)).as(s[0] + " in English").isEqualTo(s[3]);
        });
  }

  @Test
  void neither_list_repeats_the_kind_its_summary_already_says() throws Exception {
    for (String path : List.of("/stock?office=32.71", "/?office=32.71")) {
      String page = get(path, "kabid").body();
      String english = get(path + "&lang=en", "kabid").body();
      proposed.forEach(
          (id, s) -> {
            assertThat(cells(page, id))
                .as("%s on %s", s[0], path)
                .doesNotContainAnyElementsOf(KINDS);
            assertThat(cells(english, id))
                .as("%s on %s in English", s[0], path)
                .doesNotContainAnyElementsOf(KINDS);
          });
      assertThat(page).doesNotContain(">Jenis</th>");
      assertThat(english).doesNotContain(">Kind</th>");
    }
  }

  @Test
  void the_api_answers_the_summary_as_stored() throws Exception {
    String json = get("/api/offices/32.71/approvals?status=PROPOSED", "kabid").body();
    for (String[] s : proposed.values()) {
      assertThat(json).contains("\"summary\":\"" + s[1] + "\"");
    }
  }

  /** The words of each kind the lists once showed in a column of their own beside the summary. */
  private static final List<String> KINDS =
      List.of(
          "Cetak ulang",
          "Penghapusan",
          "Penghapusan blanko",
          "Pemusnahan",
          "Berita acara pemusnahan",
          "Kehilangan",
          "Berita acara kehilangan",
          "Pembatalan serah terima",
          "Reprint",
          "Write-off",
          "Write-off of blanks",
          "Destruction",
          "Destruction report",
          "Loss",
          "Loss report",
          "Drop reversal",
          "Reversal of a drop");

  /** The text of each cell of the approval's row on a page. */
  private static List<String> cells(String page, long id) {
    Matcher row =
        Pattern.compile("(?s)<tr[^>]*data-approval=\"" + id + "\"[^>]*>(.*?)</tr>").matcher(page);
    assertThat(row.find()).as("the row of approval %s", id).isTrue();
    Matcher cell = Pattern.compile("(?s)<td[^>]*>(.*?)</td>").matcher(row.group(1));
    List<String> out = new java.util.ArrayList<>();
    while (cell.find()) {
      out.add(HtmlUtils.htmlUnescape(cell.group(1).replaceAll("<[^>]*>", "").strip()));
    }
    assertThat(out).as("the cells of approval %s", id).isNotEmpty();
    return out;
  }

  /** The text of the approval's summary on a page. */
  private static String summary(String page, long id) {
    Matcher row =
        Pattern.compile("(?s)<tr[^>]*data-approval=\"" + id + "\"[^>]*>(.*?)</tr>").matcher(page);
    assertThat(row.find()).as("the row of approval %s", id).isTrue();
    Matcher cell =
        Pattern.compile("(?s)<(?:td|span) class=\"approval-summary\">([^<]*)<")
            .matcher(row.group(1));
    assertThat(cell.find()).as("the summary of approval %s", id).isTrue();
    return HtmlUtils.htmlUnescape(cell.group(1).strip());
  }

  private HttpResponse<String> get(String path, String user)
      throws IOException, InterruptedException {
    return DemoHttp.get(port, path, user);
  }
}
