package org.cetak.printing;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.cetak.allocation.AllocationError;
import org.cetak.approval.Approval;
import org.cetak.approval.ApprovalDetail;
import org.cetak.approval.ApprovalHandler;
import org.cetak.approval.Approvals;
import org.cetak.common.DomainException;
import org.cetak.common.Field;
import org.cetak.common.Transactions;
import org.cetak.intake.RequestStatus;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.cetak.stock.ChipUid;
import org.cetak.stock.RecordedMovement;
import org.cetak.stock.SpoilRecords;

/**
 * Printing a printed card again: an operator proposes it with a reason, a supervisor approves it
 * (never the proposer), and the approval becomes a grant that one print job uses once.
 */
public final class Reprints implements ApprovalHandler {

  public static final String KIND = "REPRINT";

  /** The longest reason a reprint keeps. */
  static final int MAX_REASON = 200;

  /** The longest serial or police report number of a first card it keeps. */
  static final int MAX_NUMBER = 64;

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

    /**
     * The request's oldest grant whose first card's outcome is not entered yet, locked until the
     * transaction ends, if any.
     */
    Optional<AwaitedFirstCard> awaitingFirstCard(long requestId);

    /** Whether the request has a grant no print job used yet. */
    boolean reprintPending(long requestId);

    /**
     * Whether the request has a reprint proposed and not decided yet, or granted and not printed
     * yet; the request's reprints are locked against another proposal until the transaction ends.
     */
    boolean reprintOpen(long requestId);

    /** Keeps the first card's outcome proposed with a reprint until the reprint is decided. */
    void proposeFirstCard(long approvalId, FirstCard card);

    /**
     * The first card's outcome proposed with the reprint of each of these approvals that has one,
     * by approval, in one read whatever their number.
     */
    Map<Long, FirstCard> proposedFirstCards(Collection<Long> approvalIds);

