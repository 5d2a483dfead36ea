package org.cetak.quality;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cetak.common.DomainException;
import org.cetak.common.Transactions;
import org.cetak.notify.Notices;
import org.cetak.office.Access;
import org.cetak.office.Audit;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.cetak.request.RequestLifecycle;
import org.cetak.stock.ChipUid;
import org.cetak.stock.RecordedMovement;
import org.cetak.stock.SpoilRecords;

/**
 * The print room's quality check (pemeriksaan kartu): every card printed where the office checks
 * its cards waits until an operator or supervisor of the office passes it, with its chip read back,
 * or rejects it. A passed card is released to the counter and its pickup SMS is written ({@link
 * Notices#cardCollectable}); a rejected card goes to the spoiled pile with its QC reason and chip
 * UID, and its request back to the queue with its priority, without a supervisor's approval (the
 * card never left the room): the print station prints it again like any requeued card. Each
 * decision is one transaction; a refused one changes nothing.
 */
public final class QualityChecks {

  private static final int LIST_LIMIT = 500;

  private final CheckStore store;
  private final RequestLifecycle requests;
  private final SpoilRecords spoils;
  private final Notices notices;
  private final Optional<CheckReader> reader;
  private final Access access;
  private final Audit audit;
  private final Transactions transactions;
  private final Clock clock;

