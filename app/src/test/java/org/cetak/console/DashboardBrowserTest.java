package org.cetak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.Baseline;
import org.cetak.printing.BlankMove;
import org.cetak.printing.CardHeld;
import org.cetak.printing.HaltCause;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrinterControl;
import org.cetak.printing.PrinterMode;
import org.cetak.printing.PrinterRef;
import org.cetak.printing.Reprints;
import org.cetak.printing.RequestChange;
import org.cetak.printing.Stage;
import org.cetak.printing.StepRecorder;
import org.cetak.printing.Transition;
import org.cetak.printing.config.StationDevices;
import org.cetak.printing.device.CardPosition;
import org.cetak.stock.Printer;
import org.cetak.stock.Printers;
import org.cetak.stock.StockLevels;
import org.cetak.support.Browser;
import org.cetak.support.CetakSpringTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The home page as each role's dashboard in Chromium, and the print-room journeys from it: load a
 * printer, watch a card print (the page follows without a reload), settle an unknown card, ask for
 * a reprint and approve it as a second person. Each page is saved as a screenshot in {@code
 * target/screenshots}.
 */
@CetakSpringTest
@ExtendWith(Browser.PerClass.class)
class DashboardBrowserTest {

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired DSLContext db;
  @Autowired OfficeDirectory offices;
  @Autowired Printers printers;
  @Autowired PrinterControl control;
  @Autowired PrintJobs jobs;
  @Autowired StepRecorder steps;
  @Autowired StockLevels levels;
  @Autowired Reprints reprints;
  @Autowired StationDevices devices;

  private Office office;

  @BeforeEach
  void demoOffice() {
    office = offices.officeByCode("32.71").orElseThrow();
  }

  @ParameterizedTest
  @CsvSource({
    "loket, dash-queue dash-unclaimed dash-printers, dash-stock dash-approvals dash-users",
    "operator, dash-printers dash-stock dash-approvals dash-queue, dash-unclaimed dash-users",
    "blanko, dash-stock dash-printers dash-approvals, dash-queue dash-unclaimed dash-users",
    "kabid, dash-printers dash-stock dash-approvals dash-queue dash-unclaimed, dash-users",
    "inspektorat, dash-printers dash-stock dash-approvals dash-queue dash-unclaimed, dash-users",
    "admin, dash-users dash-printers, dash-stock dash-approvals dash-queue dash-unclaimed"
  })
  void each_role_signs_in_to_a_dashboard_of_what_its_job_needs(
      String username, String shown, String hidden) throws IOException {
    signIn(username);

    for (String id : List.of(shown.split(" ", -1))) {
      assertThat(present(id)).as("%s sees %s", username, id).isTrue();
    }
    for (String id : List.of(hidden.split(" ", -1))) {
      assertThat(present(id)).as("%s does not see %s", username, id).isFalse();
    }
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("id");
    assertThat(browser.findElement(By.id("office-name")).getText())
        .isEqualTo("Disdukcapil Kota Bogor");
    if (present("dash-stock")) {
      assertThat(live("stock.usable")).isEqualTo(indonesian(levels.usable(office.id())));
      assertThat(live("stock.threshold")).isEqualTo(indonesian(levels.reorderThreshold()));
    }
    if (present("dash-printers")) {
      for (Printer p : printers.list(office.id())) {
        assertThat(live("printer." + p.code() + ".feeder")).isEqualTo(indonesian(feeder(p.id())));
      }
    }
    if (present("dash-approvals")) {
      long pending =
          fetchLong(
              "select count(*) from approval where office_id = ? and status = 'PROPOSED'",
              office.id());
      assertThat(live("approvals.pending")).isEqualTo(indonesian(pending));
      boolean decides = username.equals("kabid");
      assertThat(
              Browser.count(
                      browser,
                      browser.findElement(By.id("dash-approvals")),
                      By.cssSelector("button.approve"))
                  == 0)
          .as("only the supervisor has approve buttons")
          .isEqualTo(!decides || pending == 0);
    }
    if (present("dash-charts")) {
      new WebDriverWait(browser, Duration.ofSeconds(20))
          .until(
              d ->
                  d.findElements(By.cssSelector("canvas[data-chart]")).stream()
                      .allMatch(c -> c.getAttribute("data-drawn") != null));
      assertThat(Browser.count(browser, browser, By.cssSelector("canvas[data-drawn='failed']")))
          .isZero();
    }
    Browser.screenshot(browser, "dashboard-" + username);
  }

