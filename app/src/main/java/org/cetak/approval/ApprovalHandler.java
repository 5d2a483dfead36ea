package org.cetak.approval;

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
}
