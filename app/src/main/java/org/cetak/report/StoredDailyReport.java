package org.cetak.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A daily stock report as it was issued and kept: the figures the province reads and the PDF.
 *
 * @param producedBy {@code scheduler} for the daily run, or the user who asked
 */
public record StoredDailyReport(
    long officeId,
    LocalDate day,
    long opening,
    long received,
    long printed,
    long spoiled,
    long lost,
    long closing,
    long usable,
    Instant producedAt,
    String producedBy) {}
