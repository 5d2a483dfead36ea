package org.cetak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.approval.Approvals;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.Reprints;
import org.cetak.support.Browser;
import org.cetak.support.CetakSpringTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervisor's dashboard in Chromium follows its lists without a reload: an approval proposed
 * meanwhile appears in the approvals list, and a tier that gains requests appears in the queue by
 * tier, while a note being typed into another approval's form stays as it is.
 */
@CetakSpringTest
@ExtendWith(Browser.PerClass.class)
class LiveListsBrowserTest {

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired DSLContext db;
  @Autowired OfficeDirectory offices;
  @Autowired Approvals approvals;

  @Test
  void an_approval_proposed_meanwhile_appears_in_the_open_list_keeping_a_note_being_typed() {
    Office office = offices.officeByCode("32.71").orElseThrow();
    User operator = offices.user("operator").orElseThrow();
    User kabid = offices.user("kabid").orElseThrow();
    Approval first = propose(office, operator, 910001);
    Approval later = null;
    try {
      signIn("kabid");
      browser
          .findElement(
              By.cssSelector(
                  "#dash-approvals tr[data-approval='" + first.id() + "'] input[name='note']"))
          .sendKeys("catatan setengah jadi");
      Browser.markPage(browser);

      later = propose(office, operator, 910002);
      String row = "#dash-approvals tr[data-approval='" + later.id() + "']";
      Browser.waitFor(browser, () -> Browser.count(browser, row) == 1);

      assertThat(Browser.notReloaded(browser)).as("no reload").isTrue();
      assertThat(browser.findElement(By.cssSelector(row)).getText())
          .contains("operator")
          .contains("Cetak ulang permohonan 910002");
      assertThat(
              browser
                  .findElement(
                      By.cssSelector(
                          "#dash-approvals tr[data-approval='"
                              + first.id()
                              + "'] input[name='note']"))
                  .getAttribute("value"))
          .isEqualTo("catatan setengah jadi");

      // decided elsewhere: the row goes from the open list
      approvals.reject(later.id(), kabid, "uji");
      Approval decided = later;
      later = null;
      Browser.waitFor(
          browser,
          () ->
              Browser.count(browser, "#dash-approvals tr[data-approval='" + decided.id() + "']")
                  == 0);
      assertThat(Browser.notReloaded(browser)).as("no reload").isTrue();
    } finally {
      approvals.reject(first.id(), kabid, "uji");
      if (later != null) {
        approvals.reject(later.id(), kabid, "uji");
      }
    }
  }

  @Test
  void a_tier_that_gains_requests_appears_in_the_open_queue_by_tier() {
    Office office = offices.officeByCode("32.71").orElseThrow();
    long reservation =
        ((Number)
                db.fetchValue(
                    "select min(id) from reservation where office_id = ? and released_at is null"
                        + " and consumed_at is null",
                    office.id()))
            .longValue();
    int tier =
        ((Number) db.fetchValue("select tier from reservation where id = ?", reservation))
            .intValue();
    int fresh =
        ((Number)
                    db.fetchValue(
                        "select coalesce(max(tier), 0) from reservation where office_id = ?",
                        office.id()))
                .intValue()
            + 7;
    signIn("kabid");
    String row = "#dash-queue tr[data-tier='" + fresh + "']";
    assertThat(Browser.count(browser, row)).isZero();
    Browser.markPage(browser);
    try {
      db.execute("update reservation set tier = ? where id = ?", fresh, reservation);

      Browser.waitFor(browser, () -> Browser.count(browser, row) == 1);

      assertThat(Browser.notReloaded(browser)).as("no reload").isTrue();
      assertThat(browser.findElement(By.cssSelector(row)).getText()).startsWith(fresh + " ·");
    } finally {
      db.execute("update reservation set tier = ? where id = ?", tier, reservation);
    }
  }

  private Approval propose(Office office, User by, long subject) {
    return approvals.propose(
        office.id(),
        Reprints.KIND,
        Optional.of(subject),
        "reprint of request " + subject,
        "uji daftar hidup",
        by);
  }

  private void signIn(String username) {
    Browser.signIn(browser, url(""), username);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
