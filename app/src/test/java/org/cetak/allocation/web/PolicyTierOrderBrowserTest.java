package org.cetak.allocation.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.cetak.allocation.PolicyService;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.support.Browser;
import org.cetak.support.CetakSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The policy editor's tiers change places with "Naikkan" and "Turunkan" in Chromium, pressed from
 * the keyboard: the form comes back with the tiers exchanged, each keeping the number of its place,
 * what was typed elsewhere kept, and nothing saved.
 */
@CetakSpringTest
@ExtendWith(Browser.PerClass.class)
class PolicyTierOrderBrowserTest {

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired OfficeDirectory offices;
  @Autowired PolicyService policies;

  @Test
  void a_tier_moves_up_and_back_down_from_the_keyboard_keeping_what_was_typed() {
    Office office = offices.officeByCode("32.71").orElseThrow();
    long version = policies.current(office.id()).version();
    Browser.signIn(browser, url(""), "kabid");
    browser.get(url("/policy?office=32.71"));
    String first = value("tier-0-name");
    String second = value("tier-1-name");
    String firstNumber = value("tier-0-number");
    String secondNumber = value("tier-1-number");
    assertThat(Browser.count(browser, "#tier-0-up")).isZero();
    browser.findElement(By.id("policy-note")).clear();
    browser.findElement(By.id("policy-note")).sendKeys("Urutan tingkat diubah");
    browser.findElement(By.id("tier-0-name")).clear();
    browser.findElement(By.id("tier-0-name")).sendKeys(first + " (diketik)");

    WebElement up = browser.findElement(By.id("tier-1-up"));
    assertThat(up.getText()).isEqualTo("Naikkan");
    Browser.leave(browser, () -> up.sendKeys(Keys.ENTER));

    assertThat(value("tier-0-name")).isEqualTo(second);
    assertThat(value("tier-1-name")).isEqualTo(first + " (diketik)");
    assertThat(value("tier-0-number")).isEqualTo(firstNumber);
    assertThat(value("tier-1-number")).isEqualTo(secondNumber);
    assertThat(value("policy-note")).isEqualTo("Urutan tingkat diubah");
    assertThat(browser.findElement(By.id("tier-0")).getText()).contains(second);
    Browser.screenshot(browser, "policy-tier-moved");

    WebElement down = browser.findElement(By.id("tier-0-down"));
    assertThat(down.getText()).isEqualTo("Turunkan");
    Browser.leave(browser, () -> down.sendKeys(Keys.SPACE));

    assertThat(value("tier-0-name")).isEqualTo(first + " (diketik)");
    assertThat(value("tier-1-name")).isEqualTo(second);
    assertThat(value("policy-note")).isEqualTo("Urutan tingkat diubah");
    assertThat(policies.current(office.id()).version()).isEqualTo(version);
  }

  private String value(String id) {
    return browser.findElement(By.id(id)).getAttribute("value");
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
