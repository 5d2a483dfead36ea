package org.cetak.report.web;

import java.time.LocalDate;
import java.util.List;
import org.cetak.common.DomainException;
import org.cetak.office.Role;
import org.cetak.report.StoredDailyReport;
import org.cetak.report.StoredDailyReports;
import org.cetak.security.CurrentUser;
import org.cetak.stock.OfficeAccess;
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
@RequestMapping("/api/stock/offices/{officeId}/daily-reports")
public class DailyReportsApi {

  private static final Role[] READERS = {
    Role.INVENTORY_MANAGER, Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN
  };

  private final StoredDailyReports stored;
  private final OfficeAccess access;
  private final CurrentUser currentUser;

  public DailyReportsApi(StoredDailyReports stored, OfficeAccess access, CurrentUser currentUser) {
    this.stored = stored;
    this.access = access;
    this.currentUser = currentUser;
  }

  @GetMapping
  public List<StoredDailyReport> kept(
      @PathVariable long officeId, @RequestParam LocalDate from, @RequestParam LocalDate until) {
    access.require(currentUser.get(), officeId, READERS);
    return stored.between(officeId, from, until);
  }

  @GetMapping("/{day}/pdf")
  public ResponseEntity<byte[]> pdf(@PathVariable long officeId, @PathVariable LocalDate day) {
    String code = access.require(currentUser.get(), officeId, READERS).code();
    byte[] pdf =
        stored
            .pdf(officeId, day)
            .orElseThrow(
                () ->
                    new DomainException(
                        StockError.NO_KEPT_REPORT,
                        "Belum ada laporan harian tersimpan untuk " + day));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_PDF);
    headers.setContentDisposition(
        ContentDisposition.inline().filename("laporan-stok-" + code + "-" + day + ".pdf").build());
    return new ResponseEntity<>(pdf, headers, HttpStatus.OK);
  }
}
