package org.cetak.printing;

import org.cetak.drivers.printer.EncodedFaces;
import org.cetak.printing.device.ChipPayload;

/**
 * A request's card ready to print: its panels rendered and encoded for the printer's wire, its chip
 * payload built.
 *
 * @param reprint whether this prints an approved reprint of a printed card
 */
public record PreparedCard(long requestId, EncodedFaces faces, ChipPayload chip, boolean reprint) {}
