package org.cetak.pickup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.cetak.notify.Outbox;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.request.RequestLifecycle;
import org.cetak.support.Browser;
import org.cetak.support.CetakSpringTest;
import org.cetak.support.ReprintedCards;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The counter officer hands a card over in a real headless Chromium, checked in the database. */
@CetakSpringTest
@ExtendWith(Browser.PerClass.class)
class CounterBrowserTest {

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired DSLContext db;
  @Autowired RequestLifecycle queue;
  @Autowired Outbox outbox;
  @Autowired OfficeDirectory offices;
  @Autowired Clock clock;
  @Autowired ApplicationContext spring;

  private Office office;

  @BeforeEach
  void demoOffice() {
    office = offices.officeByCode("32.71").orElseThrow();
  }

  @Test
  void
      counter_officer_finds_a_replacement_card_by_nik_and_hands_it_over_withdrawing_the_old_card() {
    long request =
        PrintedCards.print(db, queue, outbox, clock, office.id(), "reason <> 'FIRST_CARD'");
    String nik = (String) db.fetchValue("select nik from print_request where id = ?", request);
    signIn("loket");

    browser.get(url("/pickup"));
    browser.findElement(By.id("nik")).sendKeys(nik);
    Browser.submit(browser, browser.findElement(By.cssSelector("#find-nik button")));
    WebElement row = browser.findElement(By.cssSelector("tr[data-request='" + request + "']"));
    assertThat(row.findElement(By.cssSelector(".status")).getText())
        .isEqualTo("Sudah dicetak, belum diambil");
    Browser.submit(browser, row.findElement(By.cssSelector("a.open")));

    browser.findElement(By.id("suketShown")).click();
    browser.findElement(By.id("faceMatches")).click();
    browser.findElement(By.id("oldCardUid")).sendKeys("04AABBCCDD0011");
    Browser.submit(browser, browser.findElement(By.id("hand-over")));

    assertThat(browser.findElement(By.id("notice")).getText())
        .startsWith("KTP-el dengan chip ")
        .contains("KTP-el lama ditarik");
    assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Sudah diambil");
    assertThat(Browser.count(browser, browser, By.id("handover-form"))).isZero();
    assertThat(db.fetchValue("select status from print_request where id = ?", request))
        .isEqualTo("HANDED_OVER");
    assertThat(
            db.fetch(
                    "select recipient, suket_shown, face_matches, old_card, handed_by from handover"
                        + " where request_id = ?",
                    request)
                .intoMaps())
        .containsExactly(
            Map.of(
                "recipient", "RESIDENT",
                "suket_shown", true,
                "face_matches", true,
                "old_card", "RETURNED",
                "handed_by", "loket"));
    assertThat(
            db.fetchCount(
                db.selectFrom("stock_movement")
                    .where(
                        "item = 'OLD_CARD' and from_location = 'WITHDRAWN' and to_location = 'SPOILED'"
                            + " and request_id = ? and chip_uid = '04AABBCCDD0011'",
                        request)))
        .isEqualTo(1);
  }

  @Test
  void a_handover_without_the_face_check_is_refused_in_the_page_and_changes_nothing() {
    long request =
        PrintedCards.print(db, queue, outbox, clock, office.id(), "reason = 'FIRST_CARD'");
    signIn("loket");

    browser.get(url("/pickup/" + request));
    browser.findElement(By.id("suketShown")).click();
    Browser.submit(browser, browser.findElement(By.id("hand-over")));

    assertThat(browser.findElement(By.id("error")).getText())
        .isEqualTo("Ditolak: Pastikan wajah pemohon cocok dengan kartu. Tidak ada yang dicatat.");
    assertThat(db.fetchValue("select status from print_request where id = ?", request))
        .isEqualTo("PRINTED");
    assertThat(db.fetchCount(db.selectFrom("handover").where("request_id = ?", request))).isZero();
  }

  @Test
  void an_empty_search_or_a_birth_date_that_is_no_date_is_answered_naming_what_to_fill_in() {
    signIn("loket");

    browser.get(url("/pickup"));
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.getElementById('find-nik').submit()");
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> !d.findElements(By.id("error")).isEmpty());
    assertThat(browser.findElement(By.id("error")).getText())
        .isEqualTo("Isi NIK, nama, atau nomor Suket, lalu tekan Cari.");

