package org.cetak.pickup;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cetak.allocation.AllocationError;
import org.cetak.common.DomainException;
import org.cetak.common.Field;
import org.cetak.common.Transactions;
import org.cetak.consolidation.ConsolidationService;
import org.cetak.intake.RequestStatus;
import org.cetak.office.Access;
import org.cetak.office.Audit;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.cetak.printing.PrintingError;
import org.cetak.printing.Reprints;
import org.cetak.request.RequestLifecycle;
import org.cetak.request.RequestSearch;
import org.cetak.stock.RecordedMovement;
import org.cetak.stock.SpoilRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counter's side of a printed card (pengambilan KTP-el): finding it, handing it over once to
 * the resident or a representative with a letter of authority, withdrawing the old card into the
 * ledger, and the list of cards nobody collected yet.
 *
 * <p>A handover is one transaction: the request moves to HANDED_OVER, the handover is recorded (the
 * database refuses a second one for the request or its card), a returned old card enters the ledger
 * as a withdrawn old card awaiting destruction, and the handover is queued for the centre.
 */
public final class PickupService {

  /** The longest representative's name the handover keeps. */
  static final int MAX_NAME = 100;

  /** The longest document number (letter of authority, police report, card serial) it keeps. */
  static final int MAX_NUMBER = 64;

  private static final Logger log = LoggerFactory.getLogger(PickupService.class);

  private static final int FIND_LIMIT = 20;

  private final PickupStore store;
  private final RequestLifecycle lifecycle;
  private final SpoilRecords spoils;
  private final Reprints reprints;
  private final ConsolidationService consolidation;
  private final Access access;
  private final Audit audit;
  private final Transactions transactions;
  private final boolean fingerprintReader;

  public PickupService(
      PickupStore store,
      RequestLifecycle lifecycle,
      SpoilRecords spoils,
      Reprints reprints,
      ConsolidationService consolidation,
      Access access,
      Audit audit,
      Transactions transactions,
      boolean fingerprintReader) {
    this.store = store;
    this.lifecycle = lifecycle;
    this.spoils = spoils;
    this.reprints = reprints;
    this.consolidation = consolidation;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
    this.fingerprintReader = fingerprintReader;
  }

  /** Whether the office verifies fingerprints at the counter (it has a reader). */
  public boolean fingerprintReader() {
    return fingerprintReader;
  }

  /** Finds the office's cards by NIK, by name (with birth date to narrow), or by Suket number. */
  public List<CardAtCounter> find(long officeId, RequestSearch search, User by) {
    access.require(by, Permission.FIND_CARD, officeId);
    RequestSearch checked = check(search);
    List<CardAtCounter> found = store.find(officeId, checked, FIND_LIMIT);
    audit.record(
        officeId, by.username(), "CARD_SEARCH", checked.toString(), found.size() + " found");
    return found;
  }

  private static RequestSearch check(RequestSearch search) {
    if (search instanceof RequestSearch.ByNik byNik) {
      String nik = byNik.nik() == null ? "" : byNik.nik().strip();
      if (!nik.matches("\\d{16}")) {
        throw new DomainException(AllocationError.INVALID_NIK, "A NIK is 16 digits");
      }
      return new RequestSearch.ByNik(nik);
    }
    if (search instanceof RequestSearch.ByName byName) {
      String name = byName.name() == null ? "" : byName.name().strip();
      if (name.length() < 3) {
        throw new DomainException(
            PickupError.NAME_TOO_SHORT, "Give at least 3 letters of the name");
      }
      Optional<LocalDate> born = byName.birthDate() == null ? Optional.empty() : byName.birthDate();
      return new RequestSearch.ByName(name, born);
    }
    RequestSearch.BySuket bySuket = (RequestSearch.BySuket) search;
    String number = bySuket.number() == null ? "" : bySuket.number().strip();
    if (number.isEmpty()) {
      throw new DomainException(PickupError.SUKET_REQUIRED, "Give the Suket number");
    }
    return new RequestSearch.BySuket(number);
  }

  /** One request of the office, for the handover form. */
  public CardAtCounter card(long officeId, long requestId, User by) {
    access.require(by, Permission.FIND_CARD, officeId);
    return store
        .card(requestId)
        .filter(c -> c.officeId() == officeId)
        .orElseThrow(
            () ->
                new DomainException(
                    PrintingError.UNKNOWN_REQUEST,
                    "No print request " + requestId + " in this office",
                    requestId));
  }

  /**
   * The full NIK of a card, for the counter officer who hands it over and must compare it with the
   * resident's documents; every such view is in the audit trail ({@code NIK_VIEWED}).
   */
  public String showNik(long officeId, long requestId, User by) {
    access.require(by, Permission.HAND_OVER_CARD, officeId);
    CardAtCounter card = card(officeId, requestId, by);
    audit.record(officeId, by.username(), "NIK_VIEWED", "request " + requestId, "counter handover");
    return card.nik();
  }

