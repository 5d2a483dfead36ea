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

  List<Loan> list(long officeId);
}
