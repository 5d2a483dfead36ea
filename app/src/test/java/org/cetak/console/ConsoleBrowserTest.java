package org.cetak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.cetak.support.Browser;
import org.cetak.support.CetakSpringTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console in a real headless Chromium. */
@CetakSpringTest
class ConsoleBrowserTest {

  private static WebDriver browser;

  @LocalServerPort int port;

  @BeforeAll
  static void openBrowser() {
    browser = Browser.open();
  }

  @AfterAll
  static void closeBrowser() {
    browser.quit();
  }

  @Test
  void operator_signs_in_and_out_with_the_login_form() {
    browser.get("http://localhost:" + port + "/");
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    browser.findElement(By.id("username")).sendKeys("operator");
    browser.findElement(By.id("password")).sendKeys("cetak-demo");
    browser.findElement(By.id("sign-in")).click();

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ruang cetak");
    assertThat(browser.getPageSource()).contains("Agus Saputra (operator cetak)");

    browser.findElement(By.cssSelector("nav form button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(ExpectedConditions.urlContains("/login?logout"));
    assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isTrue();
  }
}
