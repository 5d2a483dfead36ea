package org.cetak.notify.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.cetak.common.DomainException;
import org.cetak.notify.DeliveryReports;
import org.cetak.notify.NotifyError;
import org.cetak.notify.gateway.KannelGateway;
import org.cetak.security.Allow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Kannel's {@code dlr-url}: Kannel calls it without signing in, so it carries the shared token of
 * {@code cetak.sms.kannel.report-token}; without that token nothing is recorded.
 */
@RestController
public class KannelReportController {

  private final DeliveryReports reports;
  private final byte[] token;

  public KannelReportController(
      DeliveryReports reports, @Value("${cetak.sms.kannel.report-token:}") String token) {
    this.reports = reports;
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @GetMapping("/sms/reports/kannel")
  @Allow.Anyone
  public ResponseEntity<Void> report(
      @RequestParam(name = "token", defaultValue = "") String given,
      @RequestParam("notice") long notice,
      @RequestParam("state") int state,
      @RequestParam(name = "answer", defaultValue = "") String answer,
      @RequestParam(name = "foreign", defaultValue = "") String foreign) {
    if (token.length == 0
        || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
      throw new DomainException(
          NotifyError.BAD_REPORT_TOKEN,
          "Laporan tanpa token yang benar ditolak / Wrong report token");
    }
    try {
      reports.received(KannelGateway.report(notice, state, answer, foreign));
    } catch (IllegalArgumentException e) {
      throw new DomainException(NotifyError.BAD_REPORT_STATE, e.getMessage());
    }
    return ResponseEntity.noContent().build();
  }
}
