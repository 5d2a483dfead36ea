package org.cetak.printing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.approval.Approvals;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.printing.FirstCard;
import org.cetak.printing.PrintJob;
import org.cetak.printing.PrintJobs;
import org.cetak.printing.PrinterControl;
import org.cetak.printing.Reprints;
import org.cetak.printing.StepRecorder;
import org.cetak.quality.CardsToCheck;
import org.cetak.stock.PrinterRegistry;
import org.cetak.support.Browser;
import org.cetak.support.CetakSpringTest;
import org.cetak.support.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A supervisor grants a reprint knowing what happened to the first card, in a real headless
 * Chromium: the approvals on the dashboard and the printers page show the first card's outcome the
 * proposal carries (lost with its police report, back damaged with its chip UID) or that it is not
 * entered yet, so does the grant's confirmation, and the request's page at the counter says so
 * while it is missing.
 */
@CetakSpringTest
@ExtendWith(Browser.PerClass.class)
class ReprintFirstCardBrowserTest {

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired StepRecorder steps;
  @Autowired PrintJobs jobs;
  @Autowired PrinterRegistry registry;
  @Autowired PrinterControl control;
  @Autowired OfficeDirectory offices;
  @Autowired Reprints reprints;
  @Autowired Approvals approvals;
  @Autowired DSLContext db;

  private Office office;
  private User operator;
  private CardsToCheck cards;

  @BeforeEach
  void aPrinterOfTheDemoOffice() {
    office = offices.officeByCode("32.71").orElseThrow();
    operator = offices.user("operator").orElseThrow();
    cards =
        new CardsToCheck(
            db, steps, jobs, registry, control, office, TestUsers.everyRole(offices), operator);
  }

