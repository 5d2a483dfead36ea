package org.cetak.allocation;

import java.util.OptionalInt;

/**
 * What an allocation run did.
 *
 * @param available blanks in the vault and feeders
 * @param held blanks already held by reservations not yet printed
 * @param usable {@code available - held}
 * @param capLeft cards the daily cap still allows after today's prints and outstanding
 *     reservations; empty without a cap
 * @param granted reservations made by this run
 * @param released reservations of withdrawn requests released by this run
 * @param queued requests still waiting after the run
 */
public record RunResult(
    long runId,
    long officeId,
    int policyVersion,
    long available,
    long held,
    long usable,
    int urgentReserve,
    OptionalInt capLeft,
    int granted,
    int released,
    long queued,
    long millis) {}
