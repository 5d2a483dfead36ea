package org.cetak.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver (no browser downloads). A browser
 * test class carries {@code @ExtendWith(Browser.PerClass.class)} and one static {@link WebDriver}
 * field: {@link PerClass} opens the browser into that field before the class's first test and
 * closes it after its last.
 */
public final class Browser {

  private Browser() {}

  /**
   * Opens Chromium into the test class's one static {@link WebDriver} field before the class's
   * first test (the class's own {@code @BeforeAll} methods run after, so they can size its window)
   * and quits it after the class's last test.
   */
  public static final class PerClass implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
      driverField(context.getRequiredTestClass()).set(null, open());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IllegalAccessException {
      Field field = driverField(context.getRequiredTestClass());
      WebDriver driver = (WebDriver) field.get(null);
      field.set(null, null);
      if (driver != null) {
        driver.quit();
      }
    }

    private static Field driverField(Class<?> testClass) {
      List<Field> fields =
          Arrays.stream(testClass.getDeclaredFields())
              .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == WebDriver.class)
              .toList();
      if (fields.size() != 1) {
        throw new IllegalStateException(
            testClass.getSimpleName()
                + " needs exactly one static WebDriver field for the browser, not "
                + fields.size());
      }
      Field field = fields.get(0);
      field.setAccessible(true);
      return field;
    }
  }

  /**
   * Starts Chromium with a profile of its own in a temporary directory, which {@link
   * WebDriver#quit} deletes once the browser has gone.
   */
  public static WebDriver open() {
    try {
      Path profile = Files.createTempDirectory("cetak-chromium");
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
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
              .build();
      ChromeDriver driver = new ProfiledChrome(service, options, profile);
      driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
      return driver;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot start Chromium", e);
    }
  }

  /** Chromium that deletes its profile directory after it has quit. */
  private static final class ProfiledChrome extends ChromeDriver {

    private final Path profile;

    ProfiledChrome(ChromeDriverService service, ChromeOptions options, Path profile) {
      super(service, options);
      this.profile = profile;
    }

    @Override
    public void quit() {
      super.quit();
      try {
        FileSystemUtils.deleteRecursively(profile);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot delete the browser profile " + profile, e);
      }
    }
  }

  /**
   * Signs in on the login page at {@code base} as one of the demo's accounts (their password is
   * {@code cetak-demo}), after signing out whoever was signed in, and waits for the home page.
   */
  public static void signIn(WebDriver driver, String base, String username) {
    // off the last page first: a live page refreshing itself between the dropped cookies and the
    // sign-in would start a session, and the sign-in would return to that refresh
    leave(driver, () -> driver.get(base + "/login"));
    driver.manage().deleteAllCookies();
    leave(driver, () -> driver.get(base + "/login"));
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys("cetak-demo");
    submit(driver, driver.findElement(By.id("sign-in")));
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .withMessage(
            () ->
                username
                    + " not signed in; the browser shows "
                    + driver.getCurrentUrl()
                    + ": "
                    + driver.findElement(By.tagName("body")).getText().lines().limit(8).toList())
        .until(d -> count(d, "#roles") == 1);
  }

  /** How many elements match now, without the implicit wait for one to appear. */
  public static int count(WebDriver driver, String css) {
    return count(driver, driver, By.cssSelector(css));
  }

  /**
   * How many elements inside {@code in} match now. An element that is not there is not waited for
   * (the driver's implicit wait would hold every such check five seconds).
   */
  public static int count(WebDriver driver, SearchContext in, By by) {
    driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    try {
      return in.findElements(by).size();
    } finally {
      driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }
  }

  /** Waits up to a minute for a condition a live page should reach without a reload. */
  public static void waitFor(WebDriver driver, BooleanSupplier condition) {
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> condition.getAsBoolean());
  }

  /** Marks the open page, so that {@link #notReloaded} tells whether it is still the same one. */
  public static void markPage(WebDriver driver) {
    ((JavascriptExecutor) driver).executeScript("window.cetakNoReload = true;");
  }

  /** Whether the page marked by {@link #markPage} is still open (it was not reloaded or left). */
  public static boolean notReloaded(WebDriver driver) {
    return Boolean.TRUE.equals(
        ((JavascriptExecutor) driver).executeScript("return window.cetakNoReload === true;"));
  }

  /** Saves a picture of the page as a build artefact, {@code target/screenshots/<name>.png}. */
  public static void screenshot(WebDriver driver, String name) {
    screenshot((TakesScreenshot) driver, name);
  }

  /** Saves a picture of one element of the page, as {@link #screenshot(WebDriver, String)}. */
  public static void screenshot(TakesScreenshot what, String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), what.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save the screenshot " + name, e);
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
