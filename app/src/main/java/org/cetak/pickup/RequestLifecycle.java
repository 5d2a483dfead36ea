package org.cetak.pickup;

/**
 * The request's status moves that pickup makes, in the caller's transaction: the one place pickup
 * writes a request's status.
 */
public interface RequestLifecycle {

  /**
   * PRINTED to HANDED_OVER, with its status history; refused ({@code REQUEST_STATUS_CONFLICT}) in
   * any other status.
   */
  void handedOver(long requestId, String actor);
}
