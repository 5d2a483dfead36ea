package org.cetak.pickup.config;

import org.cetak.allocation.PrintQueue;
import org.cetak.pickup.RequestLifecycle;

/** Pickup's status moves made by the request queue, which owns a request's status and history. */
final class QueueRequestLifecycle implements RequestLifecycle {

  private final PrintQueue queue;

  QueueRequestLifecycle(PrintQueue queue) {
    this.queue = queue;
  }

  @Override
  public void handedOver(long requestId, String actor) {
    queue.markHandedOver(requestId, actor);
  }
}
