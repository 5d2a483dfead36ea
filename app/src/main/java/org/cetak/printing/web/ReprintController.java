package org.cetak.printing.web;

import org.cetak.approval.Approval;
import org.cetak.printing.Reprints;
import org.cetak.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Asks for a printed card to be printed again; a supervisor approves it through {@code
 * /api/approvals/{id}/approve}, and the next free printer prints it once.
 */
@RestController
public class ReprintController {

  private final Reprints reprints;
  private final CurrentUser currentUser;

  public ReprintController(Reprints reprints, CurrentUser currentUser) {
    this.reprints = reprints;
    this.currentUser = currentUser;
  }

  @PostMapping("/api/requests/{requestId}/reprint")
  @ResponseStatus(HttpStatus.CREATED)
  public Approval propose(
      @PathVariable("requestId") long requestId, @RequestBody ReprintRequest body) {
    return reprints.propose(requestId, body == null ? null : body.reason(), currentUser.get());
  }

  /** Why the card must be printed again. */
  public record ReprintRequest(String reason) {}
}
