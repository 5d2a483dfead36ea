package org.cetak.stock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.cetak.approval.Approval;
import org.cetak.approval.Approvals;
import org.cetak.common.DomainException;
import org.cetak.common.Transactions;
import org.cetak.office.Access;
import org.cetak.office.Audit;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the inventory manager and the operators do with blanks (pengelolaan blanko): drops, loads,
 * unloads, spoils, withdrawn old cards, loans, and proposals for write-offs and destruction. Each
 * operation is one transaction: refused as a whole, nothing is written.
 */
public final class StockService {

  private static final Logger log = LoggerFactory.getLogger(StockService.class);

  /** Approval kind of a write-off; see {@link WriteOffApproval}. */
  public static final String WRITE_OFF = "WRITE_OFF";

  /** Approval kind of a destruction report; see {@link DestructionApproval}. */
  public static final String DESTRUCTION = "DESTRUCTION";

  private final Ledger ledger;
  private final Printers printers;
  private final Drops drops;
  private final Loans loans;
  private final DestructionReports reports;
  private final Approvals approvals;
  private final Access access;
  private final Audit audit;
  private final Transactions transactions;
  private final Supplier<List<DropListener>> dropListeners;

  public StockService(
      Ledger ledger,
      Printers printers,
      Drops drops,
      Loans loans,
      DestructionReports reports,
      Approvals approvals,
      Access access,
      Audit audit,
      Transactions transactions,
      Supplier<List<DropListener>> dropListeners) {
    this.ledger = ledger;
    this.printers = printers;
    this.drops = drops;
    this.loans = loans;
    this.reports = reports;
    this.approvals = approvals;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
    this.dropListeners = dropListeners;
  }

  /** The id of the office with this region code, or {@code UNKNOWN_OFFICE}. */
  public long officeId(String code) {
    return access.office(code).id();
  }

  /** Registers a printer of an office; its feeder and inside start empty. */
  public Printer registerPrinter(long officeId, String code, String name, String model, User by) {
    access.require(by, Permission.REGISTER_PRINTER, officeId);
    if (code == null || code.isBlank()) {
      throw new DomainException(StockError.INVALID_PRINTER_CODE, "A printer needs a code");
    }
    return transactions.inTransaction(
        () -> {
          if (printers.find(officeId, code).isPresent()) {
            throw new DomainException(
                StockError.PRINTER_EXISTS,
                "Printer " + code + " already exists in office " + officeId);
          }
          Printer printer =
              printers.register(
                  officeId, code, name == null ? code : name, model == null ? "" : model);
          audit.record(officeId, by.username(), "PRINTER_REGISTERED", "printer " + code, name);
          return printer;
        });
  }

  /** The printer of an office with that code, or {@code UNKNOWN_PRINTER}. */
  public Printer printer(long officeId, String code) {
    access.office(officeId);
    return printers
        .find(officeId, code)
        .orElseThrow(
            () ->
                new DomainException(
                    StockError.UNKNOWN_PRINTER,
                    "Printer " + code + " not found in office " + officeId));
  }

