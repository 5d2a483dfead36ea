package org.cetak.sim.fault;

import java.time.Instant;

/** A fault that struck: when (simulated), on which printer and card, during which command. */
public record FaultEvent(
    Instant at, String printer, int card, FaultType type, String command, boolean scripted) {}
