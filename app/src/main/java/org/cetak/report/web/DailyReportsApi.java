package org.cetak.report.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import org.cetak.common.DomainException;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.platform.Refuses;
import org.cetak.report.StoredDailyReport;
import org.cetak.report.StoredDailyReports;
import org.cetak.security.Allow;
import org.cetak.stock.StockError;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The daily stock reports the scheduler kept, as issued. */
@RestController
@RequestMapping("/api/offices/{office}/stock/daily-reports")
public class DailyReportsApi {

  private final StoredDailyReports stored;

  public DailyReportsApi(StoredDailyReports stored) {
    this.stored = stored;
  }

  /** The reports kept for the days {@code from} to {@code until}. */
  @GetMapping
  @Allow(Permission.SEE_STOCK)
  @Operation(summary = "The daily stock reports kept for the office between two days")
  @Refuses({"DATE_REQUIRED"})
  public List<StoredDailyReport> kept(
      Office office, @RequestParam("from") LocalDate from, @RequestParam("until") LocalDate until) {
    return stored.between(office.id(), from, until);
  }

  /** One kept report as the PDF issued that night. */
  @GetMapping("/{day}/pdf")
  @Allow(Permission.SEE_STOCK)
  @Operation(summary = "The PDF of a kept daily stock report, as it was produced")
  @Refuses({"NO_KEPT_REPORT"})
  public ResponseEntity<byte[]> pdf(Office office, @PathVariable("day") LocalDate day) {
    long officeId = office.id();
    String code = office.code();
    byte[] pdf =
        stored
            .pdf(officeId, day)
            .orElseThrow(
                () ->
                    new DomainException(
                        StockError.NO_KEPT_REPORT,
                        "Belum ada laporan harian tersimpan untuk " + day,
                        day));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_PDF);
    headers.setContentDisposition(
        ContentDisposition.inline().filename("laporan-stok-" + code + "-" + day + ".pdf").build());
    return new ResponseEntity<>(pdf, headers, HttpStatus.OK);
  }
}
