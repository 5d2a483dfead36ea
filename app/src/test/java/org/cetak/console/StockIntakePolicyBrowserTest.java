package org.cetak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cetak.allocation.PolicyService;
import org.cetak.allocation.PriorityPolicy;
import org.cetak.common.Transactions;
import org.cetak.intake.Residents;
import org.cetak.notify.NoticeKind;
import org.cetak.notify.Notices;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.stock.DestructionReport;
import org.cetak.stock.DestructionReports;
import org.cetak.stock.DropReceipts;
import org.cetak.stock.DropRequest;
import org.cetak.stock.Item;
import org.cetak.stock.Ledger;
import org.cetak.stock.Location;
import org.cetak.stock.Movement;
import org.cetak.stock.Place;
import org.cetak.stock.RecordedMovement;
import org.cetak.stock.ReferenceKind;
import org.cetak.stock.SerialRange;
import org.cetak.support.Browser;
import org.cetak.support.CetakSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The stock, intake, policy and SMS-template pages in Chromium: a drop received, a destruction
 * report approved by a second person and its PDF opened, the policy previewed and saved (and a
 * stale save refused), a bundle uploaded and its error report read, a template with a character
 * outside GSM-7 refused on its form. Each page is saved as a screenshot in {@code
 * target/screenshots}.
 */
@CetakSpringTest
@ExtendWith(Browser.PerClass.class)
class StockIntakePolicyBrowserTest {

  private static final String OFFICE = "32.71";
  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired OfficeDirectory offices;
  @Autowired DropReceipts receipts;
  @Autowired Ledger ledger;
  @Autowired Transactions transactions;
  @Autowired DestructionReports destructions;
  @Autowired PolicyService policies;
  @Autowired Notices notices;

  @TempDir Path tmp;

