package org.cetak.stock;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The drops an office received and their serial ranges. */
public interface Drops {

  /**
   * Makes concurrent drops wait for each other until the caller's transaction ends, so the overlap
   * check that follows cannot race.
   */
  void lockSerials();

  /**
   * Earlier ranges (of any office of this installation, reversed drops left out) that overlap
   * {@code range}.
   */
  List<SerialRange> overlapping(SerialRange range);

  /** The drop of that document that stands (not reversed). */
  Optional<Drop> byDocument(long officeId, String documentNo);

  /** A drop of the office, its row locked until the caller's transaction ends. */
  Optional<Drop> lock(long officeId, long dropId);

  /** Notes the approval that proposes to reverse the drop; empty when it was rejected. */
  void proposeReversal(long dropId, Optional<Long> approvalId);

  /** Marks the drop reversed now. */
  void reversed(long dropId);

  Drop insert(
      long officeId,
      String documentNo,
      LocalDate documentDate,
      int quantity,
      List<SerialRange> serials,
      String receivedBy);

  List<Drop> list(long officeId);
}
