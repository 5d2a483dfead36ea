package org.cetak.printing;

import org.cetak.printing.device.ChipPayload;
import org.cetak.printing.face.PanelSet;

/**
 * A request's card ready to print: its panels rendered, its chip payload built.
 *
 * @param reprint whether this prints an approved reprint of a printed card
 */
public record PreparedCard(long requestId, PanelSet panels, ChipPayload chip, boolean reprint) {}