  @Test
  void a_card_printed_shows_on_the_open_dashboard_without_a_reload_keeping_what_is_typed() {
    Printer printer = newPrinter();
    control.load(office, printer.code(), 6, operator());
    PrintJob first = start(printer);
    print(first);
    reprints.propose(office.id(), first.requestId(), "foto buram", operator());
    signIn("kabid");
    WebElement note = browser.findElement(By.cssSelector("#dash-approvals input[name='note']"));
    note.sendKeys("catatan setengah jadi");
    Browser.markPage(browser);
    String key = "printer." + printer.code() + ".";
    assertThat(live(key + "printed")).isEqualTo("1");
    assertThat(live(key + "feeder")).isEqualTo("5");

    PrintJob job = start(printer);
    Browser.waitFor(
        browser,
        () -> live(key + "card").startsWith("Pekerjaan " + job.id() + ": mengambil blanko"));
    assertThat(live(key + "card"))
        .matches("Pekerjaan \\d+: mengambil blanko · NIK \\d{4}\\*{10}\\d{2}");
    print(job);

    Browser.waitFor(browser, () -> live(key + "printed").equals("2"));
    assertThat(live(key + "feeder")).isEqualTo("4");
    assertThat(live(key + "card")).isEqualTo("-");
    assertThat(Browser.notReloaded(browser)).as("no reload").isTrue();
    assertThat(
            browser
                .findElement(By.cssSelector("#dash-approvals input[name='note']"))
                .getAttribute("value"))
        .isEqualTo("catatan setengah jadi");
    Browser.screenshot(browser, "dashboard-live");
  }

