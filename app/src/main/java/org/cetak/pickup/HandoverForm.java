package org.cetak.pickup;

import java.util.Optional;
import org.cetak.common.Masking;
import org.cetak.printing.FirstCard;

/**
 * What the counter officer records when handing a card over (pengambilan KTP-el): the checks
 * ticked, who collects it, and the old card.
 *
 * @param suketShown the resident's Surat Keterangan (or the request's receipt) was shown
 * @param faceMatches the face of the resident matches the card's photo
 * @param fingerprintVerified the fingerprint was verified on the office's reader; empty where the
 *     office has none
 * @param oldCardUid the withdrawn old card's chip UID, when it can be read
 * @param oldCardSerial the number printed on the withdrawn old card, when legible
 * @param policeReportNo the police report (surat keterangan kehilangan) of a lost old card
 * @param firstCard what happened to the first card of a reprinted request, entered with the
 *     handover of its reprint
 */
public record HandoverForm(
    boolean suketShown,
    boolean faceMatches,
    Optional<Boolean> fingerprintVerified,
    Recipient recipient,
    Optional<String> representativeName,
    Optional<String> authorityLetterNo,
    OldCard oldCard,
    Optional<String> oldCardUid,
    Optional<String> oldCardSerial,
    Optional<String> policeReportNo,
    Optional<FirstCard> firstCard) {

  /** A handover that enters no first card's outcome. */
  public HandoverForm(
      boolean suketShown,
      boolean faceMatches,
      Optional<Boolean> fingerprintVerified,
      Recipient recipient,
      Optional<String> representativeName,
      Optional<String> authorityLetterNo,
      OldCard oldCard,
      Optional<String> oldCardUid,
      Optional<String> oldCardSerial,
      Optional<String> policeReportNo) {
    this(
        suketShown,
        faceMatches,
        fingerprintVerified,
        recipient,
        representativeName,
        authorityLetterNo,
        oldCard,
        oldCardUid,
        oldCardSerial,
        policeReportNo,
        Optional.empty());
  }

  public HandoverForm {
    firstCard = firstCard == null ? Optional.empty() : firstCard;
    representativeName = trimmed(representativeName);
    authorityLetterNo = trimmed(authorityLetterNo);
    oldCardUid = trimmed(oldCardUid);
    oldCardSerial = trimmed(oldCardSerial);
    policeReportNo = trimmed(policeReportNo);
  }

  /**
   * The representative's name as a record shows it, masked to its initials ({@link Masking#name});
   * {@code -} when none was recorded.
   */
  public String representativeNameMasked() {
    return representativeName.map(Masking::name).orElse("-");
  }

  private static Optional<String> trimmed(Optional<String> value) {
    return value == null ? Optional.empty() : value.map(String::strip).filter(s -> !s.isEmpty());
  }

  @Override
  public String toString() {
    return "HandoverForm[recipient="
        + recipient
        + ", oldCard="
        + oldCard
        + firstCard.map(c -> ", firstCard=" + c.outcome()).orElse("")
        + "]";
  }
}
