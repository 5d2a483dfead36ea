package org.cetak.approval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cetak.common.DomainException;
import org.cetak.common.Field;
import org.cetak.common.Transactions;
import org.cetak.office.Audit;
import org.cetak.office.OfficeError;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two-person approvals: propose, approve, reject. The approver must be a supervisor of the office
 * (or of its parent office) and never the proposer. Approving runs the kind's {@link
 * ApprovalHandler} in the same transaction.
 */
public final class Approvals {

  /** The longest note a decision keeps. */
  static final int MAX_NOTE = 500;

  private static final Logger log = LoggerFactory.getLogger(Approvals.class);

  private final ApprovalStore store;
  private final Map<String, ApprovalHandler> handlers = new HashMap<>();
  private final Transactions transactions;
  private final Audit audit;
  private final OfficeScope scope;

  /** Tells whether a user may act for an office (the access model's office scope). */
  public interface OfficeScope {
    boolean covers(User user, long officeId);
  }

  public Approvals(
      ApprovalStore store,
      Collection<ApprovalHandler> handlers,
      Transactions transactions,
      Audit audit,
      OfficeScope scope) {
    this.store = store;
    for (ApprovalHandler handler : handlers) {
      if (this.handlers.put(handler.kind(), handler) != null) {
        throw new IllegalArgumentException("Two handlers for approval kind " + handler.kind());
      }
    }
    this.transactions = transactions;
    this.audit = audit;
    this.scope = scope;
  }

  /** Records a proposal; joins the caller's transaction. */
  public Approval propose(
      long officeId,
      String kind,
      Optional<Long> subjectId,
      String summary,
      String payload,
      User proposer) {
    if (!handlers.containsKey(kind)) {
      throw new DomainException(
          ApprovalError.UNKNOWN_APPROVAL_KIND, "No approval of kind " + kind, kind);
    }
    if (!scope.covers(proposer, officeId)) {
      throw new DomainException(
          OfficeError.OTHER_OFFICE,
          "User " + proposer.username() + " may not propose for office " + officeId);
    }
    return transactions.inTransaction(
        () -> {
          Approval approval =
              store.insert(officeId, kind, subjectId, summary, payload, proposer.username());
          audit.record(
              officeId,
              proposer.username(),
              "APPROVAL_PROPOSED",
              "approval " + approval.id(),
              kind + ": " + summary);
          log.info("Approval {} ({}) proposed by {}", approval.id(), kind, proposer.username());
          return approval;
        });
  }

  public Approval approve(long approvalId, User approver, String note) {
    return decide(approvalId, approver, note, Approval.Status.APPROVED);
  }

  public Approval reject(long approvalId, User approver, String note) {
    return decide(approvalId, approver, note, Approval.Status.REJECTED);
  }

  public Optional<Approval> byId(long approvalId) {
    return store.byId(approvalId);
  }

  public List<Approval> list(long officeId, Optional<Approval.Status> status) {
    return store.list(officeId, status);
  }

  /**
   * What the approval's proposal carries for the supervisor to read before deciding (a reprint's
   * first card outcome), if anything.
   */
  public Optional<ApprovalDetail> detail(Approval approval) {
    ApprovalHandler handler = handlers.get(approval.kind());
    return handler == null ? Optional.empty() : handler.detail(approval);
  }

  /**
   * {@link #detail} of each of these approvals that carries one, by approval: one read per kind of
   * approval listed, whatever their number.
   */
  public Map<Long, ApprovalDetail> details(List<Approval> approvals) {
    Map<String, List<Approval>> byKind = new HashMap<>();
    for (Approval approval : approvals) {
      if (handlers.containsKey(approval.kind())) {
        byKind.computeIfAbsent(approval.kind(), k -> new ArrayList<>()).add(approval);
      }
    }
    Map<Long, ApprovalDetail> details = new HashMap<>();
    byKind.forEach((kind, ofKind) -> details.putAll(handlers.get(kind).details(ofKind)));
    return details;
  }

  private Approval decide(long approvalId, User approver, String note, Approval.Status decision) {
    Field.atMost(Optional.ofNullable(note), MAX_NOTE, "stockpage.approval.note");
    return transactions.inTransaction(
        () -> {
          Approval approval =
              store
                  .lock(approvalId)
                  .orElseThrow(
                      () ->
                          new DomainException(
                              ApprovalError.UNKNOWN_APPROVAL,
                              "Approval " + approvalId + " not found",
                              approvalId));
          if (approval.status() != Approval.Status.PROPOSED) {
            throw new DomainException(
                ApprovalError.ALREADY_DECIDED,
                "Approval " + approvalId + " is already " + approval.status().name());
          }
          if (!approver.has(Role.SUPERVISOR)) {
            throw new DomainException(
                ApprovalError.NOT_A_SUPERVISOR,
                "User " + approver.username() + " is not a supervisor and cannot decide approvals",
                approver.username());
          }
          if (!scope.covers(approver, approval.officeId())) {
            throw new DomainException(
                OfficeError.OTHER_OFFICE,
                "User "
                    + approver.username()
                    + " may not decide for office "
                    + approval.officeId());
          }
          if (approver.username().equals(approval.proposedBy())) {
            throw new DomainException(
                ApprovalError.SELF_APPROVAL,
                "User "
                    + approver.username()
                    + " proposed approval "
                    + approvalId
                    + " and cannot decide it; a second person must",
                approvalId);
          }
          Approval decided =
              store.decide(approvalId, decision, approver.username(), note == null ? "" : note);
          ApprovalHandler handler = handlers.get(approval.kind());
          if (decision == Approval.Status.APPROVED) {
            handler.approved(decided, approver);
          } else {
            handler.rejected(decided, approver);
          }
          audit.record(
              approval.officeId(),
              approver.username(),
              "APPROVAL_" + decision.name(),
              "approval " + approvalId,
              approval.kind() + ": " + approval.summary());
          log.info(
              "Approval {} ({}) {} by {}",
              approvalId,
              approval.kind(),
              decision,
              approver.username());
          return decided;
        });
  }
}
