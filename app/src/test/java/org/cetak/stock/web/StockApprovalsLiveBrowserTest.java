package org.cetak.stock.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.approval.Approvals;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.Reprints;
import org.cetak.support.Browser;
import org.cetak.support.CetakSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The stock page in Chromium follows its list of approvals waiting without a reload, as the
 * dashboard does: an approval proposed meanwhile appears, one decided elsewhere goes, and a note
 * being typed into another approval's form stays as it is.
 */
@CetakSpringTest
@ExtendWith(Browser.PerClass.class)
class StockApprovalsLiveBrowserTest {

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired OfficeDirectory offices;
  @Autowired Approvals approvals;

  @Test
  void an_approval_proposed_meanwhile_appears_on_the_open_stock_page_keeping_a_note_being_typed()
      throws IOException {
    Office office = offices.officeByCode("32.71").orElseThrow();
    User operator = offices.user("operator").orElseThrow();
    User kabid = offices.user("kabid").orElseThrow();
    Approval first = propose(office, operator, 920001);
    Approval later = null;
    try {
      signIn("kabid");
      browser.get(url("/stock?office=32.71"));
      String note = "#approval-rows tr[data-approval='" + first.id() + "'] input[name='note']";
      browser.findElement(By.cssSelector(note)).sendKeys("catatan setengah jadi");
      Browser.markPage(browser);

      later = propose(office, operator, 920002);
      String row = "#approval-rows tr[data-approval='" + later.id() + "']";
      Browser.waitFor(browser, () -> Browser.count(browser, row) == 1);

      assertThat(Browser.notReloaded(browser)).as("no reload").isTrue();
      assertThat(browser.findElement(By.cssSelector(row)).getText())
          .contains("operator")
          .contains("Cetak ulang permohonan 920002");
      assertThat(browser.findElement(By.cssSelector(note)).getAttribute("value"))
          .isEqualTo("catatan setengah jadi");
      Browser.screenshot(browser.findElement(By.id("approvals")), "stock-approvals-live");

      // decided elsewhere: the row goes from the open list, the note being typed stays
      approvals.reject(later.id(), kabid, "uji");
      Approval decided = later;
      later = null;
      Browser.waitFor(
          browser,
          () ->
              Browser.count(browser, "#approval-rows tr[data-approval='" + decided.id() + "']")
                  == 0);
      assertThat(Browser.notReloaded(browser)).as("no reload").isTrue();
      assertThat(browser.findElement(By.cssSelector(note)).getAttribute("value"))
          .isEqualTo("catatan setengah jadi");
    } finally {
      approvals.reject(first.id(), kabid, "uji");
      if (later != null) {
        approvals.reject(later.id(), kabid, "uji");
      }
    }
  }

  private Approval propose(Office office, User by, long subject) {
    return approvals.propose(
        office.id(),
        Reprints.KIND,
        Optional.of(subject),
        "reprint of request " + subject,
        "uji daftar hidup stok",
        by);
  }

  private void signIn(String username) {
    Browser.signIn(browser, url(""), username);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
