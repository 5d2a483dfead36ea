package org.cetak.printing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.cetak.printing.device.ChipPayload;

/** A card supply that offers the request ids a test queues, each prepared with one chip payload. */
final class QueuedSupply implements CardSupply {

  /** Request ids to offer, in order. */
  final Deque<Long> queue = new ArrayDeque<>();

  private final ChipPayload payload;

  /** Cards with a one-byte payload in each of the chip's files. */
  QueuedSupply() {
    this(new ChipPayload(new byte[1], new byte[1], new byte[1], new byte[1]));
  }

  QueuedSupply(ChipPayload payload) {
    this.payload = payload;
  }

  @Override
  public Optional<PreparedCard> next(PrinterRef printer) {
    Long id = queue.poll();
    return id == null ? Optional.empty() : Optional.of(prepare(id));
  }

  @Override
  public PreparedCard prepare(long requestId) {
    return new PreparedCard(requestId, null, payload, false);
  }

  @Override
  public void release(PrinterRef printer) {}
}
