package org.cetak.printing.web;

import java.time.Clock;
import java.time.LocalDate;
import org.cetak.allocation.PrintQueue;
import org.cetak.allocation.QueuedCard;
import org.cetak.common.DomainException;
import org.cetak.common.Transactions;
import org.cetak.office.OfficeError;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.cetak.printing.CardPreparer;
import org.cetak.printing.PrintingError;
import org.cetak.printing.face.CardFaceRenderer;
import org.cetak.printing.face.CardSide;
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
  private final Clock clock;

  public CardPreviewController(
      PrintQueue queue,
      Transactions transactions,
      CardFaceRenderer renderer,
      CardPreparer preparer,
      CurrentUser currentUser,
      Clock clock) {
    this.queue = queue;
    this.transactions = transactions;
    this.renderer = renderer;
    this.preparer = preparer;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @GetMapping(value = "/api/requests/{requestId}/card.png", produces = MediaType.IMAGE_PNG_VALUE)
  public ResponseEntity<byte[]> preview(
      @PathVariable("requestId") long requestId,
      @RequestParam(name = "side", defaultValue = "FRONT") CardSide side) {
    User user = currentUser.get();
    if (!user.has(Role.OPERATOR) && !user.has(Role.SUPERVISOR) && !user.has(Role.COUNTER_OFFICER)) {
      throw new DomainException(
          OfficeError.NOT_ALLOWED, "Card previews are for officers of the print room");
    }
    QueuedCard card =
        transactions
            .inTransaction(() -> queue.card(requestId))
            .orElseThrow(
                () ->
                    new DomainException(
                        PrintingError.UNKNOWN_REQUEST, "No print request " + requestId));
    if (card.officeId() != user.officeId() && !user.has(Role.ADMIN)) {
      throw new DomainException(
          OfficeError.OTHER_OFFICE, "Request " + requestId + " belongs to another office");
    }
    byte[] png = renderer.previewPng(preparer.faceData(card, LocalDate.now(clock)), side);
    // personal data: never cached by a browser or a proxy
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(png);
  }
}
