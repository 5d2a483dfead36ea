package org.cetak.stock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A destruction report (berita acara pemusnahan): numbered per office and year, dated, witnessed,
 * listing each card destroyed. Proposed by one person; the cards move from the spoiled pile to
 * destroyed only when a supervisor approves it.
 *
 * @param proposer who proposed it, as they were when they did: the report prints them so
 * @param approver the supervisor who approved it, as they were then; empty until approved
 */
public record DestructionReport(
    long id,
    long officeId,
    String number,
    LocalDate date,
    String place,
    List<String> witnesses,
    Status status,
    Optional<Long> approvalId,
    String proposedBy,
    Instant proposedAt,
    Optional<Instant> destroyedAt,
    List<Card> cards,
    Signatory proposer,
    Optional<Signatory> approver) {

  public enum Status {
    PROPOSED,
    DESTROYED,
    REJECTED
  }

  /** One card on the report, with the spoil movement that put it on the pile. */
  public record Card(
      long spoilMovementId,
      Item item,
      Optional<String> chipUid,
      Optional<String> serial,
      String reason,
      Optional<Long> requestId) {}

  public long count(Item item) {
    return cards.stream().filter(c -> c.item() == item).count();
  }
}
