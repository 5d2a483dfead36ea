package org.cetak.pickup.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cetak.common.DomainException;
import org.cetak.common.Masking;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.cetak.pickup.CardAtCounter;
import org.cetak.pickup.Handover;
import org.cetak.pickup.HandoverForm;
import org.cetak.pickup.OldCard;
import org.cetak.pickup.PickupService;
import org.cetak.pickup.Recipient;
import org.cetak.pickup.UnclaimedCard;
import org.cetak.platform.ApiError;
import org.cetak.platform.Refuses;
import org.cetak.printing.FirstCard;
import org.cetak.request.RequestSearch;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The counter officer's API of an office: find a card, hand it over, the unclaimed list. */
@RestController
@RequestMapping("/api/offices/{office}/pickup")
public class PickupApi {

  private final PickupService pickup;
  private final CurrentUser currentUser;

  public PickupApi(PickupService pickup, CurrentUser currentUser) {
    this.pickup = pickup;
    this.currentUser = currentUser;
  }

  /**
   * Cards of the office by {@code nik}, {@code name} (+ {@code birthDate}) or {@code suket}, sent
   * in the body so that no personal data reaches an address.
   */
  @PostMapping("/cards/search")
  @Allow(Permission.FIND_CARD)
  @Operation(
      summary =
          "Finds the office's cards by NIK, by name (and birth date) or by Suket number (sent in"
              + " the body)")
  @Refuses({"INVALID_NIK", "NAME_TOO_SHORT", "SUKET_REQUIRED", "MISSING_PARAMETER"})
  public List<CardView> find(Office office, @RequestBody Search search) {
    User user = currentUser.get();
    return pickup
        .find(
            office.id(),
            query(search.nik(), search.name(), search.birthDate(), search.suket()),
            user)
        .stream()
        .map(CardView::of)
        .toList();
  }

  /** What the counter searches by: one of NIK, name (with the birth date) or Suket number. */
  public record Search(String nik, String name, LocalDate birthDate, String suket) {
    @Override
    public String toString() {
      return "Search[" + (nik == null ? "" : Masking.nik(nik)) + "]";
    }
  }

  static RequestSearch query(String nik, String name, LocalDate birthDate, String suket) {
    if (nik != null && !nik.isBlank()) {
      return new RequestSearch.ByNik(nik);
    }
    if (name != null && !name.isBlank()) {
      return new RequestSearch.ByName(name, Optional.ofNullable(birthDate));
    }
    if (suket != null && !suket.isBlank()) {
      return new RequestSearch.BySuket(suket);
    }
    throw new DomainException(
        ApiError.MISSING_PARAMETER, "Search by nik, by name (and birthDate) or by suket");
  }

  @GetMapping("/cards/{requestId}")
  @Allow(Permission.FIND_CARD)
  @Operation(summary = "One request's card as the counter sees it (NIK masked)")
  @Refuses({"UNKNOWN_REQUEST"})
  public CardView card(Office office, @PathVariable("requestId") long requestId) {
    User user = currentUser.get();
    return CardView.of(pickup.card(office.id(), requestId, user));
  }

  /** Hands the card over; refused with a problem document when a check is missing. */
  @PostMapping("/cards/{requestId}/handover")
  @Allow(Permission.HAND_OVER_CARD)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Hands a printed card over to the resident or a representative, once")
  @Refuses({
    "UNKNOWN_REQUEST",
    "NOT_PRINTED",
    "ALREADY_HANDED_OVER",
    "SUKET_NOT_SHOWN",
    "FACE_NOT_CONFIRMED",
    "FINGERPRINT_REQUIRED",
    "HANDOVER_INCOMPLETE",
    "REPRESENTATIVE_DETAILS_REQUIRED",
    "OLD_CARD_REQUIRED",
    "NO_OLD_CARD_FOR_FIRST_CARD",
    "POLICE_REPORT_REQUIRED",
    "INVALID_CHIP_UID",
    "FIRST_CARD_OUTCOME_REQUIRED",
    "FIRST_CARD_OUTCOME_MISSING",
    "FIRST_CARD_POLICE_REPORT_REQUIRED",
    "FIRST_CARD_SERIAL_REQUIRED",
    "FIRST_CARD_UID_MISMATCH",
    "REPRINT_NOT_PRINTED",
    "TEXT_TOO_LONG"
  })
  public HandoverView handOver(
      Office office, @PathVariable("requestId") long requestId, @RequestBody HandoverBody body) {
    if (body == null) {
      throw new DomainException(ApiError.MALFORMED_BODY, "Send the handover as JSON");
    }
    User user = currentUser.get();
    return HandoverView.of(pickup.handOver(office.id(), requestId, body.form(), user));
  }

