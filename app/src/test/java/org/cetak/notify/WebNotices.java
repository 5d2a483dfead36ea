package org.cetak.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.cetak.common.Backoff;
import org.cetak.common.Transactions;
import org.jooq.DSLContext;

/** Notices written and sent in a running application, for its console and API tests. */
final class WebNotices {

  private static final AtomicLong next = new AtomicLong(System.nanoTime() % 1_000_000 * 100);

  private final DSLContext db;
  private final Notices notices;
  private final NoticeStore store;
  private final DeliveryReports reports;
  private final Transactions transactions;
  private final Clock clock;

  WebNotices(
      DSLContext db,
      Notices notices,
      NoticeStore store,
      DeliveryReports reports,
      Transactions transactions,
      Clock clock) {
    this.db = db;
    this.notices = notices;
    this.store = store;
    this.reports = reports;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** A notice for a card of this office, as the print station writes one. */
  Notice collectable(long officeId, String name, String phone) {
    long serial = 800_000L + next.incrementAndGet();
    long request = NotifyFixture.request(db, officeId, serial, name, phone);
    long job = NotifyFixture.job(db, officeId, request, serial);
    return notices.cardCollectable(
        new Notices.CollectableCard(officeId, request, job, name, Optional.of(phone)));
  }

  /** Sends what is due through a gateway that answers this for this notice, else takes it. */
  void dispatch(Notice notice, SmsGateway.Outcome outcome) {
    dispatch(new ScriptedGateway().answering(notice.id(), outcome));
  }

  void dispatch(Notice first, SmsGateway.Outcome one, Notice second, SmsGateway.Outcome two) {
    dispatch(new ScriptedGateway().answering(first.id(), one).answering(second.id(), two));
  }

  private void dispatch(ScriptedGateway gateway) {
    new Dispatcher(
            store,
            notices,
            gateway,
            new org.cetak.notify.jooq.JooqSendRate(db, 1000),
            reports,
            transactions,
            clock,
            new Dispatcher.Settings(
                3,
                new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(10)),
                Duration.ofMinutes(30),
                100,
                "web-test"))
        .dispatch();
  }

  Notice notice(long id) {
    return transactions.inTransaction(() -> store.lock(id).orElseThrow());
  }

  List<Notice> all(long officeId) {
    return store.list(officeId, Optional.empty(), 1000);
  }
}