  /**
   * Receives a drop from the centre into the vault. Refused: a document already received, serial
   * ranges that overlap each other or an earlier drop, or that do not add up to the quantity.
   */
  public Drop receiveDrop(long officeId, DropRequest request, User by) {
    access.require(by, Permission.RECEIVE_DROP, officeId);
    if (request.documentNo() == null || request.documentNo().isBlank()) {
      throw new DomainException(
          StockError.DOCUMENT_REQUIRED, "A drop needs its hand-over document number");
    }
    if (request.documentDate() == null) {
      throw new DomainException(
          StockError.DOCUMENT_DATE_REQUIRED, "A drop needs its document date");
    }
    positive(request.quantity());
    List<SerialRange> serials = request.serials();
    if (!serials.isEmpty()) {
      long total = serials.stream().mapToLong(SerialRange::count).sum();
      if (total != request.quantity()) {
        throw new DomainException(
            StockError.SERIALS_DO_NOT_MATCH_QUANTITY,
            "Serial ranges hold " + total + " blanks but the drop says " + request.quantity());
      }
      for (int i = 0; i < serials.size(); i++) {
        for (int j = i + 1; j < serials.size(); j++) {
          if (serials.get(i).overlaps(serials.get(j))) {
            throw new DomainException(
                StockError.SERIAL_RANGES_OVERLAP,
                "Serial ranges " + serials.get(i) + " and " + serials.get(j) + " overlap");
          }
        }
      }
    }
    return transactions.inTransaction(
        () -> {
          drops.lockSerials();
          if (drops.byDocument(officeId, request.documentNo()).isPresent()) {
            throw new DomainException(
                StockError.DROP_EXISTS, "Drop " + request.documentNo() + " was already received");
          }
          for (SerialRange range : serials) {
            List<SerialRange> earlier = drops.overlapping(range);
            if (!earlier.isEmpty()) {
              throw new DomainException(
                  StockError.SERIALS_OVERLAP,
                  "Serial range " + range + " overlaps earlier drop range " + earlier.get(0));
            }
          }
          Drop drop =
              drops.insert(
                  officeId,
                  request.documentNo(),
                  request.documentDate(),
                  request.quantity(),
                  serials,
                  by.username());
          Movement.Detail detail =
              serials.isEmpty()
                  ? Movement.Detail.none()
                  : new Movement.Detail(
                      Optional.of(serials.get(0).first()),
                      Optional.of(serials.get(serials.size() - 1).last()),
                      Optional.empty(),
                      Optional.empty(),
                      "BA " + request.documentNo());
          ledger.record(
              new Movement(
                  officeId,
                  Item.BLANK,
                  Place.of(Location.CENTRE),
                  Place.of(Location.VAULT),
                  request.quantity(),
                  "DROP_RECEIVED",
                  by.username(),
                  ReferenceKind.DROP,
                  drop.id(),
                  detail));
          audit.record(
              officeId,
              by.username(),
              "DROP_RECEIVED",
              "drop " + request.documentNo(),
              request.quantity() + " blanks");
          for (DropListener listener : dropListeners.get()) {
            listener.dropReceived(officeId, drop.id(), drop.quantity());
          }
          log.info(
              "Drop {} of {} blanks received in office {}",
              request.documentNo(),
              request.quantity(),
              officeId);
          return drop;
        });
  }

  /** Loads a stack of blanks from the vault into a printer's feeder. */
  public RecordedMovement load(long officeId, String printerCode, int quantity, User by) {
    access.require(by, Permission.LOAD_PRINTER, officeId);
    positive(quantity);
    Printer printer = printer(officeId, printerCode);
    return transactions.inTransaction(
        () ->
            ledger.record(
                new Movement(
                    officeId,
                    Item.BLANK,
                    Place.of(Location.VAULT),
                    Place.feeder(printer.id()),
                    quantity,
                    "FEEDER_LOADED",
                    by.username(),
                    ReferenceKind.PRINTER,
                    printer.id(),
                    Movement.Detail.none())));
  }

  /** Takes blanks out of a printer's feeder back into the vault. */
  public RecordedMovement unload(long officeId, String printerCode, int quantity, User by) {
    access.require(by, Permission.LOAD_PRINTER, officeId);
    positive(quantity);
    Printer printer = printer(officeId, printerCode);
    return transactions.inTransaction(
        () ->
            ledger.record(
                new Movement(
                    officeId,
                    Item.BLANK,
                    Place.feeder(printer.id()),
                    Place.of(Location.VAULT),
                    quantity,
                    "FEEDER_UNLOADED",
                    by.username(),
                    ReferenceKind.PRINTER,
                    printer.id(),
                    Movement.Detail.none())));
  }

  /**
   * Records blanks spoiled at a printer (from its feeder, or from inside it) onto the spoiled pile.
   * Spoils in the vault are write-offs and need a second person.
   */
  public RecordedMovement recordSpoiled(long officeId, SpoilRequest request, User by) {
    access.require(by, Permission.RECORD_SPOIL, officeId);
    positive(request.quantity());
    if (request.reason() == null || request.reason() == SpoilReason.WITHDRAWN_OLD_CARD) {
      throw new DomainException(
          StockError.INVALID_SPOIL_REASON, "A spoiled blank needs a blank spoil reason");
    }
    Optional<String> uid = ChipUid.normalise(request.chipUid());
    if (uid.isPresent() && request.quantity() != 1) {
      throw new DomainException(
          StockError.CHIP_UID_FOR_ONE_CARD, "A chip UID identifies one card; quantity must be 1");
    }
    Printer printer = printer(officeId, request.printerCode());
    Place from = request.fromInside() ? Place.inside(printer.id()) : Place.feeder(printer.id());
    return transactions.inTransaction(
        () ->
            ledger.record(
                new Movement(
                    officeId,
                    Item.BLANK,
                    from,
                    Place.of(Location.SPOILED),
                    request.quantity(),
                    request.reason().name(),
                    by.username(),
                    ReferenceKind.PRINTER,
                    printer.id(),
                    new Movement.Detail(
                        Optional.empty(),
                        Optional.empty(),
                        uid,
                        request.requestId(),
                        request.note() == null ? "" : request.note()))));
  }

