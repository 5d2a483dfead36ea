package org.cetak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cetak.support.Browser;
import org.cetak.support.CetakSpringTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console on a narrow screen (a window 800 px wide, a tablet held upright): every demo role
 * signs in, and its dashboard and the page of its main job fit the width (nothing to scroll
 * sideways: wide tables scroll inside their own box) with the main action on screen.
 */
@CetakSpringTest
@ExtendWith(Browser.PerClass.class)
class NarrowScreenBrowserTest {

  private static WebDriver browser;

  @LocalServerPort int port;

  @BeforeAll
  static void sizeWindow() {
    browser.manage().window().setSize(new Dimension(800, 900));
  }

  @ParameterizedTest
  @CsvSource({
    "loket, /pickup?office=32.71, #find-nik button",
    "operator, /printers?office=32.71, #printers button.load",
    "blanko, /stock?office=32.71, #drop-submit",
    "kabid, /?office=32.71, #dash-approvals h2",
    "inspektorat, /audit?office=32.71, #filter",
    "admin, /users, #create-user"
  })
  void each_roles_main_page_fits_800_pixels_with_its_main_action_on_screen(
      String username, String page, String action) {
    signIn(username);
    assertFits(username + " dashboard");
    List<String> menu =
        browser.findElements(By.cssSelector("nav .links a")).stream()
            .map(link -> link.getAttribute("href"))
            .distinct()
            .toList();
    assertThat(menu).isNotEmpty();
    for (String link : menu) {
      Browser.leave(browser, () -> browser.get(link));
      assertFits(username + " " + link);
    }

    Browser.leave(browser, () -> browser.get(url(page)));
    assertFits(username + " " + page);
    WebElement main = browser.findElement(By.cssSelector(action));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", main);
    assertThat(main.isDisplayed()).as("%s: %s displayed", username, action).isTrue();
    @SuppressWarnings("unchecked")
    Map<String, Object> box =
        (Map<String, Object>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "var r = arguments[0].getBoundingClientRect();"
                        + " return {left: r.left, right: r.right, width: r.width,"
                        + " height: r.height, view: document.documentElement.clientWidth};",
                    main);
    double left = ((Number) box.get("left")).doubleValue();
    double right = ((Number) box.get("right")).doubleValue();
    double view = ((Number) box.get("view")).doubleValue();
    assertThat(((Number) box.get("width")).doubleValue()).as("%s width", action).isPositive();
    assertThat(((Number) box.get("height")).doubleValue()).as("%s height", action).isPositive();
    assertThat(left).as("%s: %s left edge on screen", username, action).isGreaterThanOrEqualTo(0);
    assertThat(right).as("%s: %s right edge on screen", username, action).isLessThanOrEqualTo(view);
  }

  /** Nothing on the page is wider than the window; names what is when something is. */
  private static void assertFits(String where) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    long scroll =
        ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
    long client =
        ((Number) js.executeScript("return document.documentElement.clientWidth;")).longValue();
    @SuppressWarnings("unchecked")
    List<String> wide =
        (List<String>)
            js.executeScript(
                "var w = document.documentElement.clientWidth, out = [];"
                    + " document.querySelectorAll('body *').forEach(function (e) {"
                    + "   var r = e.getBoundingClientRect();"
                    + "   if (r.right > w + 0.5 && r.width > 0) {"
                    + "     out.push(e.tagName + (e.id ? '#' + e.id : '')"
                    + "       + (e.className ? '.' + e.className : '') + ' ' + Math.round(r.right));"
                    + "   }"
                    + " });"
                    + " return out.slice(0, 10);");
    assertThat(client).as(where + " client width").isLessThanOrEqualTo(800);
    assertThat(scroll)
        .as(where + " scrolls sideways; too wide: " + wide)
        .isLessThanOrEqualTo(client);
  }

  private void signIn(String username) {
    Browser.signIn(browser, url(""), username);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
