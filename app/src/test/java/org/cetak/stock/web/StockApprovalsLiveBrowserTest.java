package org.cetak.stock.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.approval.Approvals;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.Reprints;
import org.cetak.support.Browser;
import org.cetak.support.CetakSpringTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The stock page in Chromium follows its list of approvals waiting without a reload, as the
 * dashboard does: an approval proposed meanwhile appears, one decided elsewhere goes, and a note
 * being typed into another approval's form stays as it is.
 */
@CetakSpringTest
class StockApprovalsLiveBrowserTest {

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired OfficeDirectory offices;
  @Autowired Approvals approvals;

  @BeforeAll
  static void openBrowser() {
    browser = Browser.open();
  }

  @AfterAll
  static void closeBrowser() {
    browser.quit();
  }

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
      markPage();

      later = propose(office, operator, 920002);
      String row = "#approval-rows tr[data-approval='" + later.id() + "']";
      waitFor(() -> count(row) == 1);

      assertThat(samePage()).as("no reload").isTrue();
      assertThat(browser.findElement(By.cssSelector(row)).getText())
          .contains("operator")
          .contains("Cetak ulang permohonan 920002");
      assertThat(browser.findElement(By.cssSelector(note)).getAttribute("value"))
          .isEqualTo("catatan setengah jadi");
      screenshot("stock-approvals-live", By.id("approvals"));

      // decided elsewhere: the row goes from the open list, the note being typed stays
      approvals.reject(later.id(), kabid, "uji");
      Approval decided = later;
      later = null;
      waitFor(() -> count("#approval-rows tr[data-approval='" + decided.id() + "']") == 0);
      assertThat(samePage()).as("no reload").isTrue();
      assertThat(browser.findElement(By.cssSelector(note)).getAttribute("value"))
          .isEqualTo("catatan setengah jadi");
    } finally {
      approvals.reject(first.id(), kabid, "uji");
      if (later != null) {
        approvals.reject(later.id(), kabid, "uji");
      }
    }
  }

  /** The part of the page as a build artefact ({@code target/screenshots}). */
  private static void screenshot(String name, By part) throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Path shot = browser.findElement(part).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
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
    browser.manage().deleteAllCookies();
    Browser.leave(browser, () -> browser.get(url("/login")));
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys("cetak-demo");
    Browser.submit(browser, browser.findElement(By.id("sign-in")));
    assertThat(browser.findElements(By.id("roles"))).hasSize(1);
  }

  private static int count(String css) {
    browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    try {
      return browser.findElements(By.cssSelector(css)).size();
    } finally {
      browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }
  }

  private static void markPage() {
    ((JavascriptExecutor) browser).executeScript("window.cetakNoReload = true;");
  }

  private static boolean samePage() {
    return Boolean.TRUE.equals(
        ((JavascriptExecutor) browser).executeScript("return window.cetakNoReload === true;"));
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> condition.getAsBoolean());
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
