package org.cetak.notify;

import java.time.Clock;
import java.util.Optional;
import org.cetak.common.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery reports coming back from a gateway. A report settles an attempt whose answer was lost
 * ({@code SENDING} → {@code SENT}), and moves a sent notice to {@code DELIVERED} or {@code
 * UNDELIVERED}. Reports may arrive twice, late or out of order: a delivered notice stays delivered.
 * Every report is kept, matched or not.
 */
public final class DeliveryReports {

  private static final Logger log = LoggerFactory.getLogger(DeliveryReports.class);

  private final NoticeStore store;
  private final Transactions transactions;
  private final Clock clock;

  public DeliveryReports(NoticeStore store, Transactions transactions, Clock clock) {
    this.store = store;
    this.transactions = transactions;
    this.clock = clock;
  }

  public void received(DeliveryReport report) {
    transactions.run(
        () -> {
          Optional<Notice> notice =
              report
                  .noticeId()
                  .flatMap(store::lock)
                  .or(
                      () ->
                          report
                              .gatewayId()
                              .flatMap(id -> store.lockByGatewayId(report.gateway(), id)))
                  .or(
                      () ->
                          report
                              .shortReference()
                              .flatMap(ref -> store.lockUnsettled(report.gateway(), ref)))
                  // the attempt's answer may have committed while the line above waited for its
                  // row: the notice then has the gateway's id, which this statement now sees
                  .or(
                      () ->
                          report
                              .gatewayId()
                              .flatMap(id -> store.lockByGatewayId(report.gateway(), id)));
          Optional<NoticeStatus> next = notice.flatMap(n -> next(n.status(), report.state()));
          store.recordReport(notice.map(Notice::id), report, next, clock.instant());
          if (notice.isEmpty()) {
            log.warn("A {} report for no known notice: {}", report.gateway(), report.state());
          }
        });
  }

  private static Optional<NoticeStatus> next(NoticeStatus now, DeliveryReport.State state) {
    return switch (now) {
      case SENDING, SENT, NO_REPORT ->
          switch (state) {
            case ACCEPTED, BUFFERED ->
                now == NoticeStatus.SENT ? Optional.empty() : Optional.of(NoticeStatus.SENT);
            case DELIVERED -> Optional.of(NoticeStatus.DELIVERED);
            case UNDELIVERED -> Optional.of(NoticeStatus.UNDELIVERED);
            case REJECTED -> Optional.of(NoticeStatus.FAILED);
          };
      case FAILED ->
          // failed for want of an answer, and the report shows it went out after all
          switch (state) {
            case ACCEPTED, BUFFERED -> Optional.of(NoticeStatus.SENT);
            case DELIVERED -> Optional.of(NoticeStatus.DELIVERED);
            case UNDELIVERED, REJECTED -> Optional.empty();
          };
      case PENDING ->
          // due again because an attempt's answer and report were late: the report shows that
          // attempt reached the gateway, so it is not sent again
          switch (state) {
            case ACCEPTED, BUFFERED -> Optional.of(NoticeStatus.SENT);
            case DELIVERED -> Optional.of(NoticeStatus.DELIVERED);
            case UNDELIVERED, REJECTED -> Optional.empty();
          };
      case UNDELIVERED ->
          state == DeliveryReport.State.DELIVERED
              ? Optional.of(NoticeStatus.DELIVERED)
              : Optional.empty();
      case DELIVERED, SUPERSEDED, NO_PHONE -> Optional.empty();
    };
  }
}
