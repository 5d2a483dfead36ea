package org.cetak.printing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cetak.common.Transactions;
import org.cetak.console.Labels;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.Baseline;
import org.cetak.printing.BlankMove;
import org.cetak.printing.CardHeld;
import org.cetak.printing.HaltCause;
import org.cetak.printing.PayloadWaits;
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
import org.cetak.printing.device.CardPosition;
import org.cetak.quality.QualityChecks;
import org.cetak.request.RequestLifecycle;
import org.cetak.stock.SpoilReason;
import org.cetak.stock.SpoilRecords;
import org.cetak.stock.SpoilRequest;
import org.cetak.support.Browser;
import org.cetak.support.CetakSpringTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The print-room page in a real headless Chromium, as an operator uses it, checked against the
 * database: the printer rows, the ledger and the jobs.
 */
@CetakSpringTest
@ExtendWith(Browser.PerClass.class)
class PrintersPageBrowserTest {

  private static final Map<String, String> MODES =
      Map.of(
          "RUNNING", "Mencetak",
          "PAUSED", "Dijeda",
          "COOLING", "Mendinginkan",
          "QUARANTINED", "Dikarantina");

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired DSLContext db;
  @Autowired PrintJobs jobs;
  @Autowired SpoilRecords spoils;
  @Autowired StepRecorder steps;
  @Autowired OfficeDirectory offices;
  @Autowired PrinterControl control;
  @Autowired Clock clock;
  @Autowired Labels labels;
  @Autowired PayloadWaits payloadWaits;
  @Autowired Reprints.Store grants;
  @Autowired RequestLifecycle requests;
  @Autowired Transactions transactions;
  @Autowired QualityChecks checks;

  private Office office;

  @BeforeEach
  void demoOffice() {
    office = offices.officeByCode("32.71").orElseThrow();
  }

  @Test
  void operator_sees_each_printer_as_the_database_has_it() {
    User operator = offices.user("operator").orElseThrow();
    // a bent blank the operator took out of the feeder and recorded spoiled
    spoils.spoiled(
        office.id(),
        new SpoilRequest(
            "PRN-2",
            false,
            1,
            SpoilReason.FACTORY_DEFECT,
            Optional.empty(),
            Optional.empty(),
            "bent corner"),
        operator);

    signIn("operator");

    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("id");
    org.jooq.Result<org.jooq.Record> printers =
        db.fetch(
            "select id, code, mode, mode_reason, mode_cause from printer where office_id = ?"
                + " order by code",
            office.id());
    assertThat(browser.findElements(By.cssSelector("tr[data-printer]")))
        .extracting(row -> row.getAttribute("data-printer"))
        .containsExactlyElementsOf(printers.getValues("code", String.class));
    for (org.jooq.Record printer : printers) {
      long id = printer.get("id", Long.class);
      WebElement row = row(printer.get("code", String.class));
      assertThat(text(row, ".mode")).isEqualTo(MODES.get(printer.get("mode", String.class)));
      assertThat(text(row, ".reason"))
          .isEqualTo(
              labels.printerReason(
                  Optional.ofNullable(printer.get("mode_cause", String.class)),
                  printer.get("mode_reason", String.class),
                  Locale.forLanguageTag("id")));
      assertThat(number(row, ".feeder")).isEqualTo(balance("FEEDER", id));
      assertThat(number(row, ".printed")).isEqualTo(movedToday(id, "PRINTED"));
      assertThat(number(row, ".spoiled")).isEqualTo(movedToday(id, "SPOILED"));
    }
    assertThat(number(row("PRN-2"), ".spoiled")).isPositive();
    assertThat(browser.findElement(By.id("vault")).getText())
        .isEqualTo(indonesian(balance("VAULT", null)));
  }

