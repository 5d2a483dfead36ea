package org.cetak.printing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cetak.intake.Payloads;
import org.cetak.intake.UpstreamRegistry;
import org.cetak.request.RequestLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The print queue with the payloads a card needs. A card is never printed with a placeholder face:
 * a request without a photo (its payloads deleted after an earlier print, for a reprint) is fetched
 * again from the upstream registry and kept; while the registry cannot give it, the request waits
 * in {@link PayloadWaits} with the reason, is passed over by {@link #nextReserved} (it takes no
 * blank) and is asked for again after {@link #RETRY}. The registry is called after the queue's read
 * has committed and before the payloads are written, never inside a database transaction: a slow or
 * absent registry holds no lock and no connection. Call it outside a transaction.
 */
public final class PayloadFetchingQueue implements PrintQueue {

  private static final Logger log = LoggerFactory.getLogger(PayloadFetchingQueue.class);

  /** How long a request whose payload could not be had waits before the registry is asked again. */
  public static final Duration RETRY = Duration.ofMinutes(1);

  /**
   * Registry calls one read of the queue makes at most: the requests beyond wait for a later read,
   * so a registry that is down delays the next card by a few timeouts, not by one for each request.
   */
  private static final int FETCHES_PER_READ = 2;

  private final PrintQueue stored;
  private final Optional<UpstreamRegistry> upstream;
  private final RequestLifecycle requests;
  private final PayloadWaits waits;
  private final Clock clock;

  /** By request, when the registry may be asked again for its payload (on this node). */
  private final Map<Long, Instant> askAgainAt = new ConcurrentHashMap<>();

  public PayloadFetchingQueue(
      PrintQueue stored,
      Optional<UpstreamRegistry> upstream,
      RequestLifecycle requests,
      PayloadWaits waits,
      Clock clock) {
    this.stored = stored;
    this.upstream = upstream;
    this.requests = requests;
    this.waits = waits;
    this.clock = clock;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Only a card with its photo: a request whose payload cannot be had now is passed over.
   */
  @Override
  public Optional<QueuedCard> nextReserved(long officeId, Set<Long> skip) {
    Set<Long> passed = new HashSet<>(skip);
    passed.addAll(notYetDue());
    int fetches = 0;
    while (true) {
      Optional<QueuedCard> next = stored.nextReserved(officeId, passed);
      if (next.isEmpty() || next.get().hasPhoto()) {
        return next;
      }
      if (fetches < FETCHES_PER_READ) {
        fetches++;
        Optional<QueuedCard> fetched = fetch(next.get());
        if (fetched.isPresent()) {
          return fetched;
        }
      }
      passed.add(next.get().requestId());
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>The card as well as it can be had: without its photo while the registry cannot give it (the
   * caller must not print it so).
   */
  @Override
  public Optional<QueuedCard> card(long requestId) {
    return stored
        .card(requestId)
        .map(
            card ->
                card.hasPhoto() || notYetDue().contains(requestId)
                    ? card
                    : fetch(card).orElse(card));
  }

  private Set<Long> notYetDue() {
    Instant now = clock.instant();
    askAgainAt.values().removeIf(at -> !at.isAfter(now));
    return askAgainAt.keySet();
  }

  /** The card with its payloads fetched again; empty, and the request waiting, when none came. */
  private Optional<QueuedCard> fetch(QueuedCard card) {
    if (upstream.isEmpty()) {
      return wait(card, PayloadWaits.Reason.NO_UPSTREAM, "no upstream registry is configured");
    }
    UpstreamRegistry.Fetch fetch = upstream.get().fetch(card.record().nik());
    if (fetch instanceof UpstreamRegistry.Fetched fetched) {
      Payloads found = fetched.record().payloads();
      if (found.photo().isEmpty()) {
        return wait(
            card, PayloadWaits.Reason.NO_PHOTO_UPSTREAM, "the registry's record has no photo");
      }
      requests.storePayloads(card.requestId(), found);
      waits.found(card.requestId());
      askAgainAt.remove(card.requestId());
      log.info("Payload of request {} fetched again from the upstream registry", card.requestId());
      return Optional.of(card.withPayloads(found));
    }
    if (fetch instanceof UpstreamRegistry.Unavailable u) {
      return wait(card, PayloadWaits.Reason.UPSTREAM_UNAVAILABLE, u.reason());
    }
    if (fetch instanceof UpstreamRegistry.Rejected r) {
      return wait(card, PayloadWaits.Reason.UPSTREAM_REJECTED, r.reason());
    }
    return wait(card, PayloadWaits.Reason.NOT_FOUND_UPSTREAM, "the registry does not know the NIK");
  }

  private Optional<QueuedCard> wait(QueuedCard card, PayloadWaits.Reason reason, String detail) {
    Instant now = clock.instant();
    askAgainAt.put(card.requestId(), now.plus(RETRY));
    String said = plain(detail);
    waits.waiting(card.officeId(), card.requestId(), reason, said, now);
    log.info(
        "Request {} waits for its photo and signature ({}: {}); asked again in {} s",
        card.requestId(),
        reason,
        said,
        RETRY.toSeconds());
    return Optional.empty();
  }

  /**
   * What the registry said, short and without a NIK or KK it may have echoed (UU 27/2022): it is
   * shown on the printers page and logged.
   */
  private static String plain(String said) {
    String masked = said.replaceAll("\\d{16}", "****************");
    return masked.length() <= 200 ? masked : masked.substring(0, 200) + "…";
  }
}
