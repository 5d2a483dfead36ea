package org.cetak.stock;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where loss reports are kept, numbered per office and year without gaps. */
public interface LossReports {

  /** What a proposal carries. */
  record Proposal(
      LocalDate date,
      Place from,
      int quantity,
      String circumstances,
      Optional<String> chipUid,
      Optional<String> serial,
      Optional<Long> printJobId) {}

  LossReport insert(long officeId, Proposal proposal, String proposedBy, Signatory proposer);

  void attachApproval(long reportId, long approvalId);

  /** The report, locked for the rest of the transaction. */
  Optional<LossReport> lock(long reportId);

  Optional<LossReport> byId(long reportId);

  List<LossReport> list(long officeId);

  /** Decides the report; an approval keeps its approver as they signed. */
  void decide(long reportId, LossReport.Status status, Optional<Signatory> approver);

  void addFound(long reportId, int quantity);
}
