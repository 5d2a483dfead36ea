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
 * blank) and is asked for again after {@link #RETRY}. A card whose stored photo or signature cannot
 * be decoded is put aside the same way ({@link #putAside}): it is passed over and its payload
 * fetched again once the wait is over. The registry is called after the queue's read has committed
 * and before the payloads are written, never inside a database transaction: a slow or absent
 * registry holds no lock and no connection. Call it outside a transaction.
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

  /**
   * By request, what is wrong with its stored payload: it is fetched again as if missing, until the
   * payload stored for it is another (fetched, or brought by a later bundle).
   */
  private final Map<Long, Unreadable> unreadable = new ConcurrentHashMap<>();

  /** A stored payload that cannot be drawn: what is wrong, and a fingerprint of its bytes. */
  private record Unreadable(String problem, int payload) {}

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
      if (next.isEmpty() || printable(next.get())) {
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
   * <p>The card as well as it can be had: without its photo while the registry cannot give it, or
   * while its stored photo cannot be read (the caller must not print it so).
   */
  @Override
  public Optional<QueuedCard> card(long requestId) {
    return stored.card(requestId).map(this::asWellAsItCanBeHad);
  }

  private QueuedCard asWellAsItCanBeHad(QueuedCard card) {
    if (printable(card)) {
      return card;
    }
    QueuedCard had = card.hasPhoto() ? card.withPayloads(Payloads.none()) : card;
    return notYetDue().contains(card.requestId()) ? had : fetch(card).orElse(had);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The request waits with {@link PayloadWaits.Reason#FACE_UNREADABLE} and the problem; the
   * registry is asked for its payload again after {@link #RETRY}.
   */
  @Override
  public void putAside(QueuedCard card, String problem) {
    String said = plain(problem);
    unreadable.put(card.requestId(), new Unreadable(said, fingerprint(card)));
    wait(card, PayloadWaits.Reason.FACE_UNREADABLE, said);
  }

  /** Whether the card can be drawn from what is stored, as far as is known. */
  private boolean printable(QueuedCard card) {
    if (!card.hasPhoto()) {
      return false;
    }
    Unreadable known = unreadable.get(card.requestId());
    if (known != null && known.payload() != fingerprint(card)) {
      // another payload was stored meanwhile (a later bundle): it is tried
      unreadable.remove(card.requestId());
      waits.found(card.requestId());
      return true;
    }
    return known == null;
  }

  private static int fingerprint(QueuedCard card) {
    return java.util.Objects.hash(
        card.payloads().photo().map(java.util.Arrays::hashCode).orElse(0),
        card.payloads().signature().map(java.util.Arrays::hashCode).orElse(0));
  }

  private Set<Long> notYetDue() {
    Instant now = clock.instant();
    askAgainAt.values().removeIf(at -> !at.isAfter(now));
    return askAgainAt.keySet();
  }

  /** The card with its payloads fetched again; empty, and the request waiting, when none came. */
  private Optional<QueuedCard> fetch(QueuedCard card) {
    if (upstream.isEmpty()) {
      return notFetched(
          card, PayloadWaits.Reason.NO_UPSTREAM, "no upstream registry is configured");
    }
    UpstreamRegistry.Fetch fetch = upstream.get().fetch(card.record().nik());
    if (fetch instanceof UpstreamRegistry.Fetched fetched) {
      Payloads found = fetched.record().payloads();
      if (found.photo().isEmpty()) {
        return notFetched(
            card, PayloadWaits.Reason.NO_PHOTO_UPSTREAM, "the registry's record has no photo");
      }
      requests.storePayloads(card.requestId(), found);
      waits.found(card.requestId());
      askAgainAt.remove(card.requestId());
      unreadable.remove(card.requestId());
      log.info("Payload of request {} fetched again from the upstream registry", card.requestId());
      return Optional.of(card.withPayloads(found));
    }
    if (fetch instanceof UpstreamRegistry.Unavailable u) {
      return notFetched(card, PayloadWaits.Reason.UPSTREAM_UNAVAILABLE, u.reason());
    }
    if (fetch instanceof UpstreamRegistry.Rejected r) {
      return notFetched(card, PayloadWaits.Reason.UPSTREAM_REJECTED, r.reason());
    }
    return notFetched(
        card, PayloadWaits.Reason.NOT_FOUND_UPSTREAM, "the registry does not know the NIK");
  }

  /**
   * The registry could not give the payload: the request waits for that reason, or, when its stored
   * payload cannot be read, still for that one with what the registry said.
   */
  private Optional<QueuedCard> notFetched(
      QueuedCard card, PayloadWaits.Reason reason, String detail) {
    Unreadable known = unreadable.get(card.requestId());
    String problem = known == null ? null : known.problem();
    if (problem == null) {
      return wait(card, reason, plain(detail));
    }
    return wait(
        card, PayloadWaits.Reason.FACE_UNREADABLE, problem + "; " + reason + ": " + plain(detail));
  }

  private Optional<QueuedCard> wait(QueuedCard card, PayloadWaits.Reason reason, String said) {
    Instant now = clock.instant();
    askAgainAt.put(card.requestId(), now.plus(RETRY));
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