  @Test
  void operator_pauses_a_printer_with_a_reason_and_resumes_it() {
    long id = printerId("PRN-1");
    jobs.setState(id, PrinterMode.RUNNING, "printing");
    signIn("operator");

    row("PRN-1").findElement(By.name("reason")).sendKeys("ganti pita");
    Browser.submit(browser, row("PRN-1").findElement(By.cssSelector("button.pause")));

    assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("PRN-1 dijeda.");
    assertThat(text(row("PRN-1"), ".mode")).isEqualTo("Dijeda");
    assertThat(text(row("PRN-1"), ".reason")).isEqualTo("dijeda oleh operator: ganti pita");
    assertThat(mode(id)).isEqualTo("PAUSED");
    assertThat(db.fetchValue("select mode_reason from printer where id = ?", id))
        .isEqualTo("paused by operator: ganti pita");

    Browser.submit(browser, row("PRN-1").findElement(By.cssSelector("button.resume")));

    assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("PRN-1 dilanjutkan.");
    assertThat(text(row("PRN-1"), ".mode")).isEqualTo("Mencetak");
    assertThat(mode(id)).isEqualTo("RUNNING");
  }

  @Test
  void operator_loads_blanks_and_feeder_and_ledger_go_up_by_exactly_that_number() {
    long id = printerId("PRN-1");
    // the demo fills each feeder to its model's 100 blanks: make room first
    control.unload(
        offices.officeByCode("32.71").orElseThrow(),
        "PRN-1",
        25,
        offices.user("operator").orElseThrow());
    long feeder = balance("FEEDER", id);
    long vault = balance("VAULT", null);
    long lastMovement = lastMovement();
    signIn("operator");
    assertThat(number(row("PRN-1"), ".feeder")).isEqualTo(feeder);

    load("PRN-1", "25");

    assertThat(browser.findElement(By.id("notice")).getText())
        .startsWith("25 blanko dicatat masuk ke feeder PRN-1.");
    assertThat(number(row("PRN-1"), ".feeder")).isEqualTo(feeder + 25);
    assertThat(balance("FEEDER", id)).isEqualTo(feeder + 25);
    assertThat(balance("VAULT", null)).isEqualTo(vault - 25);
    assertThat(browser.findElement(By.id("vault")).getText()).isEqualTo(indonesian(vault - 25));
    assertThat(
            db.fetch(
                    "select from_location, to_location, to_printer_id, quantity, actor"
                        + " from stock_movement where id > ?",
                    lastMovement)
                .intoMaps())
        .containsExactly(
            Map.of(
                "from_location", "VAULT",
                "to_location", "FEEDER",
                "to_printer_id", id,
                "quantity", 25,
                "actor", "operator"));
  }

