package org.cetak.printing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.cetak.common.DomainException;
import org.cetak.common.Transactions;
import org.cetak.printing.face.InvalidCardFaceDataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preparation pipeline: while a printer prints card n, card n+1 is taken from the queue and its
 * panels and chip payload are rendered on another thread, so the printer does not wait for the
 * host. The printers of this node never prepare the same request; printers of other nodes may, and
 * then the first to start printing it wins and the other takes the next.
 */
public final class PreparingCardSupply implements CardSupply {

  private static final Logger log = LoggerFactory.getLogger(PreparingCardSupply.class);

  private final PrintQueue queue;
  private final CardPreparer preparer;
  private final Transactions transactions;
  private final ExecutorService executor;
  private final Reprints.Store reprints;
  private final Map<Long, Future<Optional<PreparedCard>>> ahead = new ConcurrentHashMap<>();

  /** By printer, the requests it prints now and prepares next: other printers skip them. */
  private final Map<Long, Deque<Long>> taken = new ConcurrentHashMap<>();

  public PreparingCardSupply(
      PrintQueue queue,
      CardPreparer preparer,
      Transactions transactions,
      ExecutorService executor,
      Reprints.Store reprints) {
    this.reprints = reprints;
    this.queue = queue;
    this.preparer = preparer;
    this.transactions = transactions;
    this.executor = executor;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Asked for the next card, the printer is done with the one before, printed or not: only the
   * card it gets now stays taken from the other printers. A request whose card was spoiled and
   * requeued is thus free again for every printer, even when nothing else waits.
   */
  @Override
  public Optional<PreparedCard> next(PrinterRef printer) {
    Future<Optional<PreparedCard>> prepared = ahead.remove(printer.id());
    Optional<PreparedCard> card;
    if (prepared == null) {
      keepTaken(printer, Optional.empty());
      card = takeAndPrepare(printer);
    } else {
      card = await(prepared);
      keepTaken(printer, card.map(PreparedCard::requestId));
    }
    if (card.isPresent()) {
      ahead.put(printer.id(), executor.submit(() -> takeAndPrepare(printer)));
    }
    return card;
  }

  @Override
  public PreparedCard prepare(long requestId) {
    QueuedCard card =
        queue
            .card(requestId)
            .orElseThrow(
                () ->
                    new DomainException(
                        PrintingError.UNKNOWN_REQUEST, "No print request " + requestId, requestId));
    return preparer.prepare(card, false);
  }

  @Override
  public void release(PrinterRef printer) {
    Future<Optional<PreparedCard>> prepared = ahead.remove(printer.id());
    if (prepared != null) {
      prepared.cancel(true);
    }
    taken.remove(printer.id());
  }

  /** Leaves the printer holding only {@code now} (the card it is about to print), if any. */
  private void keepTaken(PrinterRef printer, Optional<Long> now) {
    synchronized (taken) {
      Deque<Long> mine = taken.get(printer.id());
      if (mine != null) {
        mine.removeIf(id -> now.map(n -> !n.equals(id)).orElse(true));
      }
    }
  }

  private Optional<PreparedCard> takeAndPrepare(PrinterRef printer) {
    while (true) {
      Optional<QueuedCard> next;
      boolean reprint = false;
      synchronized (taken) {
        Set<Long> skip = new HashSet<>();
        taken.values().forEach(skip::addAll);
        next = nextReprint(printer, skip);
        reprint = next.isPresent();
        if (!reprint) {
          next = queue.nextReserved(printer.officeId(), skip);
        }
        if (next.isEmpty()) {
          return Optional.empty();
        }
        Deque<Long> mine = taken.computeIfAbsent(printer.id(), p -> new ArrayDeque<>());
        mine.addLast(next.get().requestId());
        while (mine.size() > 2) {
          mine.removeFirst();
        }
      }
      try {
        return Optional.of(preparer.prepare(next.get(), reprint));
      } catch (InvalidCardFaceDataException e) {
        // its face cannot be drawn: put aside for the operator, no blank taken, fetched again
        String problem =
            e.getCause() == null
                ? e.getMessage()
                : "card face field '" + e.field() + "' is not an image that can be read";
        log.warn("Request {} put aside: {}", next.get().requestId(), problem);
        queue.putAside(next.get(), problem);
      } catch (RuntimeException e) {
        log.warn(
            "Request {} cannot be prepared ({}); leaving it for an officer",
            next.get().requestId(),
            e.getMessage());
      }
    }
  }

  /**
   * The first request granted a reprint whose card can be printed now: one still waiting for its
   * photo (the upstream registry cannot give it yet) is passed over and takes no blank.
   */
  private Optional<QueuedCard> nextReprint(PrinterRef printer, Set<Long> skip) {
    Set<Long> passed = new HashSet<>(skip);
    while (true) {
      Optional<Long> granted =
          transactions.inTransaction(() -> reprints.nextGranted(printer.officeId(), passed));
      if (granted.isEmpty()) {
        return Optional.empty();
      }
      Optional<QueuedCard> card = queue.card(granted.get()).filter(QueuedCard::hasPhoto);
      if (card.isPresent()) {
        return card;
      }
      passed.add(granted.get());
    }
  }

  private static Optional<PreparedCard> await(Future<Optional<PreparedCard>> prepared) {
    try {
      return prepared.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      log.warn("Preparing the next card failed", e.getCause());
      return Optional.empty();
    }
  }
}
