package org.cetak.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.notify.gateway.KannelGateway;
import org.junit.jupiter.api.Test;

/**
 * A delivery report Kannel could not hand to any node before smsbox's last try is lost; the notice
 * Kannel took does not stay {@code SENT} for ever: past {@code cetak.sms.report-deadline} without a
 * report it is {@code NO_REPORT} ("Laporan terkirim tidak diterima") for an officer, who may resend
 * it; a report that still arrives settles it.
 */
@DatabaseTest
class KannelReportLostTest {

  private final NotifyFixture f;

  KannelReportLostTest(DataSource dataSource) {
    f = new NotifyFixture(dataSource);
  }

  @Test
  void a_report_no_node_took_before_smsboxs_last_try_leaves_the_notice_marked_without_report()
      throws Exception {
    assumeTrue(KannelStack.installed(), "Kannel is not installed");
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Hadi", Optional.of("+6281234567492")));
    URI reportUrl;
    try (KannelReportReceiver endpoint = new KannelReportReceiver(f.reports)) {
      reportUrl = endpoint.url();
    } // Cetak's report endpoint stops before Kannel calls it
    try (KannelStack kannel =
        new KannelStack(List.of("http-request-retry = 2", "http-queue-delay = 1"))) {
      Dispatcher dispatcher = f.dispatcher(gateway(kannel, reportUrl));
      assertThat(dispatcher.dispatch().sent()).isEqualTo(1);
      await().atMost(Duration.ofSeconds(20)).until(() -> kannel.messages().size() == 1);
      // two reports (8: taken by the SMSC, 1: delivered), each tried again twice, then dropped:
      // smsbox logs each failed try and stops trying
      long[] tries = {0};
      await("smsbox gives the reports up")
          .atMost(Duration.ofSeconds(40))
          .pollInterval(Duration.ofSeconds(4))
          .until(
              () -> {
                long now = failedFetches(kannel, reportUrl);
                boolean stopped = now > 2 && now == tries[0];
                tries[0] = now;
                return stopped;
              });
      assertThat(f.notice(notice.id()).status()).isEqualTo(NoticeStatus.SENT);

      f.clock.advance(Duration.ofMinutes(119));
      dispatcher.dispatch();
      assertThat(f.notice(notice.id()).status())
          .as("within the report deadline")
          .isEqualTo(NoticeStatus.SENT);

      f.clock.advance(Duration.ofMinutes(2));
      dispatcher.dispatch();
      Notice unreported = f.notice(notice.id());
      assertThat(unreported.status()).isEqualTo(NoticeStatus.NO_REPORT);
      assertThat(unreported.lastError())
          .hasValue(
              "Laporan terkirim tidak diterima dari kannel dalam 120 menit; tanyakan kepada"
                  + " pemohon apakah SMS sampai");
      assertThat(kannel.messages()).as("nothing sent again").hasSize(1);

      // a report that still comes settles it
      f.reports.received(
          DeliveryReport.of(
              "kannel", notice.id(), Optional.empty(), DeliveryReport.State.DELIVERED, "late"));
      assertThat(f.notice(notice.id()).status()).isEqualTo(NoticeStatus.DELIVERED);
    }
  }

  private KannelGateway gateway(KannelStack kannel, URI reportUrl) {
    return new KannelGateway(
        new KannelGateway.Settings(
            kannel.sendsms(),
            KannelStack.USER,
            KannelStack.PASSWORD,
            "DUKCAPIL",
            reportUrl,
            KannelReportReceiver.TOKEN,
            Duration.ofSeconds(5)));
  }

  private static long failedFetches(KannelStack kannel, URI url) throws IOException {
    String marker = "Couldn't fetch <" + url;
    return Files.readAllLines(kannel.dir.resolve("smsbox.log"), StandardCharsets.UTF_8).stream()
        .filter(line -> line.contains(marker))
        .count();
  }
}
