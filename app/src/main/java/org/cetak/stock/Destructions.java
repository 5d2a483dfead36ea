package org.cetak.stock;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cetak.approval.Approval;
import org.cetak.approval.Approvals;
import org.cetak.common.DomainException;
import org.cetak.common.Field;
import org.cetak.common.OfficeZones;
import org.cetak.common.Transactions;
import org.cetak.office.Access;
import org.cetak.office.Permission;
import org.cetak.office.User;

/**
 * Proposals of destruction reports (berita acara pemusnahan) listing cards on the spoiled pile.
 * Nothing moves until a supervisor other than the proposer approves; {@link DestructionApproval}
 * then moves each card to destroyed.
 */
public final class Destructions {

  /** The longest place of destruction or witness's name a report prints. */
  static final int MAX_TEXT = 200;

  private final DestructionReports reports;
  private final Approvals approvals;
  private final Access access;
  private final Transactions transactions;
  private final OfficeZones zones;
  private final Clock clock;

  public Destructions(
      DestructionReports reports,
      Approvals approvals,
      Access access,
      Transactions transactions,
      OfficeZones zones,
      Clock clock) {
    this.zones = zones;
    this.reports = reports;
    this.clock = clock;
    this.approvals = approvals;
    this.access = access;
    this.transactions = transactions;
  }

  /**
   * Proposes a destruction report. A card not on the pile, or already on another report, is
   * refused.
   */
  public DestructionReport propose(long officeId, DestructionProposal proposal, User by) {
    access.require(by, Permission.PROPOSE_DISPOSAL, officeId);
    if (proposal.cards().isEmpty()) {
      throw new DomainException(
          StockError.NO_CARDS, "A destruction report lists at least one card");
    }
    if (proposal.witnesses().size() < 2
        || proposal.witnesses().stream().anyMatch(w -> w == null || w.isBlank())) {
      throw new DomainException(
          StockError.WITNESSES_REQUIRED, "A destruction report needs at least two named witnesses");
    }
    if (proposal.date() == null) {
      throw new DomainException(StockError.DATE_REQUIRED, "A destruction report needs its date");
    }
    LocalDate today = LocalDate.now(clock.withZone(zones.of(officeId)));
    if (proposal.date().isAfter(today)) {
      throw new DomainException(
          StockError.DOCUMENT_DATE_IN_FUTURE,
          "The destruction report's date " + proposal.date() + " is after today, " + today,
          proposal.date(),
          today);
    }
    Field.atMost(Optional.ofNullable(proposal.place()), MAX_TEXT, "stockpage.place");
    for (String witness : proposal.witnesses()) {
      Field.atMost(Optional.of(witness), MAX_TEXT, "stockpage.witnessName");
    }
    return transactions.inTransaction(
        () -> {
          Map<Long, Integer> taken = new HashMap<>();
          List<DestructionReport.Card> cards = new ArrayList<>();
          for (DestructionLine line : proposal.cards()) {
            DestructionLine normalised =
                line.chipUid().isPresent()
                    ? DestructionLine.chip(line.item(), ChipUid.normalise(line.chipUid().get()))
                    : line;
            DestructionReports.SpoiledCard spoiled =
                reports
                    .findSpoiled(officeId, normalised)
                    .orElseThrow(
                        () ->
                            new DomainException(
                                StockError.NOT_IN_SPOILED_PILE,
                                "Card "
                                    + normalised
                                    + " is not in the spoiled pile of office "
                                    + officeId,
                                normalised));
            int used = taken.merge(spoiled.spoilMovementId(), 1, Integer::sum);
            if (used > spoiled.remaining()) {
              throw new DomainException(
                  StockError.NOT_IN_SPOILED_PILE,
                  "Card " + normalised + " is listed more than once",
                  normalised);
            }
            cards.add(
                new DestructionReport.Card(
                    spoiled.spoilMovementId(),
                    spoiled.item(),
                    spoiled.chipUid(),
                    spoiled.serial(),
                    spoiled.reason(),
                    spoiled.requestId()));
          }
          DestructionReport report =
              reports.insert(
                  officeId,
                  proposal.date(),
                  proposal.place() == null ? "" : proposal.place(),
                  proposal.witnesses(),
                  cards,
                  by.username(),
                  Signatory.of(by));
          Approval approval =
              approvals.propose(
                  officeId,
                  DestructionApproval.KIND,
                  Optional.of(report.id()),
                  "Destruction report " + report.number() + ": " + cards.size() + " cards",
                  "",
                  by);
          reports.attachApproval(report.id(), approval.id());
          return reports.byId(report.id()).orElseThrow();
        });
  }
}
