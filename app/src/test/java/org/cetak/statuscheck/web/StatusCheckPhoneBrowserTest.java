package org.cetak.statuscheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.cetak.notify.Outbox;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.pickup.web.PrintedCards;
import org.cetak.request.RequestLifecycle;
import org.cetak.support.Browser;
import org.cetak.support.CetakSpringTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The resident status page on a phone-sized screen in a real headless Chromium, no sign-in. */
@CetakSpringTest
@ExtendWith(Browser.PerClass.class)
class StatusCheckPhoneBrowserTest {

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired DSLContext db;
  @Autowired RequestLifecycle queue;
  @Autowired Outbox outbox;
  @Autowired OfficeDirectory offices;
  @Autowired Clock clock;

  private Office office;

  @BeforeAll
  static void sizeWindow() {
    browser.manage().window().setSize(new Dimension(360, 740));
  }

  @BeforeEach
  void demoOffice() {
    office = offices.officeByCode("32.71").orElseThrow();
    browser.manage().deleteAllCookies();
  }

  @Test
  void a_resident_sees_on_a_phone_that_the_card_is_ready_and_what_to_bring() {
    long request =
        PrintedCards.print(db, queue, outbox, clock, office.id(), "reason = 'FIRST_CARD'");
    String nik = (String) db.fetchValue("select nik from print_request where id = ?", request);
    LocalDate born =
        LocalDate.parse(
            (String)
                db.fetchValue(
                    "select cast(birth_date as varchar) from print_request where id = ?", request));

    lookUp(nik, born);

    WebElement answer = browser.findElement(By.id("answer"));
    assertThat(answer.getAttribute("data-kind")).isEqualTo("Ready");
    assertThat(answer.getText())
        .contains("KTP-el Anda sudah jadi")
        .contains("Silakan diambil di " + office.name())
        .contains("Yang perlu dibawa")
        .contains("Gratis")
        .doesNotContain(nik);
    assertThat(browser.findElement(By.id("centre")).getText())
        .isEqualTo("Data kartu belum terkirim ke pusat; petugas mengirimkannya otomatis.");
    assertThat(horizontalOverflow()).as("no sideways scrolling on a 360 px screen").isFalse();
    assertThat(browser.findElement(By.id("check")).getSize().getWidth()).isGreaterThan(250);
  }

  @Test
  void an_unknown_nik_answers_not_found_without_sign_in() {
    lookUp("3271010101000001", LocalDate.of(2000, 1, 1));

    assertThat(browser.getCurrentUrl()).endsWith("/cek-status");
    assertThat(browser.findElement(By.id("answer")).getAttribute("data-kind"))
        .isEqualTo("NotFound");
    assertThat(horizontalOverflow()).isFalse();
  }

  private void lookUp(String nik, LocalDate born) {
    browser.get("http://localhost:" + port + "/cek-status");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cek status KTP-el");
    browser.findElement(By.id("nik")).sendKeys(nik);
    ((JavascriptExecutor) browser)
        .executeScript(
            "document.getElementById('birthDate').value = arguments[0];", born.toString());
    Browser.submit(browser, browser.findElement(By.id("check")));
  }

  private boolean horizontalOverflow() {
    Object overflow =
        ((JavascriptExecutor) browser)
            .executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
    return Boolean.TRUE.equals(overflow);
  }
}
