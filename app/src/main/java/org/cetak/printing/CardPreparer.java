package org.cetak.printing;

import java.time.Clock;
import java.time.LocalDate;
import org.cetak.intake.ResidentRecord;
import org.cetak.printing.face.CardFaceData;
import org.cetak.printing.face.CardFaceRenderer;

/** Renders a request's card faces into panels and builds its chip payload. */
public final class CardPreparer {

  private final CardFaceRenderer renderer;
  private final Clock clock;

  public CardPreparer(CardFaceRenderer renderer, Clock clock) {
    this.renderer = renderer;
    this.clock = clock;
  }

  public PreparedCard prepare(QueuedCard card, boolean reprint) {
    return new PreparedCard(
        card.requestId(),
        renderer.render(faceData(card, LocalDate.now(clock))).panels(),
        ChipProfile.payload(card),
        reprint);
  }

  /** What is printed on the card; the place of issue is the regency of the record. */
  public static CardFaceData faceData(QueuedCard card, LocalDate issued) {
    ResidentRecord order = card.record();
    return new CardFaceData(
        order.province(),
        order.regency(),
        order.nik(),
        order.name(),
        order.birthPlace(),
        order.birthDate(),
        order.sex(),
        order.bloodType().orElse(""),
        order.address(),
        order.rt(),
        order.rw(),
        order.village(),
        order.district(),
        order.religion(),
        order.maritalStatus(),
        order.occupation(),
        order.citizenship(),
        card.payloads().photo(),
        card.payloads().signature(),
        order.regency(),
        issued);
  }
}
