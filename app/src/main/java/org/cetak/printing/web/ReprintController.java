package org.cetak.printing.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.platform.Refuses;
import org.cetak.printing.FirstCard;
import org.cetak.printing.Reprints;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Asks for a printed card to be printed again; a supervisor approves it through {@code
 * /api/offices/{office}/approvals/{id}/approve}, and the next free printer prints it once.
 */
@RestController
public class ReprintController {

  private final Reprints reprints;
  private final CurrentUser currentUser;

  public ReprintController(Reprints reprints, CurrentUser currentUser) {
    this.reprints = reprints;
    this.currentUser = currentUser;
  }

  /**
   * Proposes the reprint of a printed request (body: {@code {"reason": "..."}}, and the first
   * card's outcome when known: {@code "firstCard": {"outcome": "SPOILED", "chipUid": "..."}},
   * recorded when a supervisor grants the reprint).
   */
  @PostMapping("/api/offices/{office}/requests/{requestId}/reprint")
  @ResponseStatus(HttpStatus.CREATED)
  @Allow(Permission.REQUEST_REPRINT)
  @Operation(summary = "Asks for a printed card to be printed again; a supervisor approves it")
  @Refuses({
    "UNKNOWN_REQUEST",
    "NOT_PRINTED",
    "REASON_REQUIRED",
    "REPRINT_ALREADY_PROPOSED",
    "FIRST_CARD_OUTCOME_MISSING",
    "FIRST_CARD_POLICE_REPORT_REQUIRED",
    "FIRST_CARD_SERIAL_REQUIRED",
    "FIRST_CARD_UID_MISMATCH",
    "INVALID_CHIP_UID",
    "TEXT_TOO_LONG"
  })
  public Approval propose(
      Office office,
      @PathVariable("requestId") long requestId,
      @RequestBody(required = false) ReprintRequest body) {
    return reprints.propose(
        office.id(),
        requestId,
        body == null ? null : body.reason(),
        body == null || body.firstCard() == null
            ? Optional.empty()
            : Optional.of(body.firstCard().card()),
        currentUser.get());
  }

  /**
   * Enters what happened to the first card of a reprinted request (body: {@code {"outcome":
   * "SPOILED"|"LOST", "chipUid": "...", "serial": "...", "policeReportNo": "..."}}): back in the
   * office it is spoiled with reason REPRINT and awaits destruction, lost it is recorded LOST with
   * the police report number.
   */
  @PostMapping("/api/offices/{office}/requests/{requestId}/reprint/first-card")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Allow(Permission.RECORD_FIRST_CARD)
  @Operation(summary = "Enters what happened to the first card of a reprinted request")
  @Refuses({
    "FIRST_CARD_OUTCOME_MISSING",
    "FIRST_CARD_POLICE_REPORT_REQUIRED",
    "FIRST_CARD_SERIAL_REQUIRED",
    "FIRST_CARD_UID_MISMATCH",
    "NO_FIRST_CARD_AWAITED",
    "INVALID_CHIP_UID",
    "TEXT_TOO_LONG"
  })
  public void firstCard(
      Office office,
      @PathVariable("requestId") long requestId,
      @RequestBody(required = false) FirstCardBody body) {
    reprints.recordFirstCard(
        office.id(), requestId, body == null ? null : body.card(), currentUser.get());
  }

  /** Why the card must be printed again, and what happened to the first card when known. */
  public record ReprintRequest(String reason, FirstCardBody firstCard) {}

  /** The first card's outcome as JSON: {@code outcome} SPOILED or LOST. */
  public record FirstCardBody(
      FirstCard.Outcome outcome, String chipUid, String serial, String policeReportNo) {

    /** The outcome as entered (refused when it names none). */
    public FirstCard card() {
      return new FirstCard(
          outcome,
          Optional.ofNullable(chipUid),
          Optional.ofNullable(serial),
          Optional.ofNullable(policeReportNo));
    }
  }
}
