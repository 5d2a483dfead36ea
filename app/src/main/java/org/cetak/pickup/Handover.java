package org.cetak.pickup;

import java.time.Instant;
import java.util.Optional;

/**
 * A card handed over at the counter, as recorded (append-only).
 *
 * @param oldCardMovementId the ledger movement of the withdrawn old card, when one was returned
 */
public record Handover(
    long id,
    long officeId,
    long requestId,
    String cardUid,
    HandoverForm form,
    Optional<Long> oldCardMovementId,
    String handedBy,
    Instant handedAt) {}
