package org.cetak.approval.web;

import java.util.List;
import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.approval.Approvals;
import org.cetak.common.DomainException;
import org.cetak.office.OfficeError;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.cetak.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Two-person approvals over HTTP: list, approve, reject. */
@RestController
@RequestMapping("/api/approvals")
public class ApprovalApi {

  private final Approvals approvals;
  private final CurrentUser currentUser;

  public ApprovalApi(Approvals approvals, CurrentUser currentUser) {
    this.approvals = approvals;
    this.currentUser = currentUser;
  }

  public record DecisionBody(String note) {}

  @GetMapping
  public List<Approval> list(
      @RequestParam long officeId, @RequestParam Optional<Approval.Status> status) {
    User user = currentUser.get();
    if (user.officeId() != officeId && !user.has(Role.ADMIN)) {
      throw new DomainException(
          OfficeError.OTHER_OFFICE,
          "User " + user.username() + " may not list approvals of " + officeId);
    }
    return approvals.list(officeId, status);
  }

  @PostMapping("/{id}/approve")
  public Approval approve(@PathVariable long id, @RequestBody(required = false) DecisionBody body) {
    return approvals.approve(id, currentUser.get(), body == null ? "" : body.note());
  }

  @PostMapping("/{id}/reject")
  public Approval reject(@PathVariable long id, @RequestBody(required = false) DecisionBody body) {
    return approvals.reject(id, currentUser.get(), body == null ? "" : body.note());
  }
}