  @GetMapping("/cards/{requestId}/handover")
  @Allow(Permission.SEE_HANDOVERS)
  @Operation(summary = "The handover recorded for a card")
  @Refuses({"UNKNOWN_REQUEST"})
  public HandoverView handover(Office office, @PathVariable("requestId") long requestId) {
    User user = currentUser.get();
    return pickup
        .handover(office.id(), requestId, user)
        .map(HandoverView::of)
        .orElseThrow(
            () ->
                new DomainException(
                    org.cetak.printing.PrintingError.UNKNOWN_REQUEST,
                    "Request " + requestId + " has no handover"));
  }

  /** Printed cards not collected yet, oldest first, with their age in days. */
  @GetMapping("/unclaimed")
  @Allow(Permission.SEE_HANDOVERS)
  @Operation(summary = "Printed cards of the office not collected yet, oldest first")
  @Refuses({})
  public List<UnclaimedCard> unclaimed(Office office) {
    User user = currentUser.get();
    return pickup.unclaimed(office.id(), user);
  }

  /**
   * A card as the counter sees it; the NIK masked. {@code awaitingCheck}: printed, not checked by
   * the print room yet (not at the counter).
   */
  public record CardView(
      long requestId,
      String nik,
      String name,
      Optional<LocalDate> birthDate,
      Optional<String> suketNumber,
      String reason,
      String status,
      Optional<Instant> printedAt,
      Optional<String> cardUid,
      Optional<Instant> handedAt,
      boolean awaitingCheck,
      boolean collectable,
      boolean replacement) {

    static CardView of(CardAtCounter c) {
      return new CardView(
          c.requestId(),
          c.nikMasked(),
          c.name(),
          c.birthDate(),
          c.suketNumber(),
          c.reason().name(),
          c.status().name(),
          c.printedAt(),
          c.cardUid(),
          c.handedAt(),
          c.awaitingCheck(),
          c.collectable(),
          c.replacement());
    }
  }

  /**
   * The handover as JSON: {@code recipient} RESIDENT or REPRESENTATIVE, {@code oldCard} NONE,
   * RETURNED or LOST; for a reprinted card, the first card's outcome with the console form's
   * fields: {@code firstCardOutcome} SPOILED (in the office) or LOST, {@code firstCardUid}, {@code
   * firstCardSerial}, {@code firstCardPoliceReportNo}.
   */
  public record HandoverBody(
      boolean suketShown,
      boolean faceMatches,
      Boolean fingerprintVerified,
      Recipient recipient,
      String representativeName,
      String authorityLetterNo,
      OldCard oldCard,
      String oldCardUid,
      String oldCardSerial,
      String policeReportNo,
      FirstCard.Outcome firstCardOutcome,
      String firstCardUid,
      String firstCardSerial,
      String firstCardPoliceReportNo) {

    HandoverForm form() {
      return new HandoverForm(
          suketShown,
          faceMatches,
          Optional.ofNullable(fingerprintVerified),
          recipient,
          Optional.ofNullable(representativeName),
          Optional.ofNullable(authorityLetterNo),
          oldCard,
          Optional.ofNullable(oldCardUid),
          Optional.ofNullable(oldCardSerial),
          Optional.ofNullable(policeReportNo),
          Optional.ofNullable(firstCardOutcome)
              .map(
                  outcome ->
                      new FirstCard(
                          outcome,
                          Optional.ofNullable(firstCardUid),
                          Optional.ofNullable(firstCardSerial),
                          Optional.ofNullable(firstCardPoliceReportNo))));
    }
  }

  /** A recorded handover. */
  public record HandoverView(
      long id,
      long requestId,
      String cardUid,
      String recipient,
      Optional<String> representativeName,
      Optional<String> authorityLetterNo,
      boolean suketShown,
      boolean faceMatches,
      Optional<Boolean> fingerprintVerified,
      String oldCard,
      Optional<String> policeReportNo,
      Optional<Long> oldCardMovementId,
      String handedBy,
      Instant handedAt) {

    static HandoverView of(Handover h) {
      return new HandoverView(
          h.id(),
          h.requestId(),
          h.cardUid(),
          h.form().recipient().name(),
          h.form().representativeName(),
          h.form().authorityLetterNo(),
          h.form().suketShown(),
          h.form().faceMatches(),
          h.form().fingerprintVerified(),
          h.form().oldCard().name(),
          h.form().policeReportNo(),
          h.oldCardMovementId(),
          h.handedBy(),
          h.handedAt());
    }
  }
}
