package org.cetak.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrinterControl;
import org.cetak.printing.StepRecorder;
import org.cetak.stock.PrinterRegistry;
import org.cetak.support.Browser;
import org.cetak.support.CetakSpringTest;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The check console in a real headless Chromium, as an operator uses it: the printers page says how
 * many cards wait and links to the console, where the operator passes one card with its chip read
 * back and rejects another, checked against the database.
 */
@CetakSpringTest
@ExtendWith(Browser.PerClass.class)
class QualityCheckBrowserTest {

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired StepRecorder steps;
  @Autowired PrintJobs jobs;
  @Autowired PrinterRegistry registry;
  @Autowired PrinterControl control;
  @Autowired OfficeDirectory offices;
  @Autowired QualityChecks checks;
  @Autowired DSLContext db;

  private Office office;
  private CardsToCheck cards;

  @BeforeEach
  void aPrinterOfTheDemoOffice() {
    office = offices.officeByCode("32.71").orElseThrow();
    db.execute(
        "update notice_settings set collectable_when = 'QUALITY_CHECKED' where office_id = ?",
        office.id());
    cards =
        new CardsToCheck(
            db,
            steps,
            jobs,
            registry,
            control,
            office,
            TestUsers.everyRole(offices),
            offices.user("operator").orElseThrow());
  }

  @Test
  void the_operator_passes_one_card_and_rejects_another() {
    PrintJob good = cards.printed();
    PrintJob bad = cards.printed();
    signIn("operator");

    browser.get(url("/printers"));
    WebElement waiting = browser.findElement(By.id("to-check"));
    assertThat(waiting.getText())
        .startsWith(checks.waitingCount(office.id()) + " kartu tercetak menunggu pemeriksaan");
    Browser.submit(browser, browser.findElement(By.id("to-check-open")));

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Pemeriksaan kartu");
    WebElement face = row(good).findElement(By.cssSelector("img.face"));
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(
            d ->
                ((Number)
                            ((org.openqa.selenium.JavascriptExecutor) d)
                                .executeScript("return arguments[0].naturalWidth", face))
                        .intValue()
                    > 0);
    assertThat(row(good).getText()).doesNotContain(CardsToCheck.uid(good));

    // a chip of another card is refused and nothing changes
    row(good).findElement(By.cssSelector("input.uid")).sendKeys(CardsToCheck.uid(bad));
    Browser.submit(browser, row(good).findElement(By.cssSelector("button.pass")));
    assertThat(browser.findElement(By.id("error")).getText())
        .startsWith("Ditolak, tidak ada yang diubah: Chip " + CardsToCheck.uid(bad));
    assertThat(status(good)).isEqualTo("WAITING");

    row(good).findElement(By.cssSelector("input.uid")).sendKeys(CardsToCheck.uid(good));
    Browser.submit(browser, row(good).findElement(By.cssSelector("button.pass")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo(
            "Kartu permohonan "
                + good.requestId()
                + " lolos pemeriksaan (chip "
                + CardsToCheck.uid(good)
                + "); SMS pengambilan dicatat untuk dikirim.");
    assertThat(status(good)).isEqualTo("PASSED");
    assertThat(db.fetchCount(db.selectFrom("sms_outbox where print_job_id = " + good.id())))
        .isEqualTo(1);
    assertThat(Browser.count(browser, browser, By.cssSelector("tr[data-job='" + good.id() + "']")))
        .isZero();

    new Select(row(bad).findElement(By.cssSelector("select.reason"))).selectByValue("MISPRINT");
    row(bad).findElement(By.cssSelector("input.note")).sendKeys("foto bergeser");
    Browser.submit(browser, row(bad).findElement(By.cssSelector("button.reject")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo(
            "Kartu permohonan "
                + bad.requestId()
                + " ditolak (Salah cetak): masuk tumpukan rusak, permohonannya kembali ke antrean"
                + " cetak.");
    assertThat(status(bad)).isEqualTo("REJECTED");
    assertThat(
            db.fetchValue(
                "select m.reason || ' ' || m.chip_uid from stock_movement m join card_check c on"
                    + " c.movement_id = m.id where c.print_job_id = ?",
                bad.id()))
        .isEqualTo("QC_MISPRINT " + CardsToCheck.uid(bad));
    assertThat(db.fetchValue("select status from print_request where id = ?", bad.requestId()))
        .isEqualTo("FAILED_REQUEUED");
    assertThat(db.fetchCount(db.selectFrom("sms_outbox where print_job_id = " + bad.id())))
        .isZero();
  }

  private String status(PrintJob job) {
    return (String) db.fetchValue("select status from card_check where print_job_id = ?", job.id());
  }

  private static WebElement row(PrintJob job) {
    return browser.findElement(By.cssSelector("tr[data-job='" + job.id() + "']"));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void signIn(String username) {
    Browser.signIn(browser, url(""), username);
  }
}