  @Test
  void
      the_supervisor_sees_the_first_cards_outcome_before_granting_and_the_counter_sees_it_missing() {
    PrintJob lost = cards.printed();
    PrintJob damaged = cards.printed();
    PrintJob unknown = cards.printed();
    String police = "LP/B/" + System.nanoTime() % 100000 + "/XII/2026";
    Approval lostReprint =
        reprints.propose(
            office.id(),
            lost.requestId(),
            "kartu hilang sebelum diambil",
            Optional.of(
                new FirstCard(
                    FirstCard.Outcome.LOST,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(police))),
            operator);
    Approval damagedReprint =
        reprints.propose(
            office.id(),
            damaged.requestId(),
            "laminasi terkelupas",
            Optional.of(
                new FirstCard(
                    FirstCard.Outcome.SPOILED,
                    Optional.of(CardsToCheck.uid(damaged).toLowerCase(java.util.Locale.ROOT)),
                    Optional.empty(),
                    Optional.empty())),
            operator);
    Approval blindReprint =
        reprints.propose(office.id(), unknown.requestId(), "foto buram", operator);

    signIn("kabid");
    browser.get(url("/"));
    assertThat(approvalRow(lostReprint).getText())
        .contains("Kartu pertama hilang, surat kehilangan dari kepolisian nomor " + police + ".");
    assertThat(approvalRow(damagedReprint).getText())
        .contains(
            "Kartu pertama dikembalikan rusak, UID chip "
                + CardsToCheck.uid(damaged)
                + ": dirusak untuk dimusnahkan.");
    assertThat(approvalRow(blindReprint).getText()).contains("Hasil kartu pertama belum dicatat");

    browser.get(url("/printers"));
    assertThat(approvalRow(lostReprint).getText())
        .contains("Kartu pertama hilang, surat kehilangan dari kepolisian nomor " + police + ".");
    assertThat(approvalRow(blindReprint).getText()).contains("Hasil kartu pertama belum dicatat");

    browser.get(url("/"));
    Browser.submit(browser, approvalRow(lostReprint).findElement(By.cssSelector("button.approve")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo(
            "Cetak ulang untuk permohonan "
                + lost.requestId()
                + " disetujui. Kartu pertama hilang, surat kehilangan dari kepolisian nomor "
                + police
                + ".");
    Browser.submit(
        browser, approvalRow(blindReprint).findElement(By.cssSelector("button.approve")));
    assertThat(browser.findElement(By.id("notice")).getText())
        .startsWith(
            "Cetak ulang untuk permohonan "
                + unknown.requestId()
                + " disetujui. Hasil kartu pertama belum dicatat");

    signIn("loket");
    browser.get(url("/pickup/" + unknown.requestId()));
    assertThat(browser.findElement(By.id("first-card-missing")).getText())
        .contains("hasil kartu pertama belum dicatat");
    assertThat(browser.findElement(By.id("reprint-awaiting-print")).getText())
        .startsWith("Cetak ulang kartu ini sudah disetujui dan belum tercetak");
    assertThat(Browser.count(browser, browser, By.id("handover-form")))
        .as("the card at the counter is the first one: nothing to hand over until the reprint")
        .isZero();
    browser.get(url("/pickup/" + lost.requestId()));
    assertThat(browser.findElement(By.id("status")).isDisplayed()).isTrue();
    assertThat(Browser.count(browser, browser, By.id("first-card-missing")))
        .as("the lost first card was recorded with the grant")
        .isZero();
  }

  @Test
  void the_printers_page_proposes_a_reprint_with_the_first_cards_outcome_and_refuses_bad_entries() {
    PrintJob damaged = cards.printed();
    PrintJob lost = cards.printed();
    String uid = CardsToCheck.uid(damaged);
    String police = "LP/B/" + System.nanoTime() % 100000 + "/XII/2026";
    signIn("operator");
    browser.get(url("/printers"));
    Map<String, Object> before = proposals();

    propose(damaged, "laminasi terkelupas", "reprint-firstCard-lost", "", "", "");
    assertThat(error())
        .isEqualTo(
            "Isi \"Nomor surat kehilangan dari kepolisian\": kartu pertama permohonan "
                + damaged.requestId()
                + " hilang. Tidak ada yang dicatat.");
    propose(damaged, "laminasi terkelupas", "reprint-firstCard-spoiled", "04ZZ", "", "");
    assertThat(error()).startsWith("\"UID chip kartu pertama\" harus 4, 7 atau 10 byte");
    propose(damaged, "laminasi terkelupas", "reprint-firstCard-spoiled", "04FFFFFFFFFFFF", "", "");
    assertThat(error())
        .isEqualTo(
            "\"UID chip kartu pertama\" bukan UID chip kartu yang dicetak untuk permohonan "
                + damaged.requestId()
                + ". Tidak ada yang dicatat.");
    propose(damaged, "laminasi terkelupas", "reprint-firstCard-unknown", "", "", police);
    assertThat(error()).startsWith("Kartu pertama: pilih \"ada di kantor\" atau \"hilang\"");
    propose(damaged, "laminasi terkelupas", "reprint-firstCard-lost", "", "", "L".repeat(65));
    assertThat(error())
        .isEqualTo(
            "Ditolak: Isian \"Nomor surat kehilangan dari kepolisian\" terlalu panjang: "
                + 65
                + " tanda, paling banyak 64. Tidak ada yang dicatat.");
    assertThat(proposals()).as("a refused proposal records nothing").isEqualTo(before);

    propose(
        damaged,
        "laminasi terkelupas",
        "reprint-firstCard-spoiled",
        uid.toLowerCase(java.util.Locale.ROOT),
        "",
        "");
    assertThat(browser.findElement(By.id("notice")).getText())
        .startsWith("Cetak ulang permohonan " + damaged.requestId() + " diusulkan");
    Map<String, Object> proposed = proposals();
    propose(damaged, "laminasi terkelupas", "reprint-firstCard-unknown", "", "", "");
    assertThat(error())
        .as("a second proposal of the same reprint, as a form sent twice")
        .startsWith("Permohonan " + damaged.requestId() + " sudah punya usulan cetak ulang");
    assertThat(proposals()).isEqualTo(proposed);
    propose(lost, "kartu hilang sebelum diambil", "reprint-firstCard-lost", "", "", police);

    Approval damagedReprint = proposal(damaged);
    Approval lostReprint = proposal(lost);
    assertThat(approvalRow(damagedReprint).getText())
        .contains(
            "Kartu pertama dikembalikan rusak, UID chip " + uid + ": dirusak untuk dimusnahkan.");
    assertThat(approvalRow(lostReprint).getText())
        .contains("Kartu pertama hilang, surat kehilangan dari kepolisian nomor " + police + ".");

    signIn("kabid");
    browser.get(url("/printers"));
    Browser.submit(
        browser, approvalRow(damagedReprint).findElement(By.cssSelector("button.approve")));
    assertThat(
            db.fetchValue(
                "select g.first_card_outcome || ' ' || m.reason || ' ' || m.chip_uid"
                    + " from reprint_grant g join stock_movement m on m.id ="
                    + " g.first_card_movement_id where g.request_id = ?",
                damaged.requestId()))
        .as("the console's outcome is recorded with the grant, as the API's")
        .isEqualTo("SPOILED REPRINT " + uid);
  }

  private void propose(
      PrintJob job, String reason, String outcome, String chipUid, String serial, String police) {
    browser.findElement(By.id("reprint-request")).sendKeys(String.valueOf(job.requestId()));
    browser.findElement(By.id("reprint-reason")).sendKeys(reason);
    browser.findElement(By.id(outcome)).click();
    browser.findElement(By.id("reprint-firstCardUid")).sendKeys(chipUid);
    browser.findElement(By.id("reprint-firstCardSerial")).sendKeys(serial);
    browser.findElement(By.id("reprint-firstCardPoliceReportNo")).sendKeys(police);
    Browser.submit(browser, browser.findElement(By.id("reprint-submit")));
  }

  private static String error() {
    return browser.findElement(By.id("error")).getText();
  }

  private Map<String, Object> proposals() {
    return Map.of(
        "approvals",
        db.fetchValue("select count(*) from approval where kind = 'REPRINT'"),
        "first cards",
        db.fetchValue("select count(*) from reprint_first_card_proposal"),
        "movements",
        db.fetchValue("select count(*) from stock_movement"));
  }

  private Approval proposal(PrintJob job) {
    long id =
        ((Number)
                db.fetchValue(
                    "select max(id) from approval where kind = 'REPRINT' and subject_id = ?",
                    job.requestId()))
            .longValue();
    return approvals.byId(id).orElseThrow();
  }

  private static WebElement approvalRow(Approval approval) {
    return browser.findElement(By.cssSelector("tr[data-approval='" + approval.id() + "']"));
  }

  private void signIn(String username) {
    Browser.signIn(browser, "http://localhost:" + port, username);
  }

  private String url(String path) {
    return "http://localhost:" + port + path + (path.contains("?") ? "&" : "?") + "office=32.71";
  }
}
