package org.cetak.stock;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cetak.common.DomainException;
import org.cetak.common.Field;
import org.cetak.common.Transactions;
import org.cetak.office.Access;
import org.cetak.office.Audit;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.office.User;

/**
 * Blanks lent to and borrowed from other offices (pinjam blanko), each with its document. When both
 * offices belong to this installation, the lender records the loan and both ledgers move in one
 * transaction.
 */
public final class Lending {

  /** The longest name of an office outside Cetak a loan records. */
  static final int MAX_NAME = 200;

  private final Ledger ledger;
  private final Loans loans;
  private final Access access;
  private final Audit audit;
  private final Transactions transactions;

  public Lending(
      Ledger ledger, Loans loans, Access access, Audit audit, Transactions transactions) {
    this.ledger = ledger;
    this.loans = loans;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
  }

  /**
   * Lends blanks from the vault. When the borrower is an office of this installation, its ledger
   * records the borrowing in the same transaction.
   */
  public Loan lend(long officeId, LoanRequest request, User by) {
    access.require(by, Permission.LEND_OR_BORROW, officeId);
    validate(officeId, request);
    Optional<Office> other = request.counterpartOfficeId().map(access::office);
    Office self = access.office(officeId);
    String otherName = other.map(Office::name).orElse(request.counterpartName());
    return transactions.inTransaction(
        () -> {
          if (loans.exists(officeId, Loan.Direction.LENT, request.documentNo())) {
            throw new DomainException(
                StockError.LOAN_EXISTS,
                "Loan document " + request.documentNo() + " was already recorded",
                request.documentNo());
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
    validate(officeId, request);
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

  /**
   * Records blanks of a loan coming back: lent blanks return to the vault (LENT to VAULT), borrowed
   * blanks go back to their lender (VAULT to BORROWED, lowering what the office borrowed), each in
   * a movement that names the loan. When the other office belongs to this installation, its side of
   * the loan moves in the same transaction. More than the loan still has out is refused.
   */
  public Loan giveBack(long officeId, long loanId, LoanReturn giving, User by) {
    access.require(by, Permission.LEND_OR_BORROW, officeId);
    Quantities.positive(giving.quantity());
    validateDocumentNo(giving.documentNo(), "A loan's return needs its document number");
    return transactions.inTransaction(
        () -> {
          Loan loan =
              loans
                  .lock(loanId)
                  .filter(l -> l.officeId() == officeId)
                  .orElseThrow(
                      () ->
                          new DomainException(
                              StockError.UNKNOWN_LOAN,
                              "No loan " + loanId + " of office " + officeId,
                              loanId));
          Loan.Direction other =
              loan.direction() == Loan.Direction.LENT
                  ? Loan.Direction.BORROWED
                  : Loan.Direction.LENT;
          Optional<Loan> otherSide =
              loan.counterpartOfficeId().flatMap(o -> loans.lock(o, other, loan.documentNo()));
          returned(loan, giving, by);
          otherSide.ifPresent(o -> returned(o, giving, by));
          audit.record(
              officeId,
              by.username(),
              "LOAN_RETURNED",
              "loan " + loan.documentNo(),
              giving.quantity() + " blanks returned, document " + giving.documentNo());
          return loans.lock(loanId).orElseThrow();
        });
  }

  /**
   * One office's side of a return: the loan's count and the ledger; refused, before anything is
   * written, when that side has fewer blanks out than are given back.
   */
  private void returned(Loan loan, LoanReturn giving, User by) {
    if (giving.quantity() > loan.outstanding()) {
      throw new DomainException(
          StockError.LOAN_RETURN_TOO_LARGE,
          "Loan "
              + loan.documentNo()
              + " of office "
              + loan.officeId()
              + " has "
              + loan.outstanding()
              + " blanks out, not "
              + giving.quantity(),
          loan.documentNo(),
          loan.outstanding(),
          giving.quantity());
    }
    loans.recordReturn(loan.id(), giving, by.username());
    boolean lent = loan.direction() == Loan.Direction.LENT;
    ledger.record(
        new Movement(
            loan.officeId(),
            Item.BLANK,
            Place.of(lent ? Location.LENT : Location.VAULT),
            Place.of(lent ? Location.VAULT : Location.BORROWED),
            giving.quantity(),
            "LOAN_RETURNED",
            by.username(),
            ReferenceKind.LOAN,
            loan.id(),
            Movement.Detail.none().withNote(giving.documentNo())));
  }

  /** A loan with the returns recorded of it, in the order they came. */
  public record LoanWithReturns(Loan loan, List<Loan.Returned> returns) {}

  /** The office's loans, newest first, each with its returns. */
  public List<LoanWithReturns> loans(long officeId) {
    return transactions.inTransaction(
        () -> {
          Map<Long, List<Loan.Returned>> returns =
              loans.returns(officeId).stream()
                  .collect(Collectors.groupingBy(Loan.Returned::loanId));
          return loans.list(officeId).stream()
              .sorted(Comparator.comparingLong(Loan::id).reversed())
              .map(l -> new LoanWithReturns(l, returns.getOrDefault(l.id(), List.of())))
              .toList();
        });
  }

  private Loan borrowInto(
      long officeId, Optional<Long> lender, String lenderName, LoanRequest request, User by) {
    if (loans.exists(officeId, Loan.Direction.BORROWED, request.documentNo())) {
      throw new DomainException(
          StockError.LOAN_EXISTS,
          "Loan document " + request.documentNo() + " was already recorded",
          request.documentNo());
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

  private static void validateDocumentNo(String documentNo, String missing) {
    if (documentNo == null || documentNo.isBlank()) {
      throw new DomainException(StockError.DOCUMENT_REQUIRED, missing);
    }
    int maxDocumentNo = DropLimits.DEFAULT.maxDocumentNoLength();
    if (documentNo.length() > maxDocumentNo) {
      throw new DomainException(
          StockError.DOCUMENT_NO_TOO_LONG,
          "A loan's document number is at most " + maxDocumentNo + " characters",
          maxDocumentNo,
          documentNo.length());
    }
  }

  private static void validate(long officeId, LoanRequest request) {
    Quantities.positive(request.quantity());
    validateDocumentNo(request.documentNo(), "A loan needs its document number");
    Field.atMost(
        Optional.ofNullable(request.counterpartName()), MAX_NAME, "stockpage.counterpartName");
    if (request.counterpartOfficeId().isPresent()) {
      if (request.counterpartOfficeId().get() == officeId) {
        throw new DomainException(StockError.LOAN_TO_SELF, "An office cannot lend to itself");
      }
    } else if (request.counterpartName() == null || request.counterpartName().isBlank()) {
      throw new DomainException(
          StockError.COUNTERPART_REQUIRED, "A loan needs the other office (id or name)");
    }
  }
}
