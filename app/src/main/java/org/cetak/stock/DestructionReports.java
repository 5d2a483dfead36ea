package org.cetak.stock;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Destruction reports and the spoiled pile they draw on. */
public interface DestructionReports {

  /**
   * A spoiled card matching {@code line} with at least one card not yet listed on a report that is
   * proposed or done (so the same card cannot be listed twice).
   */
  Optional<SpoiledCard> findSpoiled(long officeId, DestructionLine line);

  /** Numbers and stores a proposed report; numbers run per office and year without gaps. */
  DestructionReport insert(
      long officeId,
      LocalDate date,
      String place,
      List<String> witnesses,
      List<DestructionReport.Card> cards,
      String proposedBy,
      Signatory proposer);

  void attachApproval(long reportId, long approvalId);

  Optional<DestructionReport> byId(long reportId);

  /** Locks the report until the transaction ends and returns it. */
  Optional<DestructionReport> lock(long reportId);

  /** The cards are destroyed; the approving supervisor is kept as they signed. */
  void markDestroyed(long reportId, Signatory approver);

  void markRejected(long reportId);

  List<DestructionReport> list(long officeId);

  /** A card on the spoiled pile: one spoil movement with cards not yet listed for destruction. */
  record SpoiledCard(
      long spoilMovementId,
      Item item,
      int remaining,
      Optional<String> chipUid,
      Optional<String> serial,
      String reason,
      Optional<Long> requestId) {}
}
