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
   *
   * @param previousRequestId the closed request of the same NIK this one follows (a resident who
   *     came back after a withdrawal or for another card)
   * @param nextRequestId the request that follows this one once it was closed
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
      Instant queuedAt,
      Optional<Long> previousRequestId,
      Optional<Long> nextRequestId) {

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

  /**
   * One move of a request's status, oldest first; {@code cause} is a print station's code of why a
   * card's outcome is unknown ({@code printing.HaltCause}), its {@code reason} then the device's
   * own text.
   */
  record Move(
      Optional<String> from,
      String to,
      String reason,
      Optional<String> cause,
      String actor,
      Instant at) {}

  /** The office's requests that match, newest first, at most {@code limit}. */
  List<Entry> find(long officeId, RequestSearch search, int limit);

  /** One request, of any office. */
  Optional<Entry> request(long requestId);

  /** The request's status history, oldest first. */
  List<Move> history(long requestId);
}
