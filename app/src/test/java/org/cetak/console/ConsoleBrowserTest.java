package org.cetak.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.cetak.support.Browser;
import org.cetak.support.CetakSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console in a real headless Chromium. */
@CetakSpringTest
@ExtendWith(Browser.PerClass.class)
class ConsoleBrowserTest {

  private static WebDriver browser;

  @LocalServerPort int port;

  @Test
  void operator_signs_in_and_out_with_the_login_form() {
    browser.get("http://localhost:" + port + "/");
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    browser.findElement(By.id("username")).sendKeys("operator");
    browser.findElement(By.id("password")).sendKeys("cetak-demo");
    Browser.submit(browser, browser.findElement(By.id("sign-in")));

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ruang cetak");
    assertThat(browser.getPageSource()).contains("Agus Saputra (operator cetak)");

    Browser.submit(browser, browser.findElement(By.cssSelector("nav form button")));
    assertThat(browser.getCurrentUrl()).contains("/login?logout");
    assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isTrue();
  }
}
