package org.cetak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.cetak.intake.Residents;
import org.cetak.support.Browser;
import org.cetak.support.CetakSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The import page in Chromium shows how far the server has read the bundle's records file, from the
 * progress endpoint, while the import runs. The import is held at its end by a lock the test takes
 * on the requests table, so the page is seen mid-import; released, the report follows.
 */
@CetakSpringTest
@ExtendWith(Browser.PerClass.class)
class ImportProgressBrowserTest {

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @TempDir Path tmp;

  @Test
  void the_page_shows_the_percent_of_the_records_file_read_while_the_bundle_imports()
      throws Exception {
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      rows.add(Residents.row(7700 + i, LocalDate.of(2006, 5, 6), "FIRST_CARD"));
    }
    Path zip = tmp.resolve("kiriman-kecamatan-bogor-barat.zip");
    Files.write(zip, zip(Residents.bundle(tmp.resolve("bundle"), rows)));

    signIn("loket");
    Browser.leave(browser, () -> browser.get(url("/imports?office=32.71")));
    browser.findElement(By.id("bundle")).sendKeys(zip.toString());

    try (Connection hold = dataSource.getConnection()) {
      hold.setAutoCommit(false);
      try (Statement lock = hold.createStatement()) {
        // reads go on; the import's writes of the requests wait for this transaction
        lock.execute("lock table print_request in exclusive mode");
      }
      browser.findElement(By.id("upload")).click();

      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
      wait.until(d -> d.findElement(By.id("progress-text")).getText().startsWith("100%"));

      assertThat(browser.findElement(By.id("progress-text")).getText())
          .matches("100% berkas data dibaca · [0-9.]+ / [0-9.]+ KiB");
      assertThat(browser.findElement(By.id("progress")).getAttribute("value")).isEqualTo("100");
      assertThat(browser.findElement(By.id("progress-label")).getText())
          .startsWith("Berkas terunggah; sedang mengimpor");
      assertThat(browser.findElement(By.id("report")).isDisplayed()).isFalse();
      hold.rollback();
    }

    WebElement summary =
        new WebDriverWait(browser, Duration.ofSeconds(60))
            .until(
                d -> {
                  WebElement s = d.findElement(By.id("report-summary"));
                  return s.isDisplayed() ? s : null;
                });
    assertThat(summary.getText()).startsWith("file kiriman-kecamatan-bogor-barat.zip");
    assertThat(browser.findElement(By.id("progress-box")).isDisplayed()).isFalse();
  }

  private static byte[] zip(Path dir) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out);
        Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        zip.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private void signIn(String username) {
    Browser.signIn(browser, url(""), username);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