    /** Records the first card's outcome on the grant, with the ledger movement that booked it. */
    void recordFirstCard(long grantId, FirstCard card, long movementId, String by);
  }

  /**
   * A grant whose first card's outcome is awaited.
   *
   * @param firstCardUid the chip UID the first card was printed with, as it was at the grant
   */
  public record AwaitedFirstCard(
      long grantId, long officeId, long approvalId, Optional<String> firstCardUid) {}

  /**
   * A request's office and status, and the chip UID of its card when printed.
   *
   * @param cardUid the chip UID its last card was printed with, if any
   */
  public record RequestState(long officeId, RequestStatus status, Optional<String> cardUid) {}

  private final Store store;

  /** Late-bound: the approvals know this class as one of their handlers. */
  private final Supplier<Approvals> approvals;

  private final SpoilRecords spoils;
  private final Transactions transactions;

  public Reprints(
      Store store, Supplier<Approvals> approvals, SpoilRecords spoils, Transactions transactions) {
    this.store = store;
    this.approvals = approvals;
    this.spoils = spoils;
    this.transactions = transactions;
  }

  public Approval propose(long officeId, long requestId, String reason, User by) {
    return propose(officeId, requestId, reason, Optional.empty(), by);
  }

  /**
   * Proposes a reprint, with the first card's outcome when it is known already: it is checked now
   * (refused with nothing written: a lost card without its police report, a chip UID that is not
   * the card's, a card without chip UID and without serial) and recorded when a supervisor grants
   * the reprint.
   */
  public Approval propose(
      long officeId, long requestId, String reason, Optional<FirstCard> firstCard, User by) {
    if (!by.has(Role.OPERATOR) && !by.has(Role.SUPERVISOR)) {
      throw new DomainException(
          PrintingError.NOT_AN_OPERATOR, "Only the print room asks for a reprint");
    }
    if (reason == null || reason.isBlank()) {
      throw new DomainException(AllocationError.REASON_REQUIRED, "A reprint needs a reason");
    }
    Field.atMost(Optional.of(reason), MAX_REASON, "reprints.reason");
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
    firstCard.ifPresent(card -> check(card, requestId, request.cardUid()));
    return transactions.inTransaction(
        () -> {
          if (store.reprintOpen(requestId)) {
            throw new DomainException(
                PrintingError.REPRINT_ALREADY_PROPOSED,
                "Request " + requestId + " has a reprint proposed or granted and not printed yet",
                requestId);
          }
          Approval approval =
              approvals
                  .get()
                  .propose(
                      request.officeId(),
                      KIND,
                      Optional.of(requestId),
                      "reprint of request " + requestId,
                      reason,
                      by);
          firstCard.ifPresent(card -> store.proposeFirstCard(approval.id(), card));
          return approval;
        });
  }

  /** Refuses a first card's outcome that cannot be recorded for a card printed with {@code uid}. */
  private static void check(FirstCard card, long requestId, Optional<String> uid) {
    Field.atMost(card.serial(), MAX_NUMBER, "pickup.firstCardSerial");
    Field.atMost(card.policeReportNo(), MAX_NUMBER, "pickup.firstCardPoliceReportNo");
    if (card.outcome() == null) {
      throw new DomainException(
          PrintingError.FIRST_CARD_OUTCOME_MISSING,
          "Say what happened to the first card of request " + requestId,
          requestId);
    }
    if (card.outcome() == FirstCard.Outcome.LOST && card.policeReportNo().isEmpty()) {
      throw new DomainException(
          PrintingError.FIRST_CARD_POLICE_REPORT_REQUIRED,
          "A lost first card needs the police report number");
    }
    Optional<String> read = ChipUid.normalise(card.chipUid());
    if (read.isPresent() && !read.equals(uid)) {
      throw new DomainException(
          PrintingError.FIRST_CARD_UID_MISMATCH,
          "Chip " + read.get() + " is not the first card of request " + requestId,
          read.get(),
          requestId);
    }
    if (card.outcome() == FirstCard.Outcome.SPOILED && uid.isEmpty() && card.serial().isEmpty()) {
      throw new DomainException(
          PrintingError.FIRST_CARD_SERIAL_REQUIRED,
          "The first card of request " + requestId + " has no chip UID: give its serial",
          requestId);
    }
  }

  /**
   * Enters what happened to the first card of a reprinted request: back in the office it goes to
   * the spoiled pile with reason REPRINT (naming its chip UID, or its serial without one) to be
   * destroyed; lost, it is recorded LOST with the police report number. Refused with nothing
   * written: no outcome, a lost card without its police report, a chip UID that is not the first
   * card's, a card without chip UID and without serial, no grant awaiting it.
   */
  public void recordFirstCard(long officeId, long requestId, FirstCard card, User by) {
    if (card == null || card.outcome() == null) {
      throw new DomainException(
          PrintingError.FIRST_CARD_OUTCOME_MISSING,
          "Say what happened to the first card of request " + requestId,
          requestId);
    }
    transactions.run(
        () -> {
          AwaitedFirstCard awaited =
              store
                  .awaitingFirstCard(requestId)
                  .filter(a -> a.officeId() == officeId)
                  .orElseThrow(
                      () ->
                          new DomainException(
                              PrintingError.NO_FIRST_CARD_AWAITED,
                              "No granted reprint of request "
                                  + requestId
                                  + " awaits its first card's outcome",
                              requestId));
          check(card, requestId, awaited.firstCardUid());
          Optional<String> uid = awaited.firstCardUid();
          RecordedMovement movement =
              card.outcome() == FirstCard.Outcome.SPOILED
                  ? spoils.reprintedFirstCardSpoiled(
                      officeId, requestId, awaited.approvalId(), uid, card.serial(), by)
                  : spoils.reprintedFirstCardLost(
                      officeId,
                      requestId,
                      awaited.approvalId(),
                      uid,
                      card.serial(),
                      card.policeReportNo().orElseThrow(),
                      by);
          store.recordFirstCard(awaited.grantId(), card, movement.id(), by.username());
        });
  }

  /**
   * Refuses the handover of a reprinted request's card while a grant is not printed yet or a first
   * card's outcome is not entered; call it inside the handover's transaction.
   */
  public void requireFirstCardsAccounted(long requestId) {
    if (store.reprintPending(requestId)) {
      throw new DomainException(
          PrintingError.REPRINT_NOT_PRINTED,
          "The reprint of request " + requestId + " is not printed yet",
          requestId);
    }
    if (store.awaitingFirstCard(requestId).isPresent()) {
      throw new DomainException(
          PrintingError.FIRST_CARD_OUTCOME_REQUIRED,
          "Enter what happened to the first card of request "
              + requestId
              + " before its reprint is handed over",
          requestId);
    }
  }

  /** Whether the request has a reprint granted and not printed yet (no card to hand over). */
  public boolean reprintAwaitingPrint(long requestId) {
    return store.reprintPending(requestId);
  }

  /** Whether the request's reprinted card waits for its first card's outcome. */
  public boolean firstCardAwaited(long requestId) {
    return store.awaitingFirstCard(requestId).isPresent();
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void approved(Approval approval, User approver) {
    long requestId = approval.subjectId().orElseThrow();
    store.grant(approval.officeId(), requestId, approval.id(), approval.payload());
    FirstCard proposed = store.proposedFirstCards(List.of(approval.id())).get(approval.id());
    if (proposed != null) {
      recordFirstCard(approval.officeId(), requestId, proposed, approver);
    }
  }

  /**
   * The first card's outcome proposed with the reprint, for the supervisor who grants it: returned
   * or damaged with its chip UID or serial, never handed over, or lost with the police report
   * number; or that it is not entered yet (it is then entered when the reprint is handed over).
   */
  @Override
  public Optional<ApprovalDetail> detail(Approval approval) {
    return Optional.ofNullable(details(List.of(approval)).get(approval.id()));
  }

  /** {@link #detail} of each approval, the proposed first cards read in one statement. */
  @Override
  public Map<Long, ApprovalDetail> details(List<Approval> approvals) {
    Map<Long, FirstCard> proposed =
        store.proposedFirstCards(approvals.stream().map(Approval::id).toList());
    Map<Long, ApprovalDetail> details = new HashMap<>();
    for (Approval approval : approvals) {
      details.put(approval.id(), detail(proposed.get(approval.id())));
    }
    return details;
  }

  private static ApprovalDetail detail(FirstCard card) {
    if (card == null) {
      return ApprovalDetail.of("approval.firstCard.missing");
    }
    if (card.outcome() == FirstCard.Outcome.LOST) {
      return ApprovalDetail.of("approval.firstCard.LOST", card.policeReportNo().orElse("-"));
    }
    if (card.chipUid().isPresent()) {
      return ApprovalDetail.of(
          "approval.firstCard.SPOILED.uid", ChipUid.normalise(card.chipUid()).orElseThrow());
    }
    if (card.serial().isPresent()) {
      return ApprovalDetail.of("approval.firstCard.SPOILED.serial", card.serial().get());
    }
    return ApprovalDetail.of("approval.firstCard.SPOILED");
  }

  @Override
  public void rejected(Approval approval, User approver) {
    // nothing was granted
  }
}
