package org.cetak.printing;

import java.util.List;
import java.util.Optional;

/**
 * A printer as the API and the console show it.
 *
 * @param reason why it is in its mode: an officer's text, or with a {@code cause} the device's own
 *     text
 * @param cause why the station quarantined or paused it ({@link HaltCause}), when it did
 * @param sightings where the operator may say the open job's card is (names of {@link Sighting});
 *     empty unless its outcome is unknown
 * @param printedToday blanks of this printer the ledger moved to printed today
 * @param spoiledToday blanks of this printer the ledger moved to spoiled today
 * @param readerState its chip reader ({@link org.cetak.printing.device.ReaderStatus}), when this
 *     node drives it
 */
public record PrinterSummary(
    long id,
    String code,
    String name,
    String mode,
    String reason,
    Optional<String> cause,
    Optional<String> owner,
    boolean drivenHere,
    Optional<Long> openJobId,
    Optional<String> openJobStage,
    Optional<Long> currentRequestId,
    Optional<String> openJobNote,
    List<String> sightings,
    int feeder,
    Optional<Integer> ribbonLeft,
    Optional<String> position,
    int printedToday,
    int spoiledToday,
    Optional<String> readerState) {}
