package org.cetak.printing;

import java.time.Clock;
import java.time.LocalDate;
import org.cetak.intake.ResidentRecord;
import org.cetak.printing.device.WirePanels;
import org.cetak.printing.face.CardFaceData;
import org.cetak.printing.face.CardFaceRenderer;
import org.cetak.region.RegionTable;

/**
 * Renders a request's card faces into panels, encodes them for the printer's wire, and builds its
 * chip payload.
 */
public final class CardPreparer {

  private final CardFaceRenderer renderer;
  private final RegionTable regions;
  private final Clock clock;

  public CardPreparer(CardFaceRenderer renderer, RegionTable regions, Clock clock) {
    this.renderer = renderer;
    this.regions = regions;
    this.clock = clock;
  }

  /**
   * The day the card is issued: today in the time zone of the office that prints it (WIB, WITA or
   * WIT), so a card printed in Makassar after its midnight carries the new day.
   */
  public LocalDate issuedToday(QueuedCard card) {
    return LocalDate.now(clock.withZone(card.officeZone()));
  }

  /**
   * The card ready to print. Refused for a card without its photo: it would print with a
   * placeholder face (the queue fetches the photo first, or passes the request over).
   */
  public PreparedCard prepare(QueuedCard card, boolean reprint) {
    if (!card.hasPhoto()) {
      throw new IllegalStateException(
          "Request " + card.requestId() + " has no photo: its card is not printed without one");
    }
    return new PreparedCard(
        card.requestId(),
        WirePanels.encode(renderer.render(faceData(card, issuedToday(card))).panels()),
        ChipProfile.payload(card),
        reprint);
  }

  /**
   * What is printed on the card. The front's header names the resident's province and regency; the
   * card is issued by the office that prints it, so the place of issue is that office's regency
   * (the record's own regency only when the office code names none).
   */
  public CardFaceData faceData(QueuedCard card, LocalDate issued) {
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
        regions.regencyName(card.officeCode()).orElse(order.regency()),
        issued);
  }
}