  @Test
  void the_inventory_manager_receives_a_drop_and_a_bad_quantity_changes_nothing() {
    long base = 7_000_000 + (System.nanoTime() % 100_000) * 1000;
    String document = "BAST/UJI/" + base;
    signIn("blanko");
    browser.get(url("/stock"));
    int dropsBefore = browser.findElements(By.cssSelector("#drop-list tbody tr")).size();

    browser.findElement(By.id("drop-document")).sendKeys(document);
    browser.findElement(By.id("drop-quantity")).sendKeys("sepuluh");
    Browser.submit(browser, browser.findElement(By.id("drop-submit")));
    assertThat(browser.findElement(By.id("error-drop")).getText())
        .contains("Jumlah harus bilangan bulat lebih dari 0");
    assertThat(browser.findElement(By.id("drop-document")).getAttribute("value"))
        .isEqualTo(document);
    assertThat(browser.findElement(By.id("drop-list")).getText()).doesNotContain(document);

    browser.findElement(By.id("drop-quantity")).clear();
    browser.findElement(By.id("drop-quantity")).sendKeys("100");
    browser.findElement(By.id("drop-serial-first")).sendKeys(String.format("UJ%010d", base));
    browser.findElement(By.id("drop-serial-last")).sendKeys(String.format("UJ%010d", base + 99));
    Browser.submit(browser, browser.findElement(By.id("drop-submit")));

    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Kiriman " + document + " (100 blanko) dicatat masuk gudang.");
    assertThat(browser.findElement(By.id("drop-list")).getText()).contains(document);
    assertThat(browser.findElements(By.cssSelector("#drop-list tbody tr")).size())
        .isGreaterThanOrEqualTo(Math.min(dropsBefore + 1, 10));
    WebElement newest = browser.findElement(By.cssSelector("#movements tbody tr"));
    assertThat(newest.getText()).contains("Pusat").contains("Gudang").contains("Kiriman diterima");

    new Select(browser.findElement(By.id("filter-kind"))).selectByValue("DROP");
    Browser.submit(browser, browser.findElement(By.id("filter-apply")));
    List<WebElement> rows =
        browser.findElements(By.cssSelector("#movements tbody tr[data-movement]"));
    assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.getText()).contains("Kiriman"));
    Browser.screenshot(browser, "stock-blanko");
  }

  @Test
  void a_supervisor_approves_the_destruction_report_its_proposer_cannot_and_opens_its_pdf() {
    User blanko = offices.user("blanko").orElseThrow();
    Office office = offices.officeByCode(OFFICE).orElseThrow();
    RecordedMovement spoiled = spoiledCard(blanko, office);

    signIn("blanko");
    browser.get(url("/stock"));
    browser.findElement(By.id("spoil-" + spoiled.id())).click();
    browser.findElement(By.id("destruction-place")).sendKeys("Halaman belakang kantor");
    browser.findElement(By.id("destruction-witness-1")).sendKeys("Saksi Satu");
    browser.findElement(By.id("destruction-witness-2")).sendKeys("Saksi Dua");
    Browser.submit(browser, browser.findElement(By.id("destruction-submit")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .contains("(1 kartu) menunggu persetujuan orang kedua");
    DestructionReport report =
        destructions.list(office.id()).stream()
            .filter(r -> r.cards().stream().anyMatch(c -> c.spoilMovementId() == spoiled.id()))
            .findFirst()
            .orElseThrow();
    long approval = report.approvalId().orElseThrow();
    WebElement own = browser.findElement(By.cssSelector("tr[data-approval='" + approval + "']"));
    assertThat(Browser.count(browser, own, By.cssSelector("button.approve"))).isZero();
    assertThat(own.findElement(By.cssSelector(".own")).getText()).contains("orang kedua");

    signIn("kabid");
    browser.get(url("/stock"));
    WebElement row = browser.findElement(By.cssSelector("tr[data-approval='" + approval + "']"));
    assertThat(row.getText()).contains("Berita acara pemusnahan").contains("blanko");
    Browser.screenshot(browser, "stock-approvals-kabid");
    Browser.submit(browser, row.findElement(By.cssSelector("button.approve")));

    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Persetujuan " + approval + " diberikan.");
    WebElement destroyed =
        browser.findElement(
            By.cssSelector("#destruction-list tr[data-report='" + report.id() + "']"));
    assertThat(destroyed.findElement(By.cssSelector(".status")).getText()).isEqualTo("Dimusnahkan");
    assertThat(destructions.byId(report.id()).orElseThrow().status())
        .isEqualTo(DestructionReport.Status.DESTROYED);

    String pdf = destroyed.findElement(By.cssSelector("a.pdf")).getAttribute("href");
    Object answer =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done("
                    + "r.status + ' ' + r.headers.get('Content-Type') + ' '"
                    + " + String.fromCharCode.apply(null, new Uint8Array(b.slice(0, 5))))));",
                pdf);
    assertThat(answer).isEqualTo("200 application/pdf %PDF-");
  }

  @Test
  void the_supervisor_previews_and_saves_the_policy_and_a_stale_save_is_refused() {
    Office office = offices.officeByCode(OFFICE).orElseThrow();
    signIn("kabid");
    browser.get(url("/policy"));
    int version = policies.current(office.id()).version();
    assertThat(browser.findElement(By.id("policy-version")).getAttribute("value"))
        .isEqualTo(String.valueOf(version));

    WebElement cap = browser.findElement(By.id("daily-cap"));
    String capBefore = cap.getAttribute("value");
    cap.clear();
    cap.sendKeys("0");
    Browser.submit(browser, browser.findElement(By.id("policy-preview")));
    assertThat(browser.findElement(By.id("preview-summary")).getText())
        .contains("dan 0 menurut rancangan");
    assertThat(browser.findElements(By.cssSelector("#preview-tiers tbody tr"))).isNotEmpty();
    Browser.screenshot(browser, "policy-preview");
    assertThat(policies.current(office.id()).version()).isEqualTo(version);

    cap = browser.findElement(By.id("daily-cap"));
    cap.clear();
    cap.sendKeys(capBefore);
    browser.findElement(By.id("policy-note")).clear();
    browser.findElement(By.id("policy-note")).sendKeys("Uji dari konsol");
    Browser.submit(browser, browser.findElement(By.id("policy-save")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo(
            "Kebijakan versi " + (version + 1) + " disimpan dan berlaku untuk alokasi berikutnya.");
    assertThat(policies.current(office.id()).note()).isEqualTo("Uji dari konsol");

    PriorityPolicy inForce = policies.current(office.id());
    policies.replace(inForce, "kabid");
    browser.findElement(By.id("policy-note")).clear();
    browser.findElement(By.id("policy-note")).sendKeys("Perubahan yang terlambat");
    Browser.submit(browser, browser.findElement(By.id("policy-save")));
    assertThat(browser.findElement(By.id("stale")).getText())
        .isEqualTo(
            "Perubahan Anda tidak disimpan: Anda mulai dari versi "
                + (version + 1)
                + ", tetapi sementara itu orang lain menyimpan versi "
                + (version + 2)
                + ". Muat ulang halaman, lalu ulangi perubahan Anda.");
    assertThat(browser.findElement(By.id("error")).getText()).contains("STALE_VERSION");
    assertThat(policies.current(office.id()).version()).isEqualTo(version + 2);
    assertThat(policies.current(office.id()).note()).isNotEqualTo("Perubahan yang terlambat");
  }

  @Test
  void the_supervisor_edits_one_rule_through_the_form_previews_and_saves_it() {
    Office office = offices.officeByCode(OFFICE).orElseThrow();
    PriorityPolicy before = policies.current(office.id());
    int minAge =
        before.tiers().stream()
            .flatMap(t -> t.rules().stream())
            .filter(r -> r.name().equals("ELDERLY"))
            .findFirst()
            .orElseThrow()
            .minAge()
            .orElseThrow();
    int older = minAge + 5;
    signIn("kabid");
    browser.get(url("/policy"));
    assertThat(browser.findElements(By.tagName("textarea"))).isEmpty();
    WebElement rule = browser.findElement(By.cssSelector("fieldset[data-rule='ELDERLY']"));
    assertThat(rule.findElement(By.tagName("legend")).getText()).isEqualTo("Aturan ELDERLY");
    WebElement age = rule.findElement(By.cssSelector("input[name$='.minAge']"));
    String ageId = age.getAttribute("id");
    assertThat(browser.findElement(By.cssSelector("label:has(#" + ageId + ")")).getText())
        .contains("Umur paling rendah (tahun)");
    age.clear();
    age.sendKeys(String.valueOf(older));

    Browser.submit(browser, browser.findElement(By.id("policy-preview")));
    assertThat(browser.findElement(By.id("preview-summary")).getText())
        .startsWith("Alokasi berikutnya memesan");
    assertThat(browser.findElement(By.id(ageId)).getAttribute("value"))
        .isEqualTo(String.valueOf(older));
    assertThat(policies.current(office.id()).version()).isEqualTo(before.version());
    Browser.screenshot(browser, "policy-form-preview");

    browser.findElement(By.id("policy-note")).clear();
    browser.findElement(By.id("policy-note")).sendKeys("Lansia mulai " + older + " tahun");
    Browser.submit(browser, browser.findElement(By.id("policy-save")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo(
            "Kebijakan versi "
                + (before.version() + 1)
                + " disimpan dan berlaku untuk alokasi berikutnya.");
    PriorityPolicy saved = policies.current(office.id());
    assertThat(
            saved.tiers().stream()
                .flatMap(t -> t.rules().stream())
                .filter(r -> r.name().equals("ELDERLY"))
                .findFirst()
                .orElseThrow()
                .minAge())
        .contains(older);
    assertThat(saved.tiers().stream().mapToInt(t -> t.rules().size()).sum())
        .isEqualTo(before.tiers().stream().mapToInt(t -> t.rules().size()).sum());
    assertThat(saved.note()).isEqualTo("Lansia mulai " + older + " tahun");
    assertThat(browser.findElement(By.id(ageId)).getAttribute("value"))
        .isEqualTo(String.valueOf(older));
    policies.replace(before, "kabid");
  }

  @Test
  void the_counter_officer_uploads_a_bundle_and_reads_its_error_report() throws IOException {
    Map<String, String> good = Residents.row(8801, LocalDate.of(2007, 3, 4), "FIRST_CARD");
    Map<String, String> bad = Residents.row(8802, LocalDate.of(2007, 3, 4), "FIRST_CARD");
    bad.put("birth_date", "2007-02-30");
    Path zip = tmp.resolve("kiriman-kecamatan-bogor-tengah.zip");
    Files.write(zip, zip(Residents.bundle(tmp.resolve("bundle"), List.of(good, bad))));

    signIn("loket");
    browser.get(url("/imports"));
    browser.findElement(By.id("bundle")).sendKeys(zip.toString());
    browser.findElement(By.id("upload")).click();

    WebElement summary =
        new WebDriverWait(browser, Duration.ofSeconds(30))
            .until(
                d -> {
                  WebElement s = d.findElement(By.id("report-summary"));
                  return s.isDisplayed() ? s : null;
                });
    assertThat(summary.getText())
        .startsWith("file kiriman-kecamatan-bogor-tengah.zip")
        .contains("ditolak seluruhnya");
    List<WebElement> errors = browser.findElements(By.cssSelector("#row-errors tbody tr"));
    assertThat(errors).anySatisfy(e -> assertThat(e.getText()).startsWith("3 birth_date"));
    assertThat(browser.findElement(By.id("report-counts")).getText()).contains("Baris ditolak");
    Browser.screenshot(browser, "imports-report");
  }

  @Test
  void a_template_with_a_character_outside_gsm7_is_refused_on_its_form_and_changes_nothing() {
    User kabid = offices.user("kabid").orElseThrow();
    String before = notices.template(kabid.officeId(), NoticeKind.REMINDER);
    signIn("kabid");
    browser.get(url("/sms"));
    WebElement body = browser.findElement(By.id("body-REMINDER"));
    body.clear();
    String typed =
        "Yth. {inisial}. KTP-el Anda menunggu di {kantor}, {jam}. Gratis. Bawa Suket. Trima kasih ✓";
    body.sendKeys(typed);
    Browser.submit(browser, browser.findElement(By.id("save-REMINDER")));

    assertThat(browser.findElement(By.id("template-error-REMINDER")).getText())
        .startsWith("Teks SMS memuat karakter di luar abjad GSM-7: Karakter")
        .contains("✓")
        .contains("TEMPLATE_NOT_GSM");
    assertThat(browser.findElement(By.id("body-REMINDER")).getAttribute("value")).isEqualTo(typed);
    assertThat(notices.template(kabid.officeId(), NoticeKind.REMINDER)).isEqualTo(before);
    Browser.screenshot(browser, "sms-template-error");
  }

  /** One blank on the spoiled pile, with a chip UID of its own, after a drop into the vault. */
  private RecordedMovement spoiledCard(User by, Office office) {
    long base = 8_000_000 + (System.nanoTime() % 100_000) * 1000;
    receipts.receive(
        office.id(),
        new DropRequest(
            "BAST/PEMUSNAHAN/" + base,
            LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")),
            1,
            List.of(
                SerialRange.parse(String.format("UP%010d", base), String.format("UP%010d", base)))),
        by);
    String chip = String.format("04%012X", base);
    return transactions.inTransaction(
        () ->
            ledger.record(
                new Movement(
                    office.id(),
                    Item.BLANK,
                    Place.of(Location.VAULT),
                    Place.of(Location.SPOILED),
                    1,
                    "DAMAGED_IN_STORAGE",
                    by.username(),
                    ReferenceKind.DROP,
                    0,
                    new Movement.Detail(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(chip),
                        Optional.empty(),
                        ""))));
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