  /** Hands a printed card over, once. */
  public Handover handOver(long officeId, long requestId, HandoverForm form, User by) {
    access.require(by, Permission.HAND_OVER_CARD, officeId);
    validate(form);
    return transactions.inTransaction(
        () -> {
          CardAtCounter card =
              store
                  .lock(requestId)
                  .filter(c -> c.officeId() == officeId)
                  .orElseThrow(
                      () ->
                          new DomainException(
                              PrintingError.UNKNOWN_REQUEST,
                              "No print request " + requestId + " in this office",
                              requestId));
          if (card.status() == RequestStatus.HANDED_OVER) {
            throw new DomainException(
                PickupError.ALREADY_HANDED_OVER,
                "The card of request " + requestId + " was handed over");
          }
          if (card.status() != RequestStatus.PRINTED) {
            throw new DomainException(
                PrintingError.NOT_PRINTED,
                "Request " + requestId + " is " + card.status() + ": there is no card to hand over",
                requestId);
          }
          if (card.awaitingCheck()) {
            throw new DomainException(
                PickupError.CARD_NOT_CHECKED,
                "The card of request "
                    + requestId
                    + " waits for the print room's quality check: it is not at the counter yet",
                requestId);
          }
          checkOldCard(card, form);
          if (form.firstCard().isPresent()) {
            reprints.recordFirstCard(officeId, requestId, form.firstCard().get(), by);
          }
          reprints.requireFirstCardsAccounted(requestId);
          lifecycle.markHandedOver(requestId, by.username());
          Optional<Long> movement = Optional.empty();
          if (form.oldCard() == OldCard.RETURNED) {
            RecordedMovement withdrawn =
                spoils.withdrawnOldCard(
                    officeId,
                    requestId,
                    form.oldCardUid(),
                    form.oldCardSerial(),
                    "withdrawn at handover of request " + requestId,
                    by);
            movement = Optional.of(withdrawn.id());
          }
          Handover handover;
          try {
            handover =
                store.record(
                    officeId, requestId, card.cardUid().orElse(""), form, movement, by.username());
          } catch (PickupStore.AlreadyHandedOver e) {
            throw new DomainException(PickupError.ALREADY_HANDED_OVER, e.getMessage());
          }
          consolidation.handedOver(requestId, handover.handedAt());
          audit.record(
              officeId,
              by.username(),
              "CARD_HANDED_OVER",
              "request " + requestId,
              "to "
                  + form.recipient()
                  + form.authorityLetterNo().map(l -> " (letter " + l + ")").orElse("")
                  + ", old card "
                  + form.oldCard()
                  + form.policeReportNo().map(p -> " (police report " + p + ")").orElse("")
                  + form.firstCard().map(c -> ", first card " + c.outcome()).orElse(""));
          log.info(
              "Card of request {} ({}) handed over to {} by {}",
              requestId,
              card.nikMasked(),
              form.recipient(),
              by.username());
          return handover;
        });
  }

  private void validate(HandoverForm form) {
    if (form.recipient() == null || form.oldCard() == null) {
      throw new DomainException(
          PickupError.HANDOVER_INCOMPLETE,
          "Say who collects the card and what happened to the old card");
    }
    switch (form.recipient()) {
      case RESIDENT -> {
        if (!form.faceMatches()) {
          throw new DomainException(
              PickupError.FACE_NOT_CONFIRMED, "Confirm that the resident's face matches the card");
        }
        if (fingerprintReader && !form.fingerprintVerified().orElse(false)) {
          throw new DomainException(
              PickupError.FINGERPRINT_REQUIRED,
              "This office verifies the fingerprint before a handover");
        }
        if (!form.suketShown() && !form.fingerprintVerified().orElse(false)) {
          throw new DomainException(
              PickupError.SUKET_NOT_SHOWN,
              "The resident shows the Suket (or the fingerprint is verified)");
        }
      }
      case REPRESENTATIVE -> {
        if (form.representativeName().isEmpty() || form.authorityLetterNo().isEmpty()) {
          throw new DomainException(
              PickupError.REPRESENTATIVE_DETAILS_REQUIRED,
              "A representative needs a name and a letter of authority");
        }
        if (!form.suketShown()) {
          throw new DomainException(
              PickupError.SUKET_NOT_SHOWN, "A representative shows the resident's Suket");
        }
      }
    }
    Field.atMost(form.representativeName(), MAX_NAME, "pickup.representativeName");
    Field.atMost(form.authorityLetterNo(), MAX_NUMBER, "pickup.authorityLetterNo");
    Field.atMost(form.oldCardSerial(), MAX_NUMBER, "pickup.oldCardSerial");
    Field.atMost(form.policeReportNo(), MAX_NUMBER, "pickup.policeReportNo");
    if (form.oldCard() == OldCard.LOST && form.policeReportNo().isEmpty()) {
      throw new DomainException(
          PickupError.POLICE_REPORT_REQUIRED, "A lost old card needs the police report number");
    }
  }

  private static void checkOldCard(CardAtCounter card, HandoverForm form) {
    if (!card.replacement() && form.oldCard() != OldCard.NONE) {
      throw new DomainException(
          PickupError.NO_OLD_CARD_FOR_FIRST_CARD, "A first card replaces no old card");
    }
    if (card.replacement() && form.oldCard() == OldCard.NONE) {
      throw new DomainException(
          PickupError.OLD_CARD_REQUIRED,
          "A replacement card is handed over against the old card or its police report");
    }
  }

  /**
   * Whether a reprint of the card is granted and not printed yet: the card at hand is the first
   * one, and there is nothing to hand over until the reprint is printed.
   */
  public boolean reprintAwaitingPrint(long officeId, long requestId, User by) {
    card(officeId, requestId, by);
    return reprints.reprintAwaitingPrint(requestId);
  }

  /**
   * Whether the card is a reprint whose first card's outcome is still to be entered (the handover
   * form asks for it).
   */
  public boolean firstCardAwaited(long officeId, long requestId, User by) {
    card(officeId, requestId, by);
    return reprints.firstCardAwaited(requestId);
  }

  /** The office's printed cards not collected yet, oldest first, with their age. */
  public List<UnclaimedCard> unclaimed(long officeId, User by) {
    access.require(by, Permission.SEE_HANDOVERS, officeId);
    return store.unclaimed(officeId, 500);
  }

  /** The handover of a request, if its card was handed over. */
  public Optional<Handover> handover(long officeId, long requestId, User by) {
    access.require(by, Permission.SEE_HANDOVERS, officeId);
    return store.handover(requestId).filter(h -> h.officeId() == officeId);
  }
}
