package org.cetak.quality.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.platform.Refuses;
import org.cetak.quality.CardCheck;
import org.cetak.quality.CheckReason;
import org.cetak.quality.QualityChecks;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The print room's quality check over REST: the cards waiting to be checked, passing one (its chip
 * read back) or a batch, rejecting one with its reason. A card is named by its print job.
 */
@RestController
public class QualityCheckApi {

  private final QualityChecks checks;
  private final CurrentUser currentUser;

  public QualityCheckApi(QualityChecks checks, CurrentUser currentUser) {
    this.checks = checks;
    this.currentUser = currentUser;
  }

  /** The office's printed cards waiting to be checked, oldest first. */
  @GetMapping("/api/offices/{office}/quality-check")
  @Allow(Permission.CHECK_CARD)
  @Operation(summary = "The office's printed cards waiting for the print room's quality check")
  @Refuses({})
  public Waiting waiting(Office office) {
    return new Waiting(
        checks.readerAttached(),
        checks.waiting(office.id(), currentUser.get()).stream().map(CheckView::of).toList());
  }

  /**
   * Passes one card (body: {@code {"chipUid": "04A1B2C3D4E5F6"}}, the UID read back; without it the
   * office's reader reads the card laid on it): released to the counter, its pickup SMS written.
   */
  @PostMapping("/api/offices/{office}/quality-check/{job}/pass")
  @Allow(Permission.CHECK_CARD)
  @Operation(summary = "Passes one printed card with its chip read back; its pickup SMS is written")
  @Refuses({
    "UNKNOWN_CARD_CHECK",
    "CARD_ALREADY_CHECKED",
    "CHIP_READ_REQUIRED",
    "CHIP_UID_MISMATCH",
    "CHIP_NOT_READ",
    "INVALID_CHIP_UID"
  })
  public CheckView pass(
      Office office, @PathVariable("job") long job, @RequestBody(required = false) PassBody body) {
    return CheckView.of(
        checks.pass(office.id(), job, body == null ? null : body.chipUid(), currentUser.get()));
  }

  /**
   * Passes a batch (body: {@code {"cards": [{"printJobId": 1, "chipUid": "..."}]}}, each with the
   * UID read back): all of them, or none when one is refused.
   */
  @PostMapping("/api/offices/{office}/quality-check/pass")
  @Allow(Permission.CHECK_CARD)
  @Operation(summary = "Passes a batch of printed cards, each with its chip read back, or none")
  @Refuses({
    "INVALID_CHECK_BATCH",
    "UNKNOWN_CARD_CHECK",
    "CARD_ALREADY_CHECKED",
    "CHIP_READ_REQUIRED",
    "CHIP_UID_MISMATCH",
    "INVALID_CHIP_UID"
  })
  public List<CheckView> passAll(Office office, @RequestBody(required = false) BatchBody body) {
    return checks
        .passAll(
            office.id(),
            body == null || body.cards() == null ? List.of() : body.cards(),
            currentUser.get())
        .stream()
        .map(CheckView::of)
        .toList();
  }

  /**
   * Rejects one card (body: {@code {"reason": "MISPRINT"|"COLOUR"|"CHIP_UNREADABLE"|"DAMAGED",
   * "note": "..."}}): it goes to the spoiled pile with its chip UID, its request back to the queue
   * with its priority, to be printed again.
   */
  @PostMapping("/api/offices/{office}/quality-check/{job}/reject")
  @Allow(Permission.CHECK_CARD)
  @Operation(
      summary =
          "Rejects one printed card: spoiled with its QC reason, its request back in the queue")
  @Refuses({"UNKNOWN_CARD_CHECK", "CARD_ALREADY_CHECKED", "CHECK_REASON_REQUIRED"})
  public CheckView reject(
      Office office,
      @PathVariable("job") long job,
      @RequestBody(required = false) RejectBody body) {
    return CheckView.of(
        checks.reject(
            office.id(),
            job,
            body == null ? null : body.reason(),
            body == null ? null : body.note(),
            currentUser.get()));
  }

  /** The UID read back from the card. */
  public record PassBody(String chipUid) {}

  /** The cards of a batch. */
  public record BatchBody(List<QualityChecks.Pass> cards) {}

  /** Why the card is rejected. */
  public record RejectBody(CheckReason reason, String note) {}

  /** The cards waiting, and whether the office's reader reads them. */
  public record Waiting(boolean readerAttached, List<CheckView> cards) {}

  /**
   * A card's check as the API shows it: no personal data, and not the UID recorded at print (the
   * UID is what the check reads back from the card).
   */
  public record CheckView(
      long printJobId,
      long requestId,
      String printerCode,
      Instant printedAt,
      CardCheck.Status status,
      String uidRead,
      CheckReason reason,
      String checkedBy,
      Instant checkedAt) {

    static CheckView of(CardCheck c) {
      return new CheckView(
          c.printJobId(),
          c.requestId(),
          c.printerCode(),
          c.printedAt(),
          c.status(),
          c.uidRead().orElse(null),
          c.reason().orElse(null),
          c.checkedBy().orElse(null),
          c.checkedAt().orElse(null));
    }
  }
}
