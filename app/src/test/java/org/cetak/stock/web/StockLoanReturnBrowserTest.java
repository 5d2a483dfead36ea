package org.cetak.stock.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.stock.Lending;
import org.cetak.stock.Loan;
import org.cetak.stock.LoanRequest;
import org.cetak.support.Browser;
import org.cetak.support.CetakSpringTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The inventory manager records, on the stock page in Chromium, blanks of a loan coming back: the
 * return's document, how many, and the tick that they were counted; the loan's row then shows what
 * came back and what is still out, the return is listed under it with its document, and the ledger
 * has the movement that names the loan.
 */
@CetakSpringTest
@ExtendWith(Browser.PerClass.class)
class StockLoanReturnBrowserTest {

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired OfficeDirectory offices;
  @Autowired Lending lending;
  @Autowired DSLContext db;

  @Test
  void the_inventory_manager_records_part_of_a_loan_returned() {
    Office office = offices.officeByCode("32.71").orElseThrow();
    String document = "PJ/UJI/" + System.nanoTime() % 1_000_000;
    Loan loan =
        lending.lend(
            office.id(),
            new LoanRequest(Optional.empty(), "Disdukcapil Kab. Uji", document, 7),
            offices.user("blanko").orElseThrow());

    Browser.signIn(browser, url(""), "blanko");
    browser.get(url("/stock?office=32.71"));
    WebElement row = browser.findElement(By.cssSelector("tr[data-loan='" + loan.id() + "']"));
    assertThat(row.getText()).contains(document).contains("Disdukcapil Kab. Uji");
    assertThat(row.findElement(By.cssSelector(".outstanding")).getText()).isEqualTo("7");

    browser.findElement(By.id("loan-" + loan.id() + "-document")).sendKeys("BAP/" + document);
    WebElement quantity = browser.findElement(By.id("loan-" + loan.id() + "-quantity"));
    quantity.clear();
    quantity.sendKeys("4");
    browser.findElement(By.id("loan-" + loan.id() + "-confirm")).click();
    Browser.submit(browser, browser.findElement(By.id("loan-" + loan.id() + "-return")));

    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo(
            "4 blanko pinjaman " + document + " dikembalikan (dokumen BAP/" + document + ").");
    WebElement after = browser.findElement(By.cssSelector("tr[data-loan='" + loan.id() + "']"));
    assertThat(after.findElement(By.cssSelector(".returned")).getText()).isEqualTo("4");
    assertThat(after.findElement(By.cssSelector(".outstanding")).getText()).isEqualTo("3");
    WebElement returns =
        browser.findElement(By.cssSelector("tr[data-loan-returns='" + loan.id() + "']"));
    assertThat(returns.getText()).startsWith("Pengembalian:");
    assertThat(returns.findElements(By.cssSelector(".loan-return-line")))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.findElement(By.cssSelector(".document")).getText())
                  .isEqualTo("BAP/" + document);
              assertThat(line.findElement(By.cssSelector(".quantity")).getText()).isEqualTo("4");
              assertThat(line.getText()).contains("blanko");
            });
    assertThat(
            db.fetchCount(
                db.selectFrom("stock_movement")
                    .where("reason = 'LOAN_RETURNED' and reference_kind = 'LOAN'")
                    .and("reference_id = ?", loan.id())))
        .isEqualTo(1);
    Browser.screenshot(browser, "stock-loan-returned");
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
