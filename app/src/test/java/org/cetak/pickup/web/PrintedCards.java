package org.cetak.pickup.web;

import java.time.Clock;
import org.cetak.notify.Outbox;
import org.cetak.request.RequestLifecycle;
import org.jooq.DSLContext;

/**
 * Turns a reserved request of the demo backlog into a printed card, as the print station leaves it:
 * status PRINTED with a chip UID, the status outbox row written.
 */
public final class PrintedCards {

  private PrintedCards() {}

  /** A reserved request of the office with {@code reasonCondition} (SQL), printed now. */
  public static long print(
      DSLContext db,
      RequestLifecycle queue,
      Outbox outbox,
      Clock clock,
      long officeId,
      String reasonCondition) {
    long request =
        ((Number)
                db.fetchValue(
                    "select min(id) from print_request where office_id = ? and status = 'RESERVED'"
                        + " and birth_date is not null and "
                        + reasonCondition,
                    officeId))
            .longValue();
    if (!queue.startPrinting(request, false, "station:test")) {
      throw new IllegalStateException("request " + request + " was not reserved");
    }
    String uid = String.format("04%012X", 0xC0000000L + request);
    RequestLifecycle.Recipient resident =
        queue.markPrinted(request, uid, clock.instant(), "station:test");
    outbox.cardPrinted(
        new Outbox.PrintedCard(
            officeId,
            request,
            org.cetak.support.PrintedJobs.insert(db, officeId, request),
            resident.nik(),
            resident.name(),
            resident.phone(),
            uid,
            clock.instant()),
        org.cetak.support.PrintedJobs.checksCards(db, officeId));
    return request;
  }
}
