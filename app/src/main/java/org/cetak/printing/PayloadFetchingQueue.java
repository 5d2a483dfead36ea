package org.cetak.printing;

import java.util.Optional;
import java.util.Set;
import org.cetak.common.Masking;
import org.cetak.intake.Payloads;
import org.cetak.intake.UpstreamRegistry;
import org.cetak.request.RequestLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The print queue with the payloads a card needs: those deleted after an earlier print (a reprint)
 * are fetched again from the upstream registry and kept. The registry is called after the queue's
 * read has committed and before the payloads are written, never inside a database transaction: a
 * slow or absent registry holds no lock and no connection. Call it outside a transaction.
 */
public final class PayloadFetchingQueue implements PrintQueue {

  private static final Logger log = LoggerFactory.getLogger(PayloadFetchingQueue.class);

  private final PrintQueue stored;
  private final Optional<UpstreamRegistry> upstream;
  private final RequestLifecycle requests;

  public PayloadFetchingQueue(
      PrintQueue stored, Optional<UpstreamRegistry> upstream, RequestLifecycle requests) {
    this.stored = stored;
    this.upstream = upstream;
    this.requests = requests;
  }

  @Override
  public Optional<QueuedCard> nextReserved(long officeId, Set<Long> skip) {
    return stored.nextReserved(officeId, skip).map(this::withPayloads);
  }

  @Override
  public Optional<QueuedCard> card(long requestId) {
    return stored.card(requestId).map(this::withPayloads);
  }

  private QueuedCard withPayloads(QueuedCard card) {
    if (card.payloads().photo().isPresent() || upstream.isEmpty()) {
      return card;
    }
    UpstreamRegistry.Fetch fetch = upstream.get().fetch(card.record().nik());
    if (fetch instanceof UpstreamRegistry.Fetched fetched
        && !fetched.record().payloads().isEmpty()) {
      Payloads found = fetched.record().payloads();
      requests.storePayloads(card.requestId(), found);
      log.info("Payload of request {} fetched again from the upstream registry", card.requestId());
      return card.withPayloads(found);
    }
    log.info(
        "Payload of request {} (NIK {}) not available upstream: {}",
        card.requestId(),
        Masking.nik(card.record().nik()),
        why(fetch));
    return card;
  }

  /** Why a fetch brought nothing, without the record it may carry. */
  private static String why(UpstreamRegistry.Fetch fetch) {
    if (fetch instanceof UpstreamRegistry.Unavailable u) {
      return "unavailable: " + u.reason();
    }
    if (fetch instanceof UpstreamRegistry.Rejected r) {
      return "rejected: " + r.reason();
    }
    return fetch instanceof UpstreamRegistry.NotFound ? "not found" : "no payloads";
  }
}
