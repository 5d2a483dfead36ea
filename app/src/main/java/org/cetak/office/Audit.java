package org.cetak.office;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The audit trail: append-only record of who did what. */
public interface Audit {

  /**
   * Records one event.
   *
   * @param officeId the office it concerns, or {@code null} for installation-wide events
   * @param detail free text; never a NIK, KK or phone number in clear
   */
  void record(Long officeId, String actor, String action, String subject, String detail);

  /** One event of the trail. */
  record Event(
      long id,
      Instant occurredAt,
      Optional<Long> officeId,
      String actor,
      String action,
      String subject,
      String detail) {}

  /**
   * Which events to read: those of the offices given (empty: none), optionally by actor and action,
   * in [from, to), newest first, {@code limit} of them after skipping {@code offset}.
   */
  record Query(
      List<Long> officeIds,
      boolean installationWide,
      Optional<String> actor,
      Optional<String> action,
      Optional<Instant> from,
      Optional<Instant> to,
      int offset,
      int limit) {}

  List<Event> find(Query query);

  long count(Query query);
}
