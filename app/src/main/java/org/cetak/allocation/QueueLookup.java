package org.cetak.allocation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cetak.common.Masking;
import org.cetak.request.RequestSearch;

/** Reads the print requests of the queue for the queue page: who, where, and how they got there. */
public interface QueueLookup {

  /**
   * A request as the queue page finds it. {@link #toString()} masks the NIK and leaves the name,
   * birth date and Suket out.
   */
  record Entry(
      long requestId,
      long officeId,
      String nik,
      String name,
      Optional<LocalDate> birthDate,
      Optional<String> suketNumber,
      String status,
      String reason,
      boolean urgent,
      Instant queuedAt) {

    public String nikMasked() {
      return Masking.nik(nik);
    }

    public String nameMasked() {
      return Masking.name(name);
    }

    @Override
    public String toString() {
      return "Entry[request=" + requestId + ", nik=" + nikMasked() + ", status=" + status + "]";
    }
  }

  /** One move of a request's status, oldest first. */
  record Move(Optional<String> from, String to, String reason, String actor, Instant at) {}

  /** The office's requests that match, newest first, at most {@code limit}. */
  List<Entry> find(long officeId, RequestSearch search, int limit);

  /** One request, of any office. */
  Optional<Entry> request(long requestId);

  /** The request's status history, oldest first. */
  List<Move> history(long requestId);
}
