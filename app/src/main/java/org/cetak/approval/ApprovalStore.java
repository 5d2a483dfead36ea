package org.cetak.approval;

import java.util.List;
import java.util.Optional;

/** Approvals in storage. */
public interface ApprovalStore {

  Approval insert(
      long officeId,
      String kind,
      Optional<Long> subjectId,
      String summary,
      String payload,
      String proposedBy);

  Optional<Approval> byId(long id);

  /** Locks the approval until the transaction ends and returns it. */
  Optional<Approval> lock(long id);

  Approval decide(long id, Approval.Status status, String decidedBy, String note);

  List<Approval> list(long officeId, Optional<Approval.Status> status);
}
