package org.cetak.printing.web;

import io.swagger.v3.oas.annotations.Operation;
import org.cetak.common.DomainException;
import org.cetak.common.Transactions;
import org.cetak.office.Audit;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.cetak.platform.Refuses;
import org.cetak.printing.CardPreparer;
import org.cetak.printing.PrintQueue;
import org.cetak.printing.PrintingError;
import org.cetak.printing.QueuedCard;
import org.cetak.printing.face.CardFaceRenderer;
import org.cetak.printing.face.CardSide;
import org.cetak.printing.face.InvalidCardFaceDataException;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A request's card face as it will be printed, as a PNG image, for an officer to check. */
@RestController
public class CardPreviewController {

  private final PrintQueue queue;
  private final Transactions transactions;
  private final CardFaceRenderer renderer;
  private final CardPreparer preparer;
  private final CurrentUser currentUser;
  private final Audit audit;

  public CardPreviewController(
      PrintQueue queue,
      Transactions transactions,
      CardFaceRenderer renderer,
      CardPreparer preparer,
      CurrentUser currentUser,
      Audit audit) {
    this.audit = audit;
    this.queue = queue;
    this.transactions = transactions;
    this.renderer = renderer;
    this.preparer = preparer;
    this.currentUser = currentUser;
  }

  /** The card face as it will be printed; it shows the full NIK, so each view is audited. */
  @GetMapping(
      value = "/api/offices/{office}/requests/{requestId}/card.png",
      produces = MediaType.IMAGE_PNG_VALUE)
  @Allow(Permission.SEE_CARD_FACE)
  @Operation(
      summary =
          "A request's card face as it will be printed, as PNG; it shows the full NIK, so each view is audited")
  @Refuses({"UNKNOWN_REQUEST", "CARD_FACE_UNREADABLE"})
  public ResponseEntity<byte[]> preview(
      Office office,
      @PathVariable("requestId") long requestId,
      @RequestParam(name = "side", defaultValue = "FRONT") CardSide side) {
    User user = currentUser.get();
    QueuedCard card =
        transactions
            .inTransaction(() -> queue.card(requestId))
            .orElseThrow(
                () ->
                    new DomainException(
                        PrintingError.UNKNOWN_REQUEST, "No print request " + requestId, requestId));
    if (card.officeId() != office.id()) {
      throw new DomainException(
          PrintingError.UNKNOWN_REQUEST,
          "No print request " + requestId + " in office " + office.code(),
          requestId);
    }
    audit.record(
        office.id(), user.username(), "NIK_VIEWED", "request " + requestId, "card face " + side);
    byte[] png;
    try {
      png = renderer.previewPng(preparer.faceData(card, preparer.issuedToday(card)), side);
    } catch (InvalidCardFaceDataException e) {
      throw new DomainException(
          PrintingError.CARD_FACE_UNREADABLE,
          "Card face of request " + requestId + " cannot be drawn: " + e.field(),
          requestId);
    }
    // personal data: never cached by a browser or a proxy
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(png);
  }
}
