package org.cetak.stock;

import java.time.LocalDate;
import java.util.List;

/** What the inventory manager writes on a destruction report before it is approved. */
public record DestructionProposal(
    LocalDate date, String place, List<String> witnesses, List<DestructionLine> cards) {

  public DestructionProposal {
    witnesses = witnesses == null ? List.of() : List.copyOf(witnesses);
    cards = cards == null ? List.of() : List.copyOf(cards);
  }
}
