package org.cetak.stock;

import java.util.List;
import java.util.Optional;

/** Loans of blanks between offices. */
public interface Loans {

  Loan insert(
      long officeId,
      Loan.Direction direction,
      Optional<Long> counterpartOfficeId,
      String counterpartName,
      String documentNo,
      int quantity,
      String recordedBy);

  boolean exists(long officeId, Loan.Direction direction, String documentNo);

  /** The loan, locked until the transaction ends (a return counts against what is outstanding). */
  Optional<Loan> lock(long loanId);

  /** An office's loan of a direction and document, locked until the transaction ends. */
  Optional<Loan> lock(long officeId, Loan.Direction direction, String documentNo);

  /**
   * Records a return of the loan: its document, how many blanks came back, who recorded it, and
   * counts them as returned.
   */
  void recordReturn(long loanId, LoanReturn giving, String by);

  List<Loan> list(long officeId);

  /** The returns of the office's loans, in the order they were recorded. */
  List<Loan.Returned> returns(long officeId);
}