  public QualityChecks(
      CheckStore store,
      RequestLifecycle requests,
      SpoilRecords spoils,
      Notices notices,
      Optional<CheckReader> reader,
      Access access,
      Audit audit,
      Transactions transactions,
      Clock clock) {
    this.store = store;
    this.requests = requests;
    this.spoils = spoils;
    this.notices = notices;
    this.reader = reader;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** One card of a batch and the UID read back from it (typed or scanned). */
  public record Pass(long printJobId, String chipUid) {}

  /** Whether the office's check desk has a chip reader (else the UID is typed or scanned). */
  public boolean readerAttached() {
    return reader.isPresent();
  }

  /** The office's cards waiting for the check, oldest first. */
  public List<CardCheck> waiting(long officeId, User by) {
    access.require(by, Permission.CHECK_CARD, officeId);
    return store.waiting(officeId, LIST_LIMIT);
  }

  /** How many of the office's cards wait for the check (for the dashboard and printers page). */
  public int waitingCount(long officeId) {
    return store.waitingCount(officeId);
  }

  /**
   * Passes one card: its chip is read back on the office's reader when one is attached (a typed
   * UID, when given too, must agree), else {@code typedUid} is required; either must equal the UID
   * recorded at print.
   */
  public CardCheck pass(long officeId, long printJobId, String typedUid, User by) {
    access.require(by, Permission.CHECK_CARD, officeId);
    return transactions.inTransaction(() -> passOne(officeId, printJobId, typedUid, true, by));
  }

  /** Passes every card of the batch, each with its UID read back, or none of them. */
  public List<CardCheck> passAll(long officeId, List<Pass> cards, User by) {
    access.require(by, Permission.CHECK_CARD, officeId);
    if (cards == null || cards.isEmpty()) {
      throw new DomainException(CheckError.INVALID_CHECK_BATCH, "A batch names no card");
    }
    Set<Long> seen = new HashSet<>();
    for (Pass card : cards) {
      if (card == null || !seen.add(card.printJobId())) {
        throw new DomainException(
            CheckError.INVALID_CHECK_BATCH,
            "A batch names print job " + (card == null ? "?" : card.printJobId()) + " twice");
      }
    }
    return transactions.inTransaction(
        () -> {
          List<CardCheck> passed = new ArrayList<>();
          for (Pass card : cards) {
            passed.add(passOne(officeId, card.printJobId(), card.chipUid(), false, by));
          }
          return passed;
        });
  }

  private CardCheck passOne(
      long officeId, long printJobId, String typedUid, boolean mayRead, User by) {
    CardCheck card = waitingCard(officeId, printJobId);
    Optional<String> typed =
        typedUid == null || typedUid.isBlank()
            ? Optional.empty()
            : Optional.of(ChipUid.normalise(typedUid));
    boolean byReader = mayRead && reader.isPresent() && typed.isEmpty();
    String read;
    if (byReader) {
      CheckReader.ReadBack back = reader.get().read(card);
      if (back instanceof CheckReader.NotRead notRead) {
        throw new DomainException(
            CheckError.CHIP_NOT_READ,
            "The reader read no chip for print job " + printJobId + ": " + notRead.detail(),
            printJobId);
      }
      read = ChipUid.normalise(((CheckReader.Read) back).uid());
    } else {
      read =
          typed.orElseThrow(
              () ->
                  new DomainException(
                      CheckError.CHIP_READ_REQUIRED,
                      "Read the chip of print job " + printJobId + " back: type or scan its UID",
                      printJobId));
    }
    if (card.chipUid().isBlank() || !read.equals(ChipUid.normalise(card.chipUid()))) {
      throw new DomainException(
          CheckError.CHIP_UID_MISMATCH,
          "Chip "
              + read
              + " is not the card of print job "
              + printJobId
              + " (chip "
              + card.chipUid()
              + ")",
          read,
          card.chipUid());
    }
    store.passed(printJobId, read, byReader, by.username(), clock.instant());
    RequestLifecycle.Recipient resident =
        requests.passedCheck(card.requestId(), "chip " + read, by.username());
    notices.cardCollectable(
        new Notices.CollectableCard(
            officeId, card.requestId(), printJobId, resident.name(), resident.phone()));
    audit.record(
        officeId,
        by.username(),
        "CARD_CHECKED",
        "print job " + printJobId,
        "request " + card.requestId() + " passed, chip " + read + (byReader ? " (reader)" : ""));
    return store.lock(printJobId).orElseThrow();
  }

  /**
   * Rejects one card: it goes to the spoiled pile with the QC reason and its chip UID, and its
   * request back to the queue with its priority, to be printed again.
   */
  public CardCheck reject(
      long officeId, long printJobId, CheckReason reason, String note, User by) {
    access.require(by, Permission.CHECK_CARD, officeId);
    if (reason == null) {
      throw new DomainException(
          CheckError.CHECK_REASON_REQUIRED,
          "Say why print job " + printJobId + " is rejected",
          printJobId);
    }
    String remark = note == null ? "" : note.strip();
    return transactions.inTransaction(
        () -> {
          CardCheck card = waitingCard(officeId, printJobId);
          RecordedMovement spoiled =
              spoils.rejectedAtCheck(
                  officeId,
                  card.requestId(),
                  printJobId,
                  Optional.of(card.chipUid()).filter(u -> !u.isBlank()),
                  reason.spoilReason(),
                  ("pemeriksaan kartu: " + remark).strip(),
                  by);
          requests.rejectedAtCheck(
              card.requestId(),
              reason.name() + (remark.isEmpty() ? "" : ", " + remark),
              by.username());
          store.rejected(printJobId, reason, remark, spoiled.id(), by.username(), clock.instant());
          audit.record(
              officeId,
              by.username(),
              "CARD_REJECTED",
              "print job " + printJobId,
              "request " + card.requestId() + " rejected: " + reason + ", chip " + card.chipUid());
          return store.lock(printJobId).orElseThrow();
        });
  }

  private CardCheck waitingCard(long officeId, long printJobId) {
    CardCheck card =
        store
            .lock(printJobId)
            .filter(c -> c.officeId() == officeId)
            .orElseThrow(
                () ->
                    new DomainException(
                        CheckError.UNKNOWN_CARD_CHECK,
                        "No printed card of print job " + printJobId + " to check in this office",
                        printJobId));
    if (card.status() != CardCheck.Status.WAITING) {
      throw new DomainException(
          CheckError.CARD_ALREADY_CHECKED,
          "The card of print job " + printJobId + " was " + card.status() + " already",
          printJobId);
    }
    return card;
  }
}
