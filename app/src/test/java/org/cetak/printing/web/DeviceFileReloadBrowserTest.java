package org.cetak.printing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.cetak.support.Browser;
import org.cetak.support.CetakSpringTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An administrator edits this node's device file and reloads it from the printers page in a real
 * headless Chromium: the notice says in Bahasa Indonesia which printers were added, removed and
 * changed, as the audit trail records it; a file with mistakes is refused with each mistake and its
 * line.
 */
@CetakSpringTest
@ExtendWith(Browser.PerClass.class)
class DeviceFileReloadBrowserTest {

  private static final Path FILE;

  static {
    try {
      FILE = Files.createTempDirectory("cetak-devices").resolve("devices.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired DSLContext db;

  /** The demo's two simulated printers, PRN-1 on {@code model1}. */
  private static String file(String model1, boolean withPrn2) {
    return """
        printers:
          - office: "32.71"
            code: PRN-1
            port: sim:PRN-1
            model: %s
            reader: "Cetak Sim Reader PRN-1"
            node: demo
        """
            .formatted(model1)
        + (withPrn2
            ? """
                  - office: "32.71"
                    code: PRN-2
                    port: sim:PRN-2
                    model: Primacy
                    reader: "Cetak Sim Reader PRN-2"
                    node: demo
                """
            : "")
        + """
        models:
          Primacy:
            feeder: 100
          Primacy-XL:
            feeder: 150
        """;
  }

  @DynamicPropertySource
  static void deviceFile(DynamicPropertyRegistry registry) {
    write(file("Primacy", true));
    registry.add("cetak.station.devices", FILE::toString);
  }

  @AfterAll
  static void removeDeviceFile() throws IOException {
    Files.deleteIfExists(FILE);
    Files.deleteIfExists(FILE.getParent());
  }

  @Test
  void the_notice_says_what_a_reload_added_removed_and_changed_and_lists_a_bad_files_mistakes() {
    signIn("admin");

    write(file("Primacy-XL", false));
    reload();
    assertThat(notice())
        .isEqualTo(
            "Berkas perangkat dibaca ulang: dihapus 32.71/PRN-2 (dihentikan setelah kartu yang"
                + " sedang dicetak); diubah 32.71/PRN-1 (dijalankan ulang setelah kartu yang"
                + " sedang dicetak). Node ini kini menjalankan 1 printer.");
    assertThat(lastAudited())
        .isEqualTo("1 printer(s) on this node; added -; removed 32.71/PRN-2; changed 32.71/PRN-1");

    write(file("Primacy", true));
    reload();
    assertThat(notice())
        .isEqualTo(
            "Berkas perangkat dibaca ulang: ditambahkan 32.71/PRN-2 (dijalankan); diubah"
                + " 32.71/PRN-1 (dijalankan ulang setelah kartu yang sedang dicetak). Node ini"
                + " kini menjalankan 2 printer.");

    reload();
    assertThat(notice())
        .isEqualTo(
            "Berkas perangkat dibaca ulang: tidak ada yang berubah; node ini menjalankan 2"
                + " printer (32.71/PRN-1, 32.71/PRN-2).");

    write(
        file("Primacy", true)
            .replace("    port: sim:PRN-2\n", "    port: sim:PRN-2\n    baud: cepat\n")
            .replace(
                "model: Primacy\n    reader: \"Cetak Sim Reader PRN-2\"",
                "model: Quantum\n    reader: \"Cetak Sim Reader PRN-2\""));
    reload();
    assertThat(Browser.count(browser, browser, By.id("notice"))).isZero();
    assertThat(browser.findElement(By.id("error")).getText())
        .isEqualTo(
            "Berkas perangkat tidak dapat dipakai; printer tetap seperti semula. 2 kesalahan,"
                + " masing-masing dengan barisnya:");
    List<String> mistakes =
        browser.findElements(By.cssSelector("#mistakes li")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(mistakes)
        .containsExactlyInAnyOrder(
            "baris 11: printers[1] (PRN-2).baud: bilangan bulat positif / a positive whole"
                + " number, not cepat",
            "baris 12: printers[1] (PRN-2).model: model \"Quantum\" tidak ada di models / is not"
                + " under models [Primacy, Primacy-XL]");
  }

  private static void write(String yaml) {
    try {
      Files.writeString(FILE, yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void reload() {
    Browser.submit(browser, browser.findElement(By.id("reload-devices")));
  }

  private static String notice() {
    return browser.findElement(By.id("notice")).getText();
  }

  private String lastAudited() {
    return String.valueOf(
        db.fetchValue(
            "select detail from audit_event where action = 'DEVICES_RELOADED' order by id desc"
                + " limit 1"));
  }

  private void signIn(String username) {
    Browser.signIn(browser, url(""), username);
    browser.get(url("/printers?office=32.71"));
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("reload-devices")));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
