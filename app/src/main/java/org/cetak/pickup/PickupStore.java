package org.cetak.pickup;

import java.util.List;
import java.util.Optional;
import org.cetak.request.RequestSearch;

/** The cards at the counter and the handovers recorded for them. */
public interface PickupStore {

  /**
   * The office's requests the search matches, except withdrawn ones, newest first, at most {@code
   * limit}.
   */
  List<CardAtCounter> find(long officeId, RequestSearch search, int limit);

  /** One request, locked until the caller's transaction ends (a second handover waits for it). */
  Optional<CardAtCounter> lock(long requestId);

  /** One request as it stands. */
  Optional<CardAtCounter> card(long requestId);

  /**
   * Records the handover. The database refuses a second handover of the same request or card with
   * {@link AlreadyHandedOver}.
   */
  Handover record(
      long officeId,
      long requestId,
      String cardUid,
      HandoverForm form,
      Optional<Long> oldCardMovementId,
      String handedBy);

  Optional<Handover> handover(long requestId);

  /** The office's printed cards not collected yet, oldest first, at most {@code limit}. */
  List<UnclaimedCard> unclaimed(long officeId, int limit);

  /** A second handover of a card refused by the database. */
  final class AlreadyHandedOver extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AlreadyHandedOver(long requestId, Throwable cause) {
      super("Request " + requestId + " was handed over already", cause);
    }
  }
}