  /** Records an old card withdrawn from a resident at pickup: it awaits destruction. */
  public RecordedMovement recordWithdrawnOldCard(
      long officeId,
      long requestId,
      Optional<String> chipUid,
      Optional<String> serial,
      String note,
      User by) {
    access.require(by, Permission.WITHDRAW_OLD_CARD, officeId);
    Optional<String> uid = ChipUid.normalise(chipUid);
    return transactions.inTransaction(
        () ->
            ledger.record(
                new Movement(
                    officeId,
                    Item.OLD_CARD,
                    Place.of(Location.WITHDRAWN),
                    Place.of(Location.SPOILED),
                    1,
                    SpoilReason.WITHDRAWN_OLD_CARD.name(),
                    by.username(),
                    ReferenceKind.REQUEST,
                    requestId,
                    new Movement.Detail(
                        serial, serial, uid, Optional.of(requestId), note == null ? "" : note))));
  }

  /**
   * Lends blanks from the vault. When the borrower is an office of this installation, its ledger
   * records the borrowing in the same transaction.
   */
  public Loan lend(long officeId, LoanRequest request, User by) {
    access.require(by, Permission.LEND_OR_BORROW, officeId);
    validateLoan(officeId, request);
    Optional<Office> other = request.counterpartOfficeId().map(access::office);
    Office self = access.office(officeId);
    String otherName = other.map(Office::name).orElse(request.counterpartName());
    return transactions.inTransaction(
        () -> {
          if (loans.exists(officeId, Loan.Direction.LENT, request.documentNo())) {
            throw new DomainException(
                StockError.LOAN_EXISTS,
                "Loan document " + request.documentNo() + " was already recorded");
          }
          Loan loan =
              loans.insert(
                  officeId,
                  Loan.Direction.LENT,
                  request.counterpartOfficeId(),
                  otherName,
                  request.documentNo(),
                  request.quantity(),
                  by.username());
          ledger.record(
              new Movement(
                  officeId,
                  Item.BLANK,
                  Place.of(Location.VAULT),
                  Place.of(Location.LENT),
                  request.quantity(),
                  "LENT",
                  by.username(),
                  ReferenceKind.LOAN,
                  loan.id(),
                  Movement.Detail.none().withNote("to " + otherName)));
          if (other.isPresent()) {
            borrowInto(other.get().id(), Optional.of(officeId), self.name(), request, by);
          }
          audit.record(
              officeId,
              by.username(),
              "BLANKS_LENT",
              "loan " + request.documentNo(),
              request.quantity() + " blanks to " + otherName);
          return loan;
        });
  }

  /**
   * Borrows blanks from an office of another installation, with its document. A loan from an office
   * of this installation is recorded by the lending office ({@link #lend}), which writes both
   * sides.
   */
  public Loan borrow(long officeId, LoanRequest request, User by) {
    access.require(by, Permission.LEND_OR_BORROW, officeId);
    validateLoan(officeId, request);
    if (request.counterpartOfficeId().isPresent()) {
      throw new DomainException(
          StockError.LOAN_RECORDED_BY_LENDER,
          "Office "
              + request.counterpartOfficeId().get()
              + " is part of this installation: it records the loan and both ledgers move");
    }
    return transactions.inTransaction(
        () -> {
          Loan loan =
              borrowInto(officeId, Optional.empty(), request.counterpartName(), request, by);
          audit.record(
              officeId,
              by.username(),
              "BLANKS_BORROWED",
              "loan " + request.documentNo(),
              request.quantity() + " blanks from " + request.counterpartName());
          return loan;
        });
  }

