package org.cetak.allocation;

import java.util.List;
import java.util.Optional;
import org.cetak.common.DomainException;
import org.cetak.office.Access;
import org.cetak.office.Audit;
import org.cetak.office.Permission;
import org.cetak.office.User;

/**
 * The queue as an officer looks a resident up in it (antrean cetak): find the request by NIK, by
 * name or by Suket, read its history and why it is not printed yet. Every search is in the audit
 * trail; what it shows of the resident is masked.
 */
public final class QueueDesk {

  /** The most requests one search shows. */
  static final int FIND_LIMIT = 50;

  private final QueueLookup lookup;
  private final AllocationService allocation;
  private final Access access;
  private final Audit audit;

  public QueueDesk(QueueLookup lookup, AllocationService allocation, Access access, Audit audit) {
    this.lookup = lookup;
    this.allocation = allocation;
    this.access = access;
    this.audit = audit;
  }

  /** The office's requests that match the search, newest first. */
  public List<QueueLookup.Entry> find(long officeId, QueueSearch search, User by) {
    access.require(by, Permission.EXPLAIN_QUEUE, officeId);
    List<QueueLookup.Entry> found = lookup.find(officeId, search, FIND_LIMIT);
    audit.record(
        officeId, by.username(), "QUEUE_SEARCH", search.toString(), found.size() + " found");
    return found;
  }

  /** One request of the office, or {@code NO_REQUEST}. */
  public QueueLookup.Entry request(long officeId, long requestId, User by) {
    access.require(by, Permission.EXPLAIN_QUEUE, officeId);
    return lookup
        .request(requestId)
        .filter(r -> r.officeId() == officeId)
        .orElseThrow(
            () ->
                new DomainException(
                    AllocationError.NO_REQUEST,
                    "No print request " + requestId + " in office #" + officeId));
  }

  /** The request's status history, oldest first. */
  public List<QueueLookup.Move> history(QueueLookup.Entry request) {
    return lookup.history(request.requestId());
  }

  /**
   * Why the request is not printed yet and when it is expected; empty when the resident's latest
   * request is another one (an old request, already handed over or withdrawn).
   */
  public Optional<QueueExplanation> explain(QueueLookup.Entry request) {
    QueueExplanation why = allocation.explain(request.nik());
    return why.requestId() == request.requestId() ? Optional.of(why) : Optional.empty();
  }
}
