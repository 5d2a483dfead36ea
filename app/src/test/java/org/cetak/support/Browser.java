package org.cetak.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium, headless, driven by Debian's chromedriver (no browser downloads). */
public final class Browser {

  private Browser() {}

  public static WebDriver open() {
    try {
      ChromeOptions options = new ChromeOptions();
      options.setBinary("/usr/bin/chromium");
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--window-size=1280,900",
          "--user-data-dir=" + Files.createTempDirectory("cetak-chromium"));
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
      return driver;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot start Chromium", e);
    }
  }

  /** Clicks and waits until the next page has replaced this one and finished loading. */
  public static void submit(WebDriver driver, WebElement button) {
    leave(driver, button::click);
  }

  /**
   * Does what leaves the page (a click, a key) and waits until the next page has replaced this one
   * and finished loading, so that nothing found afterwards belongs to the page that was left.
   */
  public static void leave(WebDriver driver, Runnable action) {
    WebElement page = driver.findElement(By.tagName("html"));
    action.run();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    wait.until(d -> gone(page));
    wait.until(
        d ->
            "complete"
                .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /**
   * Whether an element's page has been replaced. Chromium reports an element of a page it has left
   * either as stale or, while the next document loads, as a node that "does not belong to the
   * document"; both mean the old page is gone.
   */
  private static boolean gone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (WebDriverException e) {
      return true;
    }
  }
}
