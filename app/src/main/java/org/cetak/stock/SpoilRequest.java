package org.cetak.stock;

import java.util.Optional;

/**
 * Blanks spoiled at a printer.
 *
 * @param fromInside whether the card was inside the printer (picked) rather than in its feeder
 */
public record SpoilRequest(
    String printerCode,
    boolean fromInside,
    int quantity,
    SpoilReason reason,
    Optional<String> chipUid,
    Optional<Long> requestId,
    String note) {}
