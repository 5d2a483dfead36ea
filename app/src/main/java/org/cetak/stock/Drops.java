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

  /** Earlier ranges (of any office of this installation) that overlap {@code range}. */
  List<SerialRange> overlapping(SerialRange range);

  Optional<Drop> byDocument(long officeId, String documentNo);

  Drop insert(
      long officeId,
      String documentNo,
      LocalDate documentDate,
      int quantity,
      List<SerialRange> serials,
      String receivedBy);

  List<Drop> list(long officeId);
}
