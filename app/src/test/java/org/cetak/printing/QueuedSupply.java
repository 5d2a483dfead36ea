package org.cetak.printing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.cetak.printing.device.ChipPayload;

/** A card supply that offers the request ids a test queues, each prepared with an empty payload. */
final class QueuedSupply implements CardSupply {

  /** Request ids to offer, in order. */
  final Deque<Long> queue = new ArrayDeque<>();

  @Override
  public Optional<PreparedCard> next(PrinterRef printer) {
    Long id = queue.poll();
    return id == null ? Optional.empty() : Optional.of(prepare(id));
  }

  @Override
  public PreparedCard prepare(long requestId) {
    return new PreparedCard(
        requestId,
        null,
        new ChipPayload(new byte[1], new byte[1], new byte[1], new byte[1]),
        false);
  }

  @Override
  public void release(PrinterRef printer) {}
}