  @Test
  void the_operator_loads_a_printer_from_the_dashboard_and_the_dashboard_shows_it() {
    Printer printer = newPrinter();
    signIn("operator");
    String feeder = "printer." + printer.code() + ".feeder";
    assertThat(live(feeder)).isEqualTo("0");

    Browser.submit(browser, browser.findElement(By.cssSelector("#dash-printers h2 a")));
    WebElement row = row(printer.code());
    row.findElement(By.name("quantity")).sendKeys("12");
    Browser.submit(browser, row.findElement(By.cssSelector("button.load")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .startsWith("12 blanko dicatat masuk ke feeder " + printer.code() + ".");
    Browser.screenshot(browser, "printers-operator");

    Browser.submit(browser, browser.findElement(By.cssSelector("nav .links a"))); // Beranda
    assertThat(live(feeder)).isEqualTo("12");
    assertThat(feeder(printer.id())).isEqualTo(12);
  }

  @Test
  void the_operator_settles_an_unknown_card_from_the_dashboards_alert() {
    Printer printer = newPrinter();
    control.load(office, printer.code(), 3, operator());
    PrintJob job = unknown(printer);
    signIn("operator");
    By alert =
        By.xpath(
            "//ul[@id='alerts']/li[@data-kind='UNKNOWN_CARD'][contains(., '"
                + printer.code()
                + "')]");
    assertThat(fresh(() -> browser.findElement(alert).getAttribute("class"))).isEqualTo("error");
    assertThat(fresh(() -> browser.findElement(alert).getText()))
        .isEqualTo(
            "Hasil kartu di " + printer.code() + " tidak diketahui: tetapkan di mana kartunya.");

    fresh(
        () -> {
          Browser.submit(browser, browser.findElement(alert).findElement(By.tagName("a")));
          return true;
        });
    WebElement row = row(printer.code());
    new Select(row.findElement(By.name("sighting"))).selectByValue("IN_REJECT_BOX");
    Browser.submit(browser, row.findElement(By.cssSelector("form.settle button")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .startsWith(
            "Pekerjaan " + job.id() + " di " + printer.code() + " ditetapkan: Di kotak reject.");
    assertThat(db.fetchValue("select stage from print_job where id = ?", job.id()))
        .isEqualTo("SPOILED");

    Browser.submit(browser, browser.findElement(By.cssSelector("nav .links a")));
    assertThat(browser.findElements(By.id("alerts"))).hasSize(1);
    assertThat(
            browser.findElements(
                By.xpath(
                    "//ul[@id='alerts']/li[@data-kind='UNKNOWN_CARD'][contains(., '"
                        + printer.code()
                        + "')]")))
        .isEmpty();
  }

  @Test
  void an_operator_asks_for_a_reprint_and_a_second_person_approves_it_on_the_printers_page() {
    Printer printer = newPrinter();
    control.load(office, printer.code(), 1, operator());
    PrintJob printed = start(printer);
    print(printed);
    long request = printed.requestId();
    String reason = "foto buram " + System.nanoTime() % 100000;
    signIn("operator");
    browser.get(url("/printers"));
    browser.findElement(By.id("reprint-request")).sendKeys(String.valueOf(request));
    browser.findElement(By.id("reprint-reason")).sendKeys(reason);
    Browser.submit(browser, browser.findElement(By.id("reprint-submit")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo(
            "Cetak ulang permohonan "
                + request
                + " diusulkan; menunggu persetujuan kepala bidang/kasi.");
    long approval =
        fetchLong("select max(id) from approval where kind = 'REPRINT' and payload = ?", reason);
    WebElement proposed =
        browser.findElement(By.cssSelector("tr[data-approval='" + approval + "']"));
    assertThat(proposed.findElement(By.cssSelector(".status")).getText())
        .startsWith("Menunggu persetujuan");
    assertThat(Browser.count(browser, proposed, By.tagName("button"))).isZero();

    signIn("kabid");
    assertThat(live("approvals.pending")).isNotEqualTo("0");
    browser.get(url("/printers"));
    WebElement row = browser.findElement(By.cssSelector("tr[data-approval='" + approval + "']"));
    row.findElement(By.name("note")).sendKeys("boleh");
    Browser.submit(browser, row.findElement(By.cssSelector("button.approve")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo(
            "Cetak ulang untuk permohonan "
                + request
                + " disetujui. Hasil kartu pertama belum dicatat: dicatat paling lambat saat"
                + " cetak ulangnya diserahkan.");
    assertThat(
            browser
                .findElement(By.cssSelector("tr[data-approval='" + approval + "'] .status"))
                .getText())
        .startsWith("Disetujui")
        .contains("kabid: boleh");
    assertThat(fetchLong("select count(*) from reprint_grant where approval_id = ?", approval))
        .isEqualTo(1);
  }

  @Test
  void a_bad_reprint_request_is_refused_in_the_page_and_records_nothing() {
    long before = fetchLong("select count(*) from approval");
    signIn("operator");
    browser.get(url("/printers"));
    browser.findElement(By.id("reprint-request")).sendKeys("999999999");
    browser.findElement(By.id("reprint-reason")).sendKeys("rusak");
    Browser.submit(browser, browser.findElement(By.id("reprint-submit")));
    assertThat(browser.findElement(By.id("error")).getText())
        .isEqualTo("Permohonan 999999999 tidak ditemukan di kantor ini. Tidak ada yang dicatat.");
    assertThat(fetchLong("select count(*) from approval")).isEqualTo(before);
  }

  @Test
  void the_administrator_reloads_the_device_file_and_is_told_what_came_of_it() {
    signIn("admin");
    browser.get(url("/printers"));
    Browser.submit(browser, browser.findElement(By.id("reload-devices")));
    // the demo's device file, as POST /api/devices/reload reads it
    List<String> now =
        devices.reload().devices().stream()
            .map(d -> d.link().office() + "/" + d.link().code())
            .toList();
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo(
            now.isEmpty()
                ? "Berkas perangkat dibaca ulang: tidak ada yang berubah; node ini tidak"
                    + " menjalankan printer apa pun."
                : "Berkas perangkat dibaca ulang: tidak ada yang berubah; node ini menjalankan "
                    + now.size()
                    + " printer ("
                    + String.join(", ", now)
                    + ").");
    assertThat(Browser.count(browser, browser, By.cssSelector("#printers form"))).isZero();
  }

  @Test
  void the_dashboard_reads_on_a_tablet_and_its_office_picker_works_with_the_keyboard() {
    signIn("kabid");
    browser.manage().window().setSize(new Dimension(800, 1100));
    try {
      browser.navigate().refresh();
      Object overflow =
          ((JavascriptExecutor) browser)
              .executeScript(
                  "return document.documentElement.scrollWidth"
                      + " > document.documentElement.clientWidth;");
      assertThat(overflow).as("no sideways scrolling at tablet width").isEqualTo(false);
      Browser.screenshot(browser, "dashboard-tablet");

      // from the top of the page, as a keyboard user starts (a click on the body would start
      // wherever its middle falls, below the picker once the shared database holds many rows)
      browser.findElement(By.cssSelector("nav a.brand")).sendKeys("");
      for (int i = 0; i < 40 && !"office".equals(focused()); i++) {
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
      }
      assertThat(focused()).as("the office picker is reached with Tab").isEqualTo("office");
      browser.switchTo().activeElement().sendKeys(Keys.END); // the last office
      String chosen =
          new Select(browser.findElement(By.id("office"))).getFirstSelectedOption().getText();
      assertThat(chosen).doesNotStartWith("32.71 ");
      Browser.leave(
          browser, () -> browser.switchTo().activeElement().sendKeys(Keys.TAB, Keys.ENTER));
      assertThat(chosen).contains(browser.findElement(By.id("office-name")).getText());
      assertThat(browser.getCurrentUrl()).contains("office=");
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 900));
    }
  }

  private static String focused() {
    return browser.switchTo().activeElement().getAttribute("id");
  }

  // --- the print room ------------------------------------------------------------------------

  private User operator() {
    return offices.user("operator").orElseThrow();
  }

  private Printer newPrinter() {
    Printer printer =
        printers.register(
            office.id(), "PRN-D" + System.nanoTime() % 100000, "Printer uji dasbor", "Primacy");
    jobs.setState(printer.id(), PrinterMode.RUNNING, "printing");
    return printer;
  }

  /** The station starts a card on the printer: its blank is picked from the feeder. */
  private PrintJob start(Printer printer) {
    long request =
        fetchLong(
            "select min(id) from print_request r where office_id = ? and status = 'RESERVED'"
                + " and phone is not null and not exists (select 1 from print_job j where"
                + " j.request_id = r.id and j.stage not in ('PRINTED', 'SPOILED', 'NOT_PICKED', 'LOST'))",
            office.id());
    PrintJob picking =
        ((StepRecorder.Started)
                steps.start(
                    new PrinterRef(printer.id(), office.id(), printer.code()),
                    request,
                    new Baseline(0, 0, 0, CardPosition.NONE),
                    false))
            .job();
    return picking;
  }

  /** The card of the job is printed and ejected. */
  private void print(PrintJob picking) {
    steps.apply(
        new Transition(
            new PrintJob(
                picking.id(),
                picking.printerId(),
                picking.officeId(),
                picking.requestId(),
                Stage.PRINTED,
                Optional.empty(),
                CardHeld.NONE,
                picking.baseline(),
                Optional.of(String.format("04%012X", picking.id())),
                Optional.empty(),
                "printed",
                picking.version()),
            List.of(
                new BlankMove.Picked(1),
                new BlankMove.Printed(String.format("04%012X", picking.id()))),
            RequestChange.PRINTED,
            "printed and ejected"));
  }

  /** A job whose outcome is unknown after the print command, the printer quarantined. */
  private PrintJob unknown(Printer printer) {
    PrintJob picking = start(printer);
    String why = "no status after the print command";
    PrintJob unknown =
        steps.apply(
            new Transition(
                new PrintJob(
                    picking.id(),
                    picking.printerId(),
                    picking.officeId(),
                    picking.requestId(),
                    Stage.UNKNOWN,
                    Optional.of(Stage.PRINTING),
                    CardHeld.UNKNOWN_FROM_INSIDE,
                    picking.baseline(),
                    Optional.of(String.format("04%012X", picking.id())),
                    Optional.empty(),
                    why,
                    picking.version()),
                List.of(new BlankMove.Picked(1), new BlankMove.ToUnknown(false)),
                RequestChange.OUTCOME_UNKNOWN,
                why,
                Optional.of(HaltCause.CARD_UNKNOWN_NO_ANSWER)));
    jobs.halt(
        printer.id(),
        PrinterMode.QUARANTINED,
        HaltCause.CARD_UNKNOWN_NO_ANSWER,
        "job " + picking.id() + ": " + why);
    return unknown;
  }

  private long feeder(long printerId) {
    return fetchLong(
        "select coalesce(sum(quantity), 0) from stock_balance where item = 'BLANK'"
            + " and location = 'FEEDER' and printer_id = ?",
        printerId);
  }

  private long fetchLong(String sql, Object... bindings) {
    Object value = db.fetchValue(sql, bindings);
    return value == null ? 0 : ((Number) value).longValue();
  }

  // --- the browser -------------------------------------------------------------------------

  private void signIn(String username) {
    Browser.signIn(browser, url(""), username);
  }

  private static boolean present(String id) {
    return Browser.count(browser, browser, By.id(id)) > 0;
  }

  private static String live(String key) {
    return browser.findElement(By.cssSelector("[data-live='" + key + "']")).getText().strip();
  }

  private static WebElement row(String printer) {
    return browser.findElement(By.cssSelector("#printers tr[data-printer='" + printer + "']"));
  }

  /**
   * Reads the page again when the live view replaced what was found an instant before (the alerts
   * list is redrawn whenever an alert comes or goes).
   */
  private static <T> T fresh(java.util.function.Supplier<T> read) {
    for (int attempt = 1; ; attempt++) {
      try {
        return read.get();
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  private static String indonesian(long number) {
    return String.format(Locale.forLanguageTag("id"), "%,d", number);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
