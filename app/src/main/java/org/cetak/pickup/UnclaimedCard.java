package org.cetak.pickup;

import java.time.Instant;

/**
 * A printed card nobody collected yet, for the counter's unclaimed list.
 *
 * @param nikMasked the NIK as a list may show it
 * @param nameInitials the initials of the name, enough to find the card in the drawer
 * @param daysWaiting whole days since it was printed
 */
public record UnclaimedCard(
    long requestId,
    String nikMasked,
    String nameInitials,
    Instant printedAt,
    String cardUid,
    long daysWaiting) {}
