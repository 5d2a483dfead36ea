package org.cetak.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.cetak.office.OfficeDirectory;
import org.cetak.support.Browser;
import org.cetak.support.CetakSpringTest;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The queue page and the audit log in Chromium: a counter officer finds a resident and reads why
 * the card is not printed yet, a supervisor looks at the card face and the auditor finds that view
 * in the audit log, and the console switches to English and back. Screenshots of the pages go to
 * {@code target/screenshots/}.
 */
@CetakSpringTest
@ExtendWith(Browser.PerClass.class)
class QueueBrowserTest {

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired DSLContext db;
  @Autowired OfficeDirectory offices;

  /** The demo's request furthest back in the queue: it will not print while the test runs. */
  private Record lastInQueue() {
    long office = offices.officeByCode("32.71").orElseThrow().id();
    return db.fetchOne(
        "select id, nik, name, birth_date, status from print_request where office_id = ?"
            + " and status in ('QUEUED', 'RESERVED') order by id desc limit 1",
        office);
  }

  @Test
  void a_counter_officer_finds_a_resident_and_reads_why_not_yet_in_indonesian() throws Exception {
    Record request = lastInQueue();
    long id = request.get("id", Long.class);
    String nik = request.get("nik", String.class);
    db.execute("update print_request set has_photo = false where id = ?", id);
    try {
      signIn("loket");
      browser.get(url("/queue"));
      browser.findElement(By.id("nik")).sendKeys(nik);
      Browser.submit(browser, browser.findElement(By.cssSelector("#find-nik button")));

      WebElement shown = browser.findElement(By.id("request"));
      assertThat(shown.getAttribute("data-request")).isEqualTo(String.valueOf(id));
      assertThat(browser.findElement(By.id("status")).getText())
          .isIn("Menunggu blanko", "Mendapat blanko");
      List<WebElement> blockers = browser.findElements(By.cssSelector("#blockers .blocker"));
      assertThat(blockers).extracting(b -> b.getAttribute("data-kind")).contains("NO_PHOTO");
      assertThat(blockers)
          .extracting(WebElement::getText)
          .contains("Foto belum ada: kartu tidak dapat dicetak sebelum foto diterima.");
      assertThat(browser.findElement(By.id("no-estimate")).getText())
          .startsWith("Tanggal cetak belum dapat diperkirakan");
      assertThat(browser.findElements(By.cssSelector("#history tbody tr"))).isNotEmpty();
      // the NIK is masked everywhere on the page, the search field included
      assertThat(browser.getPageSource()).doesNotContain(nik);
      assertThat(shown.getText()).contains(nik.substring(0, 4) + "**********" + nik.substring(14));
      // the card face shows the full NIK: it is drawn only when asked for
      assertThat(Browser.count(browser, browser, By.id("face"))).isZero();
      Browser.screenshot(browser, "queue-why-not-yet");
    } finally {
      db.execute("update print_request set has_photo = true where id = ?", id);
    }

    browser.get(url("/queue?office=32.71&request=" + id));
    assertThat(Browser.count(browser, browser, By.cssSelector("#blockers .blocker"))).isZero();
    assertThat(browser.findElement(By.id("estimate")).getText()).startsWith("Perkiraan dicetak");
    assertThat(browser.findElement(By.id("drop")).getText()).isNotBlank();

    String name = request.get("name", String.class);
    LocalDate born = request.get("birth_date", LocalDate.class);
    browser.get(url("/queue"));
    browser.findElement(By.id("name")).sendKeys(name.substring(0, 4));
    ((JavascriptExecutor) browser)
        .executeScript(
            "document.getElementById('birthDate').value = arguments[0]", born.toString());
    Browser.submit(browser, browser.findElement(By.cssSelector("#find-name button")));
    assertThat(browser.findElements(By.cssSelector("[data-request='" + id + "']"))).isNotEmpty();
    assertThat(browser.getPageSource()).doesNotContain(nik);
  }

