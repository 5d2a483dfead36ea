package org.cetak.printing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cetak.intake.Bundle;
import org.cetak.intake.ImportProgress;
import org.cetak.intake.ImportService;
import org.cetak.intake.Residents;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.OfficeKind;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.cetak.stock.DropReceipts;
import org.cetak.stock.DropRequest;
import org.cetak.stock.FeederStock;
import org.cetak.stock.PrinterRegistry;
import org.cetak.stock.SerialRange;
import org.cetak.support.Browser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Blanks moved from one printer's feeder into another's when the vault is empty, over the API and
 * on the printers page in Chromium, checked against the ledger. Each test has an office of its own
 * (the shared database keeps the demo office's vault full).
 */
@org.cetak.support.CetakSpringTest
@ExtendWith(Browser.PerClass.class)
class FeederMoveTest {

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired DSLContext db;
  @Autowired OfficeDirectory offices;
  @Autowired PrinterRegistry registry;
  @Autowired DropReceipts receipts;
  @Autowired FeederStock feeders;
  @Autowired ImportService imports;
  @TempDir Path tmp;

  private final HttpClient http = HttpClient.newHttpClient();

  /** An office with an empty vault, printer A holding {@code held} blanks and printer B dry. */
  private Office room(String code, String name, String suffix, int held) {
    return room(code, name, suffix, held, 0);
  }

  /**
   * An office with an empty vault, {@code inA} blanks in printer A's feeder, {@code inB} in B's.
   */
  private Office room(String code, String name, String suffix, int inA, int inB) {
    int held = inA + inB;
    Office office = offices.addOffice(code, name, OfficeKind.KABUPATEN_KOTA, Optional.empty(), "");
    User gudang =
        offices.addUser(
            office.id(),
            "gudang-" + suffix,
            "Gudang " + suffix,
            "{noop}cetak-demo",
            EnumSet.of(Role.INVENTORY_MANAGER));
    User operator =
        offices.addUser(
            office.id(),
            "operator-" + suffix,
            "Operator " + suffix,
            "{noop}cetak-demo",
            EnumSet.of(Role.OPERATOR));
    registry.register(office.id(), "PRN-A", "Printer A", "TEST-MODEL", gudang);
    registry.register(office.id(), "PRN-B", "Printer B", "TEST-MODEL", gudang);
    String prefix = suffix.toUpperCase(java.util.Locale.ROOT);
    receipts.receive(
        office.id(),
        new DropRequest(
            "BA/" + prefix + "/1",
            LocalDate.of(2026, 11, 2),
            held,
            List.of(SerialRange.parse(prefix + "000001", prefix + String.format("%06d", held)))),
        gudang);
    feeders.load(office.id(), "PRN-A", inA, operator);
    if (inB > 0) {
      feeders.load(office.id(), "PRN-B", inB, operator);
    }
    return office;
  }

  @Test
  void
      an_operator_moves_blanks_between_feeders_in_one_movement_and_impossible_moves_change_nothing()
          throws Exception {
    Office office = room("35.78", "Disdukcapil Kota Surabaya", "sby", 30);
    String printers = "/api/offices/35.78/printers";
    long before = movements(office);

    HttpResponse<String> moved =
        post(printers + "/PRN-A/move", "operator-sby", "{\"to\":\"PRN-B\",\"quantity\":12}");

    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    assertThat(moved.body()).contains("\"code\":\"PRN-A\"").contains("\"code\":\"PRN-B\"");
    assertThat(feeder(office, "PRN-A")).isEqualTo(18);
    assertThat(feeder(office, "PRN-B")).isEqualTo(12);
    assertThat(movements(office)).isEqualTo(before + 1);
    assertThat(
            db.fetchValue(
                "select reason || ' ' || from_location || ' ' || to_location || ' ' || quantity"
                    + " from stock_movement where office_id = ? order by id desc limit 1",
                office.id()))
        .isEqualTo("FEEDER_TO_FEEDER FEEDER FEEDER 12");
    assertThat(get("/api/offices/35.78/stock/reconciliation", "gudang-sby").body())
        .contains("\"blanksBalance\":true");
    long after = movements(office);

    problem(
        post(printers + "/PRN-A/move", "operator-sby", "{\"to\":\"PRN-B\",\"quantity\":19}"),
        409,
        "INSUFFICIENT_BALANCE");
    problem(
        post(printers + "/PRN-A/move", "operator-sby", "{\"to\":\"PRN-A\",\"quantity\":1}"),
        400,
        "SAME_PLACE");
    // PRN-1 is a printer of the demo office, not of this one
    problem(
        post(printers + "/PRN-A/move", "operator-sby", "{\"to\":\"PRN-1\",\"quantity\":1}"),
        404,
        "UNKNOWN_PRINTER");
    problem(
        post(printers + "/PRN-A/move", "operator-sby", "{\"to\":\"PRN-B\",\"quantity\":0}"),
        400,
        "INVALID_QUANTITY");
    problem(
        post(printers + "/PRN-A/move", "operator-sby", "{\"to\":\"PRN-B\"}"),
        400,
        "QUANTITY_REQUIRED");
    // moving blanks between feeders is the operator's, like loading them
    problem(
        post(printers + "/PRN-A/move", "gudang-sby", "{\"to\":\"PRN-B\",\"quantity\":1}"),
        403,
        "ROLE_REQUIRED");
    problem(
        post(
            "/api/offices/32.71/printers/PRN-1/move",
            "operator-sby",
            "{\"to\":\"PRN-2\",\"quantity\":1}"),
        403,
        "OTHER_OFFICE");
    assertThat(movements(office)).isEqualTo(after);
    assertThat(feeder(office, "PRN-A")).isEqualTo(18);
    assertThat(feeder(office, "PRN-B")).isEqualTo(12);
  }

  @Test
  void a_move_beyond_the_other_feeders_capacity_is_refused_naming_it() throws Exception {
    // cetak.stock.feeder-capacity: 200 blanks for a model the device file does not describe
    Office office = room("35.79", "Disdukcapil Kota Batu", "batu", 5, 200);
    long before = movements(office);

    HttpResponse<String> refused =
        post(
            "/api/offices/35.79/printers/PRN-A/move",
            "operator-batu",
            "{\"to\":\"PRN-B\",\"quantity\":1}");

    problem(refused, 400, "FEEDER_CAPACITY_EXCEEDED");
    assertThat(refused.body()).contains("paling banyak 200 blanko");
    assertThat(movements(office)).isEqualTo(before);
    assertThat(feeder(office, "PRN-A")).isEqualTo(5);
  }

  @Test
  void the_blank_a_printer_is_picking_stays_in_its_feeder() throws Exception {
    Office office = room("35.77", "Disdukcapil Kota Madiun", "pbl", 3);
    long request = aRequestOf(office);
    db.execute(
        "insert into print_job (office_id, printer_id, request_id, stage, card_held, created_at,"
            + " updated_at) values (?, ?, ?, 'PICKING', 'NONE', now(), now())",
        office.id(),
        printerId(office, "PRN-A"),
        request);
    try {
      long before = movements(office);
      problem(
          post(
              "/api/offices/35.77/printers/PRN-A/move",
              "operator-pbl",
              "{\"to\":\"PRN-B\",\"quantity\":3}"),
          409,
          "FEEDER_BLANK_BEING_PICKED");
      problem(
          post("/api/offices/35.77/printers/PRN-A/unload", "operator-pbl", "{\"quantity\":3}"),
          409,
          "FEEDER_BLANK_BEING_PICKED");
      assertThat(movements(office)).isEqualTo(before);

      assertThat(
              post(
                      "/api/offices/35.77/printers/PRN-A/move",
                      "operator-pbl",
                      "{\"to\":\"PRN-B\",\"quantity\":2}")
                  .statusCode())
          .isEqualTo(200);
      assertThat(feeder(office, "PRN-A")).isEqualTo(1);
    } finally {
      db.execute(
          "update print_job set stage = 'NOT_PICKED', finished_at = now() where printer_id = ?",
          printerId(office, "PRN-A"));
    }
  }

  @Test
  void the_printers_page_names_who_holds_blanks_when_the_vault_is_empty_and_moves_them() {
    Office office = room("35.73", "Disdukcapil Kota Malang", "mlg", 40);
    signIn("operator-mlg");
    Browser.leave(browser, () -> browser.get(url("/printers?office=35.73")));

    WebElement share = browser.findElement(By.id("share-blanks"));
    assertThat(share.getText())
        .contains("Gudang kosong dan feeder PRN-B kosong")
        .contains("PRN-A berisi 40 blanko");
    new Select(browser.findElement(By.id("move-from"))).selectByValue("PRN-A");
    new Select(browser.findElement(By.id("move-to"))).selectByValue("PRN-B");
    browser.findElement(By.id("move-quantity")).sendKeys("15");
    Browser.submit(browser, browser.findElement(By.id("move-submit")));

    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("15 blanko dipindahkan dari feeder PRN-A ke feeder PRN-B.");
    assertThat(feeder(office, "PRN-A")).isEqualTo(25);
    assertThat(feeder(office, "PRN-B")).isEqualTo(15);
    assertThat(rowFeeder("PRN-A")).isEqualTo("25");
    assertThat(rowFeeder("PRN-B")).isEqualTo("15");
    // no feeder is dry any more: nothing to offer
    assertThat(Browser.count(browser, browser, By.id("share-blanks"))).isZero();
  }

  private String rowFeeder(String code) {
    return browser
        .findElement(By.cssSelector("tr[data-printer='" + code + "'] td.feeder"))
        .getText();
  }

  /** A request imported into the office, for a job of its printer to print. */
  private long aRequestOf(Office office) {
    Map<String, String> row = Residents.row(9301, LocalDate.of(2007, 4, 2), "FIRST_CARD");
    try (Bundle bundle = Bundle.open(Residents.bundle(tmp.resolve("bundle"), List.of(row)))) {
      assertThat(
              imports
                  .importBundle(bundle, office.code(), "operator-pbl", ImportProgress.none())
                  .applied())
          .isTrue();
    }
    return db.fetchSingle(
            "select id from print_request where office_id = ? and nik = ?",
            office.id(),
            row.get("nik"))
        .get(0, Long.class);
  }

  private long printerId(Office office, String code) {
    return db.fetchSingle(
            "select id from printer where office_id = ? and code = ?", office.id(), code)
        .get(0, Long.class);
  }

  private long feeder(Office office, String code) {
    return db.fetchSingle(
            "select coalesce(sum(b.quantity), 0) from stock_balance b join printer p on p.id ="
                + " b.printer_id where b.location = 'FEEDER' and p.office_id = ? and p.code = ?",
            office.id(),
            code)
        .get(0, Long.class);
  }

  private long movements(Office office) {
    return db.fetchSingle("select count(*) from stock_movement where office_id = ?", office.id())
        .get(0, Long.class);
  }

  private static void problem(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.body()).contains("\"code\":\"" + code + "\"");
  }

  private void signIn(String username) {
    Browser.signIn(browser, url(""), username);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private HttpRequest.Builder request(String path, String user) {
    return HttpRequest.newBuilder(URI.create(url(path)))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":cetak-demo").getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String user, String json) throws Exception {
    return http.send(
        request(path, user)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