    browser.get(url("/pickup"));
    browser.findElement(By.id("name")).sendKeys("SURYA");
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "const d = document.getElementById('birthDate'); d.type = 'text';"
                + " d.value = '31-02-2020'; document.getElementById('find-name').submit()");
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> !d.findElements(By.id("error")).isEmpty());
    assertThat(browser.findElement(By.id("error")).getText())
        .isEqualTo(
            "Ditolak: Nilai '31-02-2020' tidak sah untuk 'Tanggal lahir'. Tidak ada yang dicatat.");
  }

  @Test
  void a_representatives_name_or_letter_too_long_is_refused_naming_the_field_and_changes_nothing() {
    long request =
        PrintedCards.print(db, queue, outbox, clock, office.id(), "reason = 'FIRST_CARD'");
    signIn("loket");

    browser.get(url("/pickup/" + request));
    browser.findElement(By.id("suketShown")).click();
    browser.findElement(By.id("recipient-representative")).click();
    browser.findElement(By.id("representativeName")).sendKeys("A".repeat(101));
    browser.findElement(By.id("authorityLetterNo")).sendKeys("SK/7/2026");
    Browser.submit(browser, browser.findElement(By.id("hand-over")));

    assertThat(browser.findElement(By.id("error")).getText())
        .isEqualTo(
            "Ditolak: Isian \"Nama wakil\" terlalu panjang: "
                + 101
                + " tanda, paling banyak 100. Tidak ada yang dicatat.");

    browser.findElement(By.id("suketShown")).click();
    browser.findElement(By.id("recipient-representative")).click();
    browser.findElement(By.id("representativeName")).sendKeys("SITI AMINAH");
    browser.findElement(By.id("authorityLetterNo")).sendKeys("S".repeat(65));
    Browser.submit(browser, browser.findElement(By.id("hand-over")));

    assertThat(browser.findElement(By.id("error")).getText())
        .isEqualTo(
            "Ditolak: Isian \"Nomor surat kuasa\" terlalu panjang: "
                + 65
                + " tanda, paling banyak 64. Tidak ada yang dicatat.");
    assertThat(db.fetchValue("select status from print_request where id = ?", request))
        .isEqualTo("PRINTED");
    assertThat(db.fetchCount(db.selectFrom("handover").where("request_id = ?", request))).isZero();
  }

  @Test
  void a_card_a_representative_collected_names_the_representative_and_letter_in_its_record() {
    long request =
        PrintedCards.print(db, queue, outbox, clock, office.id(), "reason = 'FIRST_CARD'");
    signIn("loket");

    browser.get(url("/pickup/" + request));
    browser.findElement(By.id("suketShown")).click();
    browser.findElement(By.id("faceMatches")).click();
    browser.findElement(By.id("recipient-representative")).click();
    browser.findElement(By.id("representativeName")).sendKeys("SITI AMINAH");
    browser.findElement(By.id("authorityLetterNo")).sendKeys("SK/7/2026");
    Browser.submit(browser, browser.findElement(By.id("hand-over")));

    assertThat(browser.findElement(By.id("recipient")).getText())
        .isEqualTo("Wakil dengan surat kuasa");
    assertThat(browser.findElement(By.id("representative-name")).getText()).isEqualTo("S*** A***");
    assertThat(browser.findElement(By.id("authority-letter")).getText()).isEqualTo("SK/7/2026");
    assertThat(browser.findElement(By.id("handover")).getText()).doesNotContain("SITI");

    browser.get(url("/queue?request=" + request));
    assertThat(browser.findElement(By.id("history")).getText())
        .contains("diserahkan kepada wakil S*** A*** dengan surat kuasa SK/7/2026")
        .doesNotContain("SITI")
        .doesNotContain("handed over");
  }

  @Test
  void the_counter_enters_the_first_cards_loss_in_the_handover_form_of_a_reprinted_card() {
    ReprintedCards.Reprinted reprinted = ReprintedCards.make(spring, office.id());
    long request = reprinted.requestId();
    signIn("loket");

    browser.get(url("/pickup/" + request));
    browser.findElement(By.id("suketShown")).click();
    browser.findElement(By.id("faceMatches")).click();
    Browser.submit(browser, browser.findElement(By.id("hand-over")));

    assertThat(browser.findElement(By.id("error")).getText())
        .isEqualTo(
            "Ditolak: Kartu cetak ulang baru diserahkan setelah nasib kartu pertama dicatat."
                + " Tidak ada yang dicatat.");
    assertThat(db.fetchValue("select status from print_request where id = ?", request))
        .isEqualTo("PRINTED");

    browser.findElement(By.id("suketShown")).click();
    browser.findElement(By.id("faceMatches")).click();
    browser.findElement(By.id("firstCard-lost")).click();
    browser.findElement(By.id("firstCardPoliceReportNo")).sendKeys("LP/B/77/XII/2026");
    Browser.submit(browser, browser.findElement(By.id("hand-over")));

    assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Sudah diambil");
    assertThat(
            db.fetchValue(
                "select g.first_card_outcome || ' ' || g.police_report_no || ' ' || m.to_location"
                    + " from reprint_grant g join stock_movement m"
                    + " on m.id = g.first_card_movement_id where g.request_id = ?",
                request))
        .isEqualTo("LOST LP/B/77/XII/2026 LOST");
  }

  @Test
  void the_unclaimed_list_shows_a_printed_card_with_its_age() {
    long request =
        PrintedCards.print(db, queue, outbox, clock, office.id(), "reason = 'FIRST_CARD'");
    signIn("loket");

    browser.get(url("/pickup/unclaimed"));

    WebElement row = browser.findElement(By.cssSelector("tr[data-request='" + request + "']"));
    assertThat(row.findElement(By.cssSelector(".age")).getText()).isEqualTo("0");
  }

  @Test
  void the_consolidation_page_shows_a_card_history_by_nik() {
    long request =
        PrintedCards.print(db, queue, outbox, clock, office.id(), "reason = 'FIRST_CARD'");
    String nik = (String) db.fetchValue("select nik from print_request where id = ?", request);
    signIn("loket");

    browser.get(url("/consolidation"));
    browser.findElement(By.id("nik")).sendKeys(nik);
    Browser.submit(browser, browser.findElement(By.cssSelector("#history-form button")));

    WebElement row = browser.findElement(By.cssSelector("#history tbody tr[data-push]"));
    assertThat(row.getAttribute("data-status")).isEqualTo("PENDING");
    assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("Menunggu");
    assertThat(browser.findElement(By.id("not-connected")).isDisplayed()).isTrue();
  }

  @Test
  void the_card_history_says_when_the_card_was_handed_over_not_when_it_was_printed() {
    long request =
        PrintedCards.print(db, queue, outbox, clock, office.id(), "reason = 'FIRST_CARD'");
    db.execute(
        "update status_outbox set printed_at = printed_at - interval '3 days' where request_id = ?",
        request);
    String nik = (String) db.fetchValue("select nik from print_request where id = ?", request);
    signIn("loket");
    browser.get(url("/pickup/" + request));
    browser.findElement(By.id("suketShown")).click();
    browser.findElement(By.id("faceMatches")).click();
    Browser.submit(browser, browser.findElement(By.id("hand-over")));
    String handedAt = browser.findElement(By.cssSelector("#handover dd:first-of-type")).getText();

    browser.get(url("/consolidation"));
    browser.findElement(By.id("nik")).sendKeys(nik);
    Browser.submit(browser, browser.findElement(By.cssSelector("#history-form button")));

    WebElement printed =
        browser.findElement(By.cssSelector("#history tr[data-kind='PRINTED'] .occurred"));
    WebElement handedOver =
        browser.findElement(By.cssSelector("#history tr[data-kind='HANDED_OVER'] .occurred"));
    assertThat(handedOver.getText()).isEqualTo(handedAt);
    assertThat(printed.getText()).isNotEqualTo(handedAt);
  }

  private void signIn(String username) {
    Browser.signIn(browser, url(""), username);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
