package org.cetak.stock;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.approval.ApprovalHandler;
import org.cetak.common.DomainException;
import org.cetak.office.User;

/** Carries out an approved write-off: the blanks move onto the spoiled pile. */
public final class WriteOffApproval implements ApprovalHandler {

  /** Approval kind of a write-off. */
  public static final String KIND = "WRITE_OFF";

  private final Ledger ledger;

  public WriteOffApproval(Ledger ledger) {
    this.ledger = ledger;
  }

  /** What a write-off proposal carries, as {@code key=value;} text in the approval. */
  public record Payload(Place from, int quantity, SpoilReason reason, String note) {

    String encode() {
      return "location="
          + from.location()
          + ";printer="
          + from.printerId().map(String::valueOf).orElse("")
          + ";quantity="
          + quantity
          + ";reason="
          + reason
          + ";note="
          + note.replace(";", ",");
    }

    static Payload decode(String text) {
      Map<String, String> values = new HashMap<>();
      for (String part : text.split(";", -1)) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          values.put(part.substring(0, eq), part.substring(eq + 1));
        }
      }
      try {
        String printer = values.getOrDefault("printer", "");
        return new Payload(
            new Place(
                Location.valueOf(values.get("location")),
                printer.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(printer))),
            Integer.parseInt(values.get("quantity")),
            SpoilReason.valueOf(values.get("reason")),
            values.getOrDefault("note", ""));
      } catch (RuntimeException e) {
        throw new IllegalStateException("Unreadable write-off payload: " + text, e);
      }
    }
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void approved(Approval approval, User approver) {
    Payload payload = Payload.decode(approval.payload());
    if (payload.quantity() <= 0) {
      throw new DomainException(StockError.INVALID_QUANTITY, "Write-off of " + payload.quantity());
    }
    ledger.record(
        new Movement(
            approval.officeId(),
            Item.BLANK,
            payload.from(),
            Place.of(Location.SPOILED),
            payload.quantity(),
            payload.reason().name(),
            approver.username(),
            ReferenceKind.APPROVAL,
            approval.id(),
            Movement.Detail.none()
                .withNote(
                    "write-off proposed by "
                        + approval.proposedBy()
                        + (payload.note().isEmpty() ? "" : ": " + payload.note()))));
  }

  @Override
  public void rejected(Approval approval, User approver) {
    // nothing moved while it was proposed, so nothing to undo
  }
}
