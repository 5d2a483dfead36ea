package org.cetak.approval.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.approval.ApprovalError;
import org.cetak.approval.Approvals;
import org.cetak.common.DomainException;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.platform.Refuses;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Two-person approvals of an office over HTTP: list, approve, reject. */
@RestController
@RequestMapping("/api/offices/{office}/approvals")
public class ApprovalApi {

  private final Approvals approvals;
  private final CurrentUser currentUser;

  public ApprovalApi(Approvals approvals, CurrentUser currentUser) {
    this.approvals = approvals;
    this.currentUser = currentUser;
  }

  /** A decision's note, optional. */
  public record DecisionBody(String note) {}

  /** The office's approvals, optionally only those of one status. */
  @GetMapping
  @Allow(Permission.SEE_APPROVALS)
  @Operation(summary = "The office's approvals, optionally of one status")
  @Refuses({})
  public List<Approval> list(
      Office office, @RequestParam(name = "status") Optional<Approval.Status> status) {
    return approvals.list(office.id(), status);
  }

  /** A supervisor other than the proposer approves; what was proposed then happens. */
  @PostMapping("/{id}/approve")
  @Allow(Permission.DECIDE_APPROVAL)
  @Operation(summary = "Approves what needs two people (a supervisor other than the proposer)")
  @Refuses({
    "UNKNOWN_APPROVAL",
    "ALREADY_DECIDED",
    "SELF_APPROVAL",
    "NOT_A_SUPERVISOR",
    "STALE_VERSION",
    "TEXT_TOO_LONG"
  })
  public Approval approve(
      Office office,
      @PathVariable("id") long id,
      @RequestBody(required = false) DecisionBody body) {
    return approvals.approve(of(office, id), currentUser.get(), body == null ? "" : body.note());
  }

  /** A supervisor other than the proposer rejects; nothing happens. */
  @PostMapping("/{id}/reject")
  @Allow(Permission.DECIDE_APPROVAL)
  @Operation(summary = "Rejects what needs two people (a supervisor other than the proposer)")
  @Refuses({
    "UNKNOWN_APPROVAL",
    "ALREADY_DECIDED",
    "SELF_APPROVAL",
    "NOT_A_SUPERVISOR",
    "TEXT_TOO_LONG"
  })
  public Approval reject(
      Office office,
      @PathVariable("id") long id,
      @RequestBody(required = false) DecisionBody body) {
    return approvals.reject(of(office, id), currentUser.get(), body == null ? "" : body.note());
  }

  private long of(Office office, long id) {
    return approvals
        .byId(id)
        .filter(a -> a.officeId() == office.id())
        .map(Approval::id)
        .orElseThrow(
            () ->
                new DomainException(
                    ApprovalError.UNKNOWN_APPROVAL,
                    "No approval " + id + " in office " + office.code(),
                    id));
  }
}
