package org.cetak.printing.web;

import java.util.Optional;

/** A printer as the API and the console show it. */
public record PrinterSummary(
    long id,
    String code,
    String name,
    String mode,
    String reason,
    Optional<String> owner,
    boolean drivenHere,
    Optional<Long> openJobId,
    Optional<String> openJobStage,
    Optional<Long> currentRequestId,
    Optional<String> openJobNote,
    int feeder,
    Optional<Integer> ribbonLeft,
    Optional<String> position,
    int printedToday,
    int spoiledToday) {}
