package org.cetak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.cetak.common.Transactions;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.support.Browser;
import org.cetak.support.CetakSpringTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The SMS page in a real headless Chromium, as a counter officer uses it, checked against the
 * database.
 */
@CetakSpringTest
@ExtendWith(Browser.PerClass.class)
class NoticesPageBrowserTest {

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired DSLContext db;
  @Autowired OfficeDirectory offices;
  @Autowired Notices notices;
  @Autowired NoticeStore store;
  @Autowired DeliveryReports reports;
  @Autowired Transactions transactions;
  @Autowired Clock clock;

  private Office office;
  private WebNotices web;

  @BeforeEach
  void demoOffice() {
    office = offices.officeByCode("32.71").orElseThrow();
    web = new WebNotices(db, notices, store, reports, transactions, clock);
    // the page shows an office's notices in the office's window: keep it open all day for the test
    store.saveSettings(
        office.id(),
        new NoticeSettings(
            java.time.ZoneId.of("Asia/Jakarta"),
            "Senin-Jumat 08.00-15.00",
            java.time.LocalTime.MIN,
            java.time.LocalTime.MAX,
            CollectableWhen.PRINTED,
            14),
        "test");
  }

  @Test
  void counter_officer_sees_each_notice_as_the_database_has_it_with_the_phone_masked() {
    Notice refused = web.collectable(office.id(), "Rina", "+6281298765401");
    Notice sent = web.collectable(office.id(), "Sutrisno", "+6281298765402");
    web.dispatch(
        refused,
        new SmsGateway.Outcome.Refused("Kannel 400: Sender missing and no global set", false),
        sent,
        new SmsGateway.Outcome.Accepted(Optional.of("smsc-4711")));

    signIn("loket");

    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("id");
    WebElement failedRow = row(refused.id());
    assertThat(failedRow.findElement(By.cssSelector(".status")).getText()).isEqualTo("Gagal");
    assertThat(failedRow.findElement(By.cssSelector(".last-error")).getText())
        .isEqualTo("Kannel 400: Sender missing and no global set");
    assertThat(failedRow.findElement(By.cssSelector(".attempts")).getText()).isEqualTo("1");
    assertThat(failedRow.findElement(By.cssSelector(".phone")).getText())
        .isEqualTo("***********401");
    WebElement sentRow = row(sent.id());
    assertThat(sentRow.findElement(By.cssSelector(".status")).getText())
        .isEqualTo("Terkirim ke gateway");
    assertThat(sentRow.findElement(By.cssSelector(".gateway-id")).getText())
        .isEqualTo("scripted smsc-4711");
    assertThat(Browser.count(browser, sentRow, By.cssSelector("button.resend"))).isZero();
    assertThat(browser.getPageSource())
        .doesNotContain("+6281298765401")
        .doesNotContain("6281298765402");
  }

  @Test
  void counter_officer_resends_a_failed_notice_and_it_is_back_in_line() {
    Notice refused = web.collectable(office.id(), "Teguh", "+6281298765403");
    web.dispatch(
        refused, new SmsGateway.Outcome.Refused("Kannel 400: Missing receiver number", false));
    signIn("loket");

    Browser.submit(browser, row(refused.id()).findElement(By.cssSelector("button.resend")));

    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("SMS " + refused.id() + " dimasukkan kembali ke antrean kirim.");
    assertThat(row(refused.id()).findElement(By.cssSelector(".status")).getText())
        .isEqualTo("Menunggu");
    assertThat(web.notice(refused.id()).status()).isEqualTo(NoticeStatus.PENDING);
    assertThat(
            db.fetchCount(
                org.jooq
                    .impl
                    .DSL
                    .table("audit_event")
                    .where(
                        "action = 'SMS_RESEND' and actor = 'loket' and subject = ?",
                        "sms_outbox:" + refused.id())))
        .isEqualTo(1);
  }

  @Test
  void the_page_speaks_english_when_asked() {
    Notice delivered = web.collectable(office.id(), "Umar", "+6281298765404");
    web.dispatch(delivered, new SmsGateway.Outcome.Accepted(Optional.of("smsc-5")));
    reports.received(
        DeliveryReport.of(
            "scripted", delivered.id(), Optional.empty(), DeliveryReport.State.DELIVERED, ""));
    signIn("kabid");

    browser.get(url("/sms?lang=en"));

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("SMS notices");
    assertThat(row(delivered.id()).findElement(By.cssSelector(".status")).getText())
        .isEqualTo("Delivered to the phone");
    assertThat(row(delivered.id()).findElement(By.cssSelector(".report-state")).getText())
        .isEqualTo("Reached the phone");
    browser.get(url("/sms?lang=id"));
    assertThat(row(delivered.id()).findElement(By.cssSelector(".report-state")).getText())
        .isEqualTo("Sampai di ponsel");
  }

  private WebElement row(long id) {
    return browser.findElement(By.cssSelector("tr[data-notice='" + id + "']"));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void signIn(String username) {
    Browser.signIn(browser, url(""), username);
    browser.get(url("/sms"));
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("notices")));
  }
}