  private Loan borrowInto(
      long officeId, Optional<Long> lender, String lenderName, LoanRequest request, User by) {
    if (loans.exists(officeId, Loan.Direction.BORROWED, request.documentNo())) {
      throw new DomainException(
          StockError.LOAN_EXISTS,
          "Loan document " + request.documentNo() + " was already recorded");
    }
    Loan loan =
        loans.insert(
            officeId,
            Loan.Direction.BORROWED,
            lender,
            lenderName,
            request.documentNo(),
            request.quantity(),
            by.username());
    ledger.record(
        new Movement(
            officeId,
            Item.BLANK,
            Place.of(Location.BORROWED),
            Place.of(Location.VAULT),
            request.quantity(),
            "BORROWED",
            by.username(),
            ReferenceKind.LOAN,
            loan.id(),
            Movement.Detail.none().withNote("from " + lenderName)));
    return loan;
  }

  private void validateLoan(long officeId, LoanRequest request) {
    positive(request.quantity());
    if (request.documentNo() == null || request.documentNo().isBlank()) {
      throw new DomainException(StockError.DOCUMENT_REQUIRED, "A loan needs its document number");
    }
    if (request.counterpartOfficeId().isPresent()) {
      if (request.counterpartOfficeId().get() == officeId) {
        throw new DomainException(StockError.LOAN_TO_SELF, "An office cannot lend to itself");
      }
    } else if (request.counterpartName() == null || request.counterpartName().isBlank()) {
      throw new DomainException(
          StockError.COUNTERPART_REQUIRED, "A loan needs the other office (id or name)");
    }
  }

  /**
   * Proposes writing blanks off onto the spoiled pile (from the vault, a feeder or an
   * outcome-unknown slot); a supervisor other than the proposer must approve it before anything
   * moves.
   */
  public Approval proposeWriteOff(
      long officeId, Place from, int quantity, SpoilReason reason, String note, User by) {
    access.require(by, Permission.PROPOSE_DISPOSAL, officeId);
    positive(quantity);
    if (reason == null || reason == SpoilReason.WITHDRAWN_OLD_CARD) {
      throw new DomainException(
          StockError.INVALID_SPOIL_REASON, "A write-off needs a blank reason");
    }
    Location location = from.location();
    if (location != Location.VAULT && location != Location.FEEDER && location != Location.UNKNOWN) {
      throw new DomainException(
          StockError.INVALID_PLACE,
          "Blanks are written off from the vault, a feeder or outcome unknown");
    }
    from.printerId()
        .ifPresent(
            id -> {
              Printer printer =
                  printers
                      .byId(id)
                      .filter(p -> p.officeId() == officeId)
                      .orElseThrow(
                          () ->
                              new DomainException(
                                  StockError.UNKNOWN_PRINTER,
                                  "Printer " + id + " not found in office " + officeId));
              log.debug("Write-off from printer {}", printer.code());
            });
    long held = ledger.balance(officeId, Item.BLANK, from);
    if (held < quantity) {
      throw new DomainException(
          StockError.INSUFFICIENT_BALANCE,
          from + " holds " + held + " blanks; cannot write off " + quantity);
    }
    WriteOffApproval.Payload payload =
        new WriteOffApproval.Payload(from, quantity, reason, note == null ? "" : note);
    return approvals.propose(
        officeId,
        WRITE_OFF,
        Optional.empty(),
        "Write off " + quantity + " blanks from " + from + " (" + reason + ")",
        payload.encode(),
        by);
  }

  /**
   * Proposes a destruction report (berita acara pemusnahan) listing cards on the spoiled pile. A
   * card not on the pile, or already on another report, is refused. Nothing moves until a
   * supervisor other than the proposer approves.
   */
  public DestructionReport proposeDestruction(
      long officeId, DestructionProposal proposal, User by) {
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
                                    + officeId));
            int used = taken.merge(spoiled.spoilMovementId(), 1, Integer::sum);
            if (used > spoiled.remaining()) {
              throw new DomainException(
                  StockError.NOT_IN_SPOILED_PILE,
                  "Card " + normalised + " is listed more than once");
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
                  by.username());
          Approval approval =
              approvals.propose(
                  officeId,
                  DESTRUCTION,
                  Optional.of(report.id()),
                  "Destruction report " + report.number() + ": " + cards.size() + " cards",
                  "",
                  by);
          reports.attachApproval(report.id(), approval.id());
          return reports.byId(report.id()).orElseThrow();
        });
  }

  /** The drops an office received. */
  public List<Drop> drops(long officeId) {
    return drops.list(officeId);
  }

  private static void positive(int quantity) {
    if (quantity <= 0) {
      throw new DomainException(
          StockError.INVALID_QUANTITY, "Quantity must be positive, was " + quantity);
    }
  }
}
