package org.cetak.stock;

import java.time.LocalDate;
import java.util.List;

/**
 * A drop as written on its hand-over document (berita acara serah terima).
 *
 * @param serials the serial ranges listed on the document; empty when none were given
 */
public record DropRequest(
    String documentNo, LocalDate documentDate, int quantity, List<SerialRange> serials) {

  public DropRequest {
    serials = serials == null ? List.of() : List.copyOf(serials);
  }
}
