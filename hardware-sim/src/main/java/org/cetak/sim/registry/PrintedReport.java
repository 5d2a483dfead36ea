package org.cetak.sim.registry;

import java.time.Instant;

/**
 * A printed-status push the registry accepted ({@code POST /printed}).
 *
 * @param receivedAt when it arrived, on the simulated clock
 */
public record PrintedReport(
    String nik, String printedAt, String cardUid, String officeCode, Instant receivedAt) {}
