package org.cetak.stock;

import java.time.Instant;

/** A movement as the ledger holds it. */
public record RecordedMovement(long id, Instant occurredAt, Movement movement) {}
