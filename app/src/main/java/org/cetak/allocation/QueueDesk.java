package org.cetak.allocation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cetak.common.DomainException;
import org.cetak.office.Access;
import org.cetak.office.Audit;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.cetak.request.RequestSearch;

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

  /**
   * The search the queue page's form asks for, checked: the NIK first, then the name, then the
   * Suket; refused ({@code INVALID_NIK}, {@code SEARCH_REQUIRED}) when it cannot find anything.
   */
  public static RequestSearch search(
      String nik, String name, Optional<LocalDate> birthDate, String suket) {
    String n = nik == null ? "" : nik.strip();
    if (!n.isEmpty()) {
      if (!n.matches("[0-9]{16}")) {
        throw new DomainException(AllocationError.INVALID_NIK, "A NIK is 16 digits");
      }
      return new RequestSearch.ByNik(n);
    }
    String who = name == null ? "" : name.strip();
    if (!who.isEmpty()) {
      if (who.length() < 3) {
        throw new DomainException(
            AllocationError.SEARCH_REQUIRED, "Give at least 3 letters of the name");
      }
      return new RequestSearch.ByName(who, birthDate);
    }
    String number = suket == null ? "" : suket.strip();
    if (!number.isEmpty()) {
      return new RequestSearch.BySuket(number);
    }
    throw new DomainException(
        AllocationError.SEARCH_REQUIRED, "Search by NIK, by name (and birth date) or by Suket");
  }

  /** The office's requests that match the search, newest first. */
  public List<QueueLookup.Entry> find(long officeId, RequestSearch search, User by) {
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
