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
import org.cetak.notify.jooq.JooqNoticeStore;
import org.junit.jupiter.api.Test;

/**
 * Kannel's delivery reports go to {@code cetak.sms.kannel.report-url}, an address in front of the
 * nodes: a report that reaches another node than the one that sent the message settles the notice
 * (the nodes share the database); while no node answers, smsbox tries the report again ({@code
 * http-request-retry}, {@code http-queue-delay} of its group) and a node back within those tries
 * settles it.
 */
@DatabaseTest
class KannelReportElsewhereTest {

  private final NotifyFixture f;

  KannelReportElsewhereTest(DataSource dataSource) {
    f = new NotifyFixture(dataSource);
  }

  /** Another node: its own store and report handling on the same database. */
  private DeliveryReports otherNode() {
    return new DeliveryReports(new JooqNoticeStore(f.db, f.clock), f.transactions, f.clock);
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

  @Test
  void a_report_that_reaches_another_node_settles_the_notice_of_the_node_that_sent_it()
      throws Exception {
    assumeTrue(KannelStack.installed(), "Kannel is not installed");
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Fajar", Optional.of("+6281234567490")));
    KannelReportReceiver sender = new KannelReportReceiver(f.reports);
    try (KannelStack kannel = new KannelStack();
        KannelReportReceiver other = new KannelReportReceiver(otherNode())) {
      // the sending node's own endpoint is not where Kannel reports: the shared address is
      Dispatcher sendingNode = f.dispatcher(gateway(kannel, other.url()));
      try {
        assertThat(sendingNode.dispatch().sent()).isEqualTo(1);
      } finally {
        sender.close(); // the sending node is gone
      }

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> f.notice(notice.id()).status() == NoticeStatus.DELIVERED);
      assertThat(kannel.messages()).hasSize(1);
    }
  }

  @Test
  void while_no_node_answers_smsbox_tries_the_report_again_and_a_node_back_in_time_settles_it()
      throws Exception {
    assumeTrue(KannelStack.installed(), "Kannel is not installed");
    Notice notice =
        f.cardPrinted(f.bogor, f.printed(f.bogor, "Gita", Optional.of("+6281234567491")));
    int nobody = KannelStack.freePort();
    URI shared = URI.create("http://127.0.0.1:" + nobody + "/sms/reports/kannel");
    try (KannelStack kannel =
        new KannelStack(List.of("http-request-retry = 30", "http-queue-delay = 1"))) {
      assertThat(f.dispatcher(gateway(kannel, shared)).dispatch().sent()).isEqualTo(1);
      await().atMost(Duration.ofSeconds(20)).until(() -> kannel.messages().size() == 1);
      // two reports (8: taken by the SMSC, 1: delivered), each tried, then tried again
      await("smsbox tries the reports again")
          .atMost(Duration.ofSeconds(20))
          .until(() -> failedFetches(kannel, shared) >= 4);
      assertThat(f.notice(notice.id()).status()).isEqualTo(NoticeStatus.SENT);

      try (KannelReportReceiver back = new KannelReportReceiver(otherNode(), nobody)) {
        assertThat(back.url()).isEqualTo(shared);
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> f.notice(notice.id()).status() == NoticeStatus.DELIVERED);
      }
    }
  }

  private static long failedFetches(KannelStack kannel, URI url) throws IOException {
    String marker = "Couldn't fetch <" + url;
    return Files.readAllLines(kannel.dir.resolve("smsbox.log"), StandardCharsets.UTF_8).stream()
        .filter(line -> line.contains(marker))
        .count();
  }
}