  @Test
  void operator_sees_a_reprint_waiting_for_its_photo_with_the_reason_in_indonesian() {
    long request =
        fetchLong(
            "select max(r.id) from print_request r where r.office_id = ? and r.status = 'RESERVED'"
                + " and not exists (select 1 from print_job j where j.request_id = r.id)",
            office.id());
    // printed once (its photo and signature deleted), then a reprint approved
    transactions.run(
        () -> {
          requests.markPrinting(request, "test");
          requests.markPrinted(request, "04C0FFEE000001", clock.instant(), "test");
        });
    long approval =
        fetchLong(
            "insert into approval (office_id, kind, subject_id, summary, status, proposed_by,"
                + " proposed_at, decided_by, decided_at) values (?, 'REPRINT', ?, 'reprint',"
                + " 'APPROVED', 'operator', now(), 'kabid', now()) returning id",
            office.id(),
            request);
    grants.grant(office.id(), request, approval, "kartu rusak saat diambil");
    payloadWaits.waiting(
        office.id(),
        request,
        PayloadWaits.Reason.UPSTREAM_UNAVAILABLE,
        "connection refused",
        clock.instant());

    signIn("operator");

    WebElement waiting =
        browser.findElement(By.cssSelector("#payload-waits tr[data-request='" + request + "']"));
    assertThat(text(waiting, ".reason")).isEqualTo("SIAK pusat tidak menjawab");
    assertThat(waiting.getText()).contains("connection refused");
    assertThat(browser.findElement(By.id("payload-waits-title")).getText())
        .isEqualTo("Menunggu foto dan tanda tangan");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "", "more than the vault"})
  void a_bad_number_of_blanks_is_refused_in_the_page_and_changes_nothing(String entry) {
    long id = printerId("PRN-1");
    long feeder = balance("FEEDER", id);
    long vault = balance("VAULT", null);
    long lastMovement = lastMovement();
    String typed = entry.equals("more than the vault") ? String.valueOf(vault + 1) : entry;
    signIn("operator");

    load("PRN-1", typed);

    String error = browser.findElement(By.id("error")).getText();
    switch (entry) {
      case "" ->
          assertThat(error)
              .isEqualTo("Isi jumlah blanko yang dimasukkan ke PRN-1. Tidak ada yang dicatat.");
      case "more than the vault" ->
          assertThat(error)
              .isEqualTo(
                  "Gudang hanya berisi "
                      + indonesian(vault)
                      + " blanko; "
                      + indonesian(vault + 1)
                      + " blanko tidak dapat dimasukkan ke PRN-1. Tidak ada yang dicatat.");
      default ->
          assertThat(error)
              .isEqualTo(
                  "Jumlah blanko untuk PRN-1 harus bilangan bulat lebih dari 0, bukan "
                      + entry
                      + ". Tidak ada yang dicatat.");
    }
    assertThat(absent(browser.findElement(By.tagName("main")), "#notice")).isTrue();
    assertThat(number(row("PRN-1"), ".feeder")).isEqualTo(feeder);
    assertThat(balance("FEEDER", id)).isEqualTo(feeder);
    assertThat(balance("VAULT", null)).isEqualTo(vault);
    assertThat(lastMovement()).isEqualTo(lastMovement);
  }

  @Test
  void operator_settles_a_card_found_in_the_output_hopper_and_it_counts_as_printed() {
    // the demo office checks its cards (its default; other tests of this database switch it)
    db.execute(
        "update notice_settings set collectable_when = 'QUALITY_CHECKED' where office_id = ?",
        office.id());
    long id = printerId("PRN-2");
    PrintJob job = unknownJobOn("PRN-2");
    long printedToday = movedToday(id, "PRINTED");
    long unknown = balance("UNKNOWN", id);
    signIn("operator");
    assertThat(text(row("PRN-2"), ".stage")).isEqualTo("hasil tidak diketahui");
    Select sighting = new Select(row("PRN-2").findElement(By.name("sighting")));
    assertThat(sighting.getOptions())
        .extracting(WebElement::getText)
        .containsExactly(
            "— pilih di mana kartunya —",
            "Di hopper keluaran",
            "Di kotak reject",
            "Masih di dalam printer",
            "Tidak ditemukan");
    assertThat(sighting.getFirstSelectedOption().getAttribute("value")).isEmpty();

    sighting.selectByValue("IN_OUTPUT_HOPPER");
    row("PRN-2").findElement(By.name("confirm")).click();
    Browser.submit(browser, row("PRN-2").findElement(By.cssSelector("form.settle button")));

    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo(
            "Pekerjaan "
                + job.id()
                + " di PRN-2 ditetapkan: Di hopper keluaran. Printer dijeda; lanjutkan bila"
                + " sudah siap.");
    assertThat(db.fetchValue("select stage from print_job where id = ?", job.id()))
        .isEqualTo("PRINTED");
    assertThat(db.fetchValue("select status from print_request where id = ?", job.requestId()))
        .isEqualTo("PRINTED");
    assertThat(balance("UNKNOWN", id)).isEqualTo(unknown - 1);
    assertThat(
            db.fetchCount(
                db.selectFrom("stock_movement")
                    .where(
                        "from_location = 'UNKNOWN' and from_printer_id = ? and to_location ="
                            + " 'PRINTED' and reference_id = ? and request_id = ?",
                        id,
                        job.id(),
                        job.requestId())))
        .isEqualTo(1);
    // the settled card waits for the check, its SMS after it
    assertThat(db.fetchValue("select status from card_check where print_job_id = ?", job.id()))
        .isEqualTo("WAITING");
    assertThat(db.fetchCount(db.selectFrom("sms_outbox").where("print_job_id = ?", job.id())))
        .isZero();
    checks.pass(
        office.id(),
        job.id(),
        (String) db.fetchValue("select chip_uid from card_check where print_job_id = ?", job.id()),
        offices.user("operator").orElseThrow());
    assertThat(db.fetchCount(db.selectFrom("sms_outbox").where("print_job_id = ?", job.id())))
        .isEqualTo(1);
    assertThat(mode(id)).isEqualTo("PAUSED");
    WebElement row = row("PRN-2");
    assertThat(absent(row, "form.settle")).isTrue();
    assertThat(number(row, ".printed")).isEqualTo(printedToday + 1);
    assertThat(text(row, ".mode")).isEqualTo("Dijeda");
  }

  @Test
  void the_printed_answer_without_its_confirmation_is_refused_and_settles_nothing() {
    PrintJob job = unknownJobOn("PRN-2");
    signIn("operator");
    new Select(row("PRN-2").findElement(By.name("sighting"))).selectByValue("IN_OUTPUT_HOPPER");
    Browser.submit(browser, row("PRN-2").findElement(By.cssSelector("form.settle button")));

    assertThat(browser.findElement(By.id("error")).getText())
        .contains("centang dulu bahwa Anda melihatnya sendiri");
    assertThat(db.fetchValue("select stage from print_job where id = ?", job.id()))
        .isEqualTo("UNKNOWN");
  }

  @ParameterizedTest
  @ValueSource(strings = {"loket", "inspektorat"})
  void an_officer_outside_the_print_room_has_no_controls_and_a_forged_post_is_refused(
      String username) {
    long prn1 = printerId("PRN-1");
    PrintJob unknown = unknownJobOn("PRN-2");
    String mode = mode(prn1);
    long lastMovement = lastMovement();
    signIn(username);

    assertThat(browser.findElement(By.id("read-only")).isDisplayed()).isTrue();
    for (String control : List.of("form", "button", "input", "select")) {
      assertThat(absent(browser.findElement(By.id("printers")), control)).isTrue();
    }
    assertThat(
            List.of(
                forgedPost("/printers/PRN-1/pause?office=32.71", "reason=forged"),
                forgedPost("/printers/PRN-1/resume?office=32.71", ""),
                forgedPost("/printers/PRN-1/load?office=32.71", "quantity=10"),
                forgedPost(
                    "/printers/PRN-2/jobs/" + unknown.id() + "/settle?office=32.71",
                    "sighting=NOWHERE")))
        .containsOnly(403L);

    assertThat(mode(prn1)).isEqualTo(mode);
    assertThat(lastMovement()).isEqualTo(lastMovement);
    assertThat(db.fetchValue("select stage from print_job where id = ?", unknown.id()))
        .isEqualTo("UNKNOWN");
  }

  @Test
  void the_page_follows_the_printers_without_wiping_what_the_operator_is_typing() {
    long prn1 = printerId("PRN-1");
    long prn2 = printerId("PRN-2");
    jobs.setState(prn1, PrinterMode.RUNNING, "printing");
    signIn("operator");
    WebElement quantity = row("PRN-1").findElement(By.name("quantity"));
    quantity.sendKeys("37");

    jobs.setState(prn1, PrinterMode.PAUSED, "cover open: close it, then resume");
    String nonce = "ribbon out " + System.nanoTime();
    jobs.setState(prn2, PrinterMode.PAUSED, nonce);

    new WebDriverWait(browser, Duration.ofSeconds(60))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                text(row("PRN-2"), ".reason").equals(nonce)
                    && text(row("PRN-1"), ".mode").equals("Dijeda"));
    assertThat(text(row("PRN-1"), ".reason")).isEqualTo("cover open: close it, then resume");
    assertThat(row("PRN-1").findElement(By.name("quantity")).getAttribute("value")).isEqualTo("37");
    assertThat(row("PRN-2").findElement(By.cssSelector("button.resume")).isDisplayed()).isTrue();
  }

  // --- the browser -------------------------------------------------------------------------

  private void signIn(String username) {
    Browser.signIn(browser, url(""), username);
    browser.get(url("/printers"));
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("printers")));
  }

  private static void load(String printer, String quantity) {
    WebElement field = row(printer).findElement(By.name("quantity"));
    field.clear();
    field.sendKeys(quantity);
    Browser.submit(browser, row(printer).findElement(By.cssSelector("button.load")));
  }

  /**
   * Posts a form from the signed-in page with its session and CSRF token, as a user could by hand;
   * the HTTP status, or 0 for a redirect (which the page answers an accepted action with).
   */
  private static long forgedPost(String path, String form) {
    Object status =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "const token = document.querySelector('input[name=\"_csrf\"]').value;"
                    + "fetch(arguments[0], {method: 'POST', redirect: 'manual',"
                    + " headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                    + " body: arguments[1] + '&_csrf=' + encodeURIComponent(token)})"
                    + ".then(r => done(r.status), e => done(-1));",
                path,
                form);
    return ((Number) status).longValue();
  }

  private static WebElement row(String printer) {
    return browser.findElement(By.cssSelector("tr[data-printer='" + printer + "']"));
  }

  /**
   * The text of a cell. The live view replaces a cell whose value changed, so a cell found an
   * instant before may be gone when read: it is then found again.
   */
  private static String text(WebElement in, String css) {
    for (int attempt = 1; ; attempt++) {
      try {
        return in.findElement(By.cssSelector(css)).getText().strip();
      } catch (StaleElementReferenceException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  private static long number(WebElement in, String css) {
    return Long.parseLong(text(in, css));
  }

  /** Whether nothing matches, without waiting for it to appear. */
  private static boolean absent(WebElement in, String css) {
    return Browser.count(browser, in, By.cssSelector(css)) == 0;
  }

  /** A number as the Indonesian console writes it: 4.800. */
  private static String indonesian(long number) {
    return String.format(Locale.forLanguageTag("id"), "%,d", number);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  // --- the database ------------------------------------------------------------------------

  private long printerId(String code) {
    return fetchLong("select id from printer where office_id = ? and code = ?", office.id(), code);
  }

  private String mode(long printerId) {
    return (String) db.fetchValue("select mode from printer where id = ?", printerId);
  }

  private long balance(String location, Long printerId) {
    String sql =
        "select coalesce(sum(quantity), 0) from stock_balance where office_id = ?"
            + " and item = 'BLANK' and location = ? and ";
    return printerId == null
        ? fetchLong(sql + "printer_id is null", office.id(), location)
        : fetchLong(sql + "printer_id = ?", office.id(), location, printerId);
  }

  private long lastMovement() {
    return fetchLong("select coalesce(max(id), 0) from stock_movement");
  }

  private long fetchLong(String sql, Object... bindings) {
    return ((Number) db.fetchValue(sql, bindings)).longValue();
  }

  /** Blanks of the printer the ledger moved to {@code location} today (WIB). */
  private long movedToday(long printerId, String location) {
    OffsetDateTime start = LocalDate.now(clock).atStartOfDay(clock.getZone()).toOffsetDateTime();
    return fetchLong(
        "select coalesce(sum(quantity), 0) from stock_movement where item = 'BLANK'"
            + " and from_printer_id = ? and to_location = ? and occurred_at >= cast(? as timestamptz)",
        printerId,
        location,
        start.toString());
  }

  /**
   * The printer's open job whose outcome is unknown, made as the station leaves one when no status
   * came after the print command: the card was picked and its chip written, the blank is in the
   * printer's UNKNOWN place, the request is OUTCOME_UNKNOWN and the printer is quarantined.
   */
  private PrintJob unknownJobOn(String code) {
    long printer = printerId(code);
    Optional<PrintJob> open = jobs.openJob(printer);
    if (open.isPresent()) {
      assertThat(open.get().stage()).isEqualTo(Stage.UNKNOWN);
      return open.get();
    }
    long request =
        fetchLong(
            "select min(id) from print_request where office_id = ? and status = 'RESERVED'"
                + " and phone is not null",
            office.id());
    jobs.setState(printer, PrinterMode.RUNNING, "printing"); // the station starts cards only then
    PrintJob picking =
        ((StepRecorder.Started)
                steps.start(
                    new PrinterRef(printer, office.id(), code),
                    request,
                    new Baseline(0, 0, 0, CardPosition.NONE),
                    false))
            .job();
    String why = "no status after the print command";
    PrintJob unknown =
        new PrintJob(
            picking.id(),
            printer,
            office.id(),
            request,
            Stage.UNKNOWN,
            Optional.of(Stage.PRINTING),
            CardHeld.UNKNOWN_FROM_INSIDE,
            picking.baseline(),
            Optional.of(String.format("04%012X", picking.id())),
            Optional.empty(),
            why,
            picking.version());
    PrintJob persisted =
        steps.apply(
            new Transition(
                unknown,
                List.of(new BlankMove.Picked(1), new BlankMove.ToUnknown(false)),
                RequestChange.OUTCOME_UNKNOWN,
                why,
                Optional.of(HaltCause.CARD_UNKNOWN_NO_ANSWER)));
    jobs.halt(
        printer,
        PrinterMode.QUARANTINED,
        HaltCause.CARD_UNKNOWN_NO_ANSWER,
        "job " + picking.id() + ": " + why);
    return persisted;
  }
}
