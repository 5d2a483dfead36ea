package org.cetak.stock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A drop of blanks from the centre with its hand-over document (berita acara serah terima). */
public record Drop(
    long id,
    long officeId,
    String documentNo,
    LocalDate documentDate,
    int quantity,
    List<SerialRange> serials,
    String receivedBy,
    Instant receivedAt) {}
