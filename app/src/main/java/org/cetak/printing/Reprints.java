package org.cetak.printing;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.cetak.allocation.AllocationError;
import org.cetak.approval.Approval;
import org.cetak.approval.ApprovalHandler;
import org.cetak.approval.Approvals;
import org.cetak.common.DomainException;
import org.cetak.intake.RequestStatus;
import org.cetak.office.Role;
import org.cetak.office.User;

/**
 * Printing a printed card again: an operator proposes it with a reason, a supervisor approves it
 * (never the proposer), and the approval becomes a grant that one print job uses once.
 */
public final class Reprints implements ApprovalHandler {

  public static final String KIND = "REPRINT";

  /** What reprints need to know of requests, and the grants. */
  public interface Store {
    /** The request's office and status, if it exists. */
    Optional<RequestState> request(long requestId);

    void grant(long officeId, long requestId, long approvalId, String reason);

    /**
     * The oldest unused grant of the request, locked until the transaction ends (so two printers
     * cannot both use it), if any.
     */
    Optional<Long> claimGrant(long requestId);

    /** The grant is used by this print job: it never allows another print. */
    void useGrant(long grantId, long jobId);

    /** A request with an unused grant in this office, other than {@code skip}, if any. */
    Optional<Long> nextGranted(long officeId, Set<Long> skip);
  }

  /** A request's office and status. */
  public record RequestState(long officeId, RequestStatus status) {}

  private final Store store;

  /** Late-bound: the approvals know this class as one of their handlers. */
  private final Supplier<Approvals> approvals;

  public Reprints(Store store, Supplier<Approvals> approvals) {
    this.store = store;
    this.approvals = approvals;
  }

  public Approval propose(long officeId, long requestId, String reason, User by) {
    if (!by.has(Role.OPERATOR) && !by.has(Role.SUPERVISOR)) {
      throw new DomainException(
          PrintingError.NOT_AN_OPERATOR, "Only the print room asks for a reprint");
    }
    if (reason == null || reason.isBlank()) {
      throw new DomainException(AllocationError.REASON_REQUIRED, "A reprint needs a reason");
    }
    RequestState request =
        store
            .request(requestId)
            .orElseThrow(
                () ->
                    new DomainException(
                        PrintingError.UNKNOWN_REQUEST, "No print request " + requestId, requestId));
    if (request.officeId() != officeId) {
      throw new DomainException(
          PrintingError.UNKNOWN_REQUEST,
          "No print request " + requestId + " in office #" + officeId,
          requestId);
    }
    if (request.status() != RequestStatus.PRINTED) {
      throw new DomainException(
          PrintingError.NOT_PRINTED,
          "Request " + requestId + " is " + request.status() + "; only a printed card is reprinted",
          requestId);
    }
    return approvals
        .get()
        .propose(
            request.officeId(),
            KIND,
            Optional.of(requestId),
            "reprint of request " + requestId,
            reason,
            by);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void approved(Approval approval, User approver) {
    long requestId = approval.subjectId().orElseThrow();
    store.grant(approval.officeId(), requestId, approval.id(), approval.payload());
  }

  @Override
  public void rejected(Approval approval, User approver) {
    // nothing was granted
  }
}
