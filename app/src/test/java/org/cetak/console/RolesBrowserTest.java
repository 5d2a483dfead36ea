package org.cetak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.Role;
import org.cetak.support.Browser;
import org.cetak.support.CetakSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Each role signs in to the console in Chromium and finds its own pages; the administrator and
 * auditor at work.
 */
@CetakSpringTest
@ExtendWith(Browser.PerClass.class)
class RolesBrowserTest {

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired OfficeDirectory offices;
  @Autowired PasswordEncoder passwords;

  @ParameterizedTest
  @CsvSource({
    "loket, Petugas loket, false, false, false",
    "operator, Operator cetak, true, false, false",
    "blanko, Pengelola blanko, true, false, false",
    "kabid, Kepala bidang/kasi, true, false, false",
    "inspektorat, Inspektorat, true, true, false",
    "admin, Administrator, false, false, true"
  })
  void each_role_signs_in_and_its_menu_offers_only_its_pages(
      String username, String roleName, boolean stock, boolean audit, boolean users) {
    signIn(username, "cetak-demo");
    assertThat(browser.findElement(By.id("roles")).getText()).isEqualTo(roleName);
    assertThat(links()).contains("Beranda");
    assertThat(links().contains("Stok blanko")).isEqualTo(stock);
    assertThat(links().contains("Log audit")).isEqualTo(audit);
    assertThat(links().contains("Pengguna")).isEqualTo(users);
  }

  @Test
  void the_administrator_creates_a_user_who_then_signs_in() {
    String name = "baru" + System.nanoTime() % 100000;
    signIn("admin", "cetak-demo");
    browser.get(url("/users"));
    browser.findElement(By.id("new-username")).sendKeys(name);
    browser.findElement(By.id("new-name")).sendKeys("Petugas Baru");
    browser.findElement(By.id("new-password")).sendKeys("sandi-baru-123");
    browser.findElement(By.id("role-COUNTER_OFFICER")).click();
    Browser.submit(browser, browser.findElement(By.id("create-user")));

    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Pengguna " + name + " ditambahkan.");
    assertThat(offices.user(name))
        .hasValueSatisfying(u -> assertThat(u.roles()).containsExactly(Role.COUNTER_OFFICER));
    signIn(name, "sandi-baru-123");
    assertThat(browser.findElement(By.id("roles")).getText()).isEqualTo("Petugas loket");
  }

  @Test
  void the_auditor_reads_the_sign_ins_in_the_audit_log() {
    signIn("kabid", "cetak-demo");
    signIn("inspektorat", "cetak-demo");
    browser.get(url("/audit?actor=kabid&action=SIGNED_IN"));
    List<WebElement> rows = browser.findElements(By.cssSelector("#audit tbody tr[data-action]"));
    assertThat(rows).isNotEmpty();
    assertThat(rows.get(0).getText()).contains("kabid").contains("Masuk");
    assertThat(rows.get(0).getAttribute("data-action")).isEqualTo("SIGNED_IN");
    assertThat(browser.findElement(By.id("csv")).getAttribute("href")).contains("audit.csv");
  }

  @Test
  void five_wrong_passwords_lock_the_account_and_the_sign_in_page_says_so() {
    String name = "terkunci" + System.nanoTime() % 100000;
    offices.addUser(
        offices.officeByCode("32.71").orElseThrow().id(),
        name,
        "Uji kunci",
        passwords.encode("sandi-yang-benar"),
        java.util.Set.of(Role.AUDITOR));
    for (int i = 0; i < 5; i++) {
      attempt(name, "salah");
      assertThat(browser.getCurrentUrl()).contains("/login?error");
    }
    attempt(name, "sandi-yang-benar");
    assertThat(browser.getCurrentUrl()).contains("/login?locked");
    assertThat(browser.findElement(By.id("locked")).getText())
        .contains("dikunci setelah terlalu banyak kata sandi salah");

    signIn("admin", "cetak-demo");
    browser.get(url("/users"));
    WebElement row = browser.findElement(By.cssSelector("tr[data-user='" + name + "']"));
    assertThat(row.findElement(By.cssSelector(".locked")).getText()).isEqualTo("Terkunci");
    Browser.submit(browser, row.findElement(By.cssSelector("button.unlock")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Kunci akun " + name + " dibuka.");
    signIn(name, "sandi-yang-benar");
    assertThat(browser.findElement(By.id("roles")).getText()).isEqualTo("Inspektorat");
  }

  private List<String> links() {
    return browser.findElements(By.cssSelector("nav .links a")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private void attempt(String username, String password) {
    browser.manage().deleteAllCookies();
    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    Browser.submit(browser, browser.findElement(By.id("sign-in")));
  }

  private void signIn(String username, String password) {
    attempt(username, password);
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(driver -> driver.findElements(By.id("roles")).size() == 1);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
