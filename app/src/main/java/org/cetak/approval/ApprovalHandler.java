package org.cetak.approval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cetak.office.User;

/**
 * Carries out (or abandons) what an approval of one kind was about. Called inside the transaction
 * that records the decision: if the handler refuses, the decision is not recorded either.
 */
public interface ApprovalHandler {

  /** The kind of approval handled, for example {@code DESTRUCTION}. */
  String kind();

  void approved(Approval approval, User approver);

  void rejected(Approval approval, User approver);

  /** What the proposal carries for the supervisor to read before deciding, if anything. */
  default Optional<ApprovalDetail> detail(Approval approval) {
    return Optional.empty();
  }

  /**
   * {@link #detail} of each of these approvals of this kind that carries one, by approval; a
   * handler that reads its details overrides it to read them all at once.
   */
  default Map<Long, ApprovalDetail> details(List<Approval> approvals) {
    Map<Long, ApprovalDetail> details = new HashMap<>();
    for (Approval approval : approvals) {
      detail(approval).ifPresent(d -> details.put(approval.id(), d));
    }
    return details;
  }
}