  @Test
  void a_supervisor_looks_at_the_card_face_and_the_auditor_reads_that_view_in_the_audit_log()
      throws Exception {
    long id = lastInQueue().get("id", Long.class);
    signIn("kabid");
    browser.get(url("/queue?office=32.71&request=" + id));
    assertThat(Browser.count(browser, browser, By.id("face"))).isZero();
    Browser.submit(browser, browser.findElement(By.id("show-front")));
    WebElement face = browser.findElement(By.id("face"));
    assertThat(face.getAttribute("src"))
        .endsWith("/api/offices/32.71/requests/" + id + "/card.png?side=FRONT");
    // the browser fetched the face, and that view of the full NIK is in the audit trail
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                db.fetchCount(
                        db.selectFrom("audit_event")
                            .where(
                                "actor = 'kabid' and action = 'NIK_VIEWED' and subject = ?",
                                "request " + id))
                    > 0);
    Browser.screenshot(browser, "queue-card-face");

    signIn("inspektorat");
    browser.get(url("/audit?office=32.71&actor=kabid&action=NIK_VIEWED"));
    List<WebElement> rows = browser.findElements(By.cssSelector("#audit tbody tr[data-action]"));
    assertThat(rows).isNotEmpty();
    assertThat(rows.get(0).getAttribute("data-action")).isEqualTo("NIK_VIEWED");
    assertThat(rows.get(0).getText())
        .contains("kabid")
        .contains("NIK lengkap dilihat")
        .contains("permohonan " + id);
    Browser.screenshot(browser, "audit-log");
  }

  @Test
  void the_console_switches_to_english_remembers_it_and_switches_back() throws Exception {
    signIn("loket");
    browser.get(url("/queue"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Antrean cetak");
    Browser.submit(browser, browser.findElement(By.linkText("EN")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Print queue");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    Browser.screenshot(browser, "queue-english");

    browser.get(url("/pickup"));
    assertThat(browser.findElement(By.id("nav-queue")).getText()).isEqualTo("Queue");
    browser.get(url("/queue"));
    browser.findElement(By.id("nik")).sendKeys("123");
    Browser.submit(browser, browser.findElement(By.cssSelector("#find-nik button")));
    assertThat(browser.findElement(By.id("error")).getText()).isEqualTo("A NIK is 16 digits");

    Browser.submit(browser, browser.findElement(By.linkText("ID")));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("id");
    browser.get(url("/queue"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Antrean cetak");
    assertThat(browser.findElement(By.id("nav-queue")).getText()).isEqualTo("Antrean");
  }

  @Test
  void a_search_by_nik_never_puts_the_nik_in_an_address_the_browser_visits() throws Exception {
    Record request = lastInQueue();
    long id = request.get("id", Long.class);
    String nik = request.get("nik", String.class);
    signIn("loket");
    List<String> visited = new java.util.ArrayList<>();

    browser.get(url("/queue"));
    browser.findElement(By.id("nik")).sendKeys(nik);
    Browser.submit(browser, browser.findElement(By.cssSelector("#find-nik button")));
    assertThat(browser.findElement(By.id("request")).getAttribute("data-request"))
        .isEqualTo(String.valueOf(id));
    visited.addAll(addresses());

    browser.get(url("/pickup"));
    browser.findElement(By.id("nik")).sendKeys(nik);
    Browser.submit(browser, browser.findElement(By.cssSelector("#find-nik button")));
    assertThat(browser.findElements(By.id("cards"))).isNotEmpty();
    visited.addAll(addresses());

    browser.get(url("/consolidation"));
    browser.findElement(By.id("nik")).sendKeys(nik);
    Browser.submit(browser, browser.findElement(By.cssSelector("#history-form button")));
    assertThat(browser.findElements(By.id("history"))).isNotEmpty();
    visited.addAll(addresses());

    assertThat(visited).isNotEmpty().noneMatch(address -> address.contains(nik));
    assertThat(visited).anyMatch(address -> address.endsWith("/queue?office=32.71"));
  }

  /** The page's address and every address it fetched (its resources, the live stream…). */
  @SuppressWarnings("unchecked")
  private static List<String> addresses() {
    List<String> all = new java.util.ArrayList<>();
    all.add(browser.getCurrentUrl());
    all.addAll(
        (List<String>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return performance.getEntries().map(function (e) { return e.name; })"
                        + ".filter(function (n) { return n.indexOf('http') === 0; });"));
    return all;
  }

  private void signIn(String username) {
    Browser.signIn(browser, url(""), username);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
