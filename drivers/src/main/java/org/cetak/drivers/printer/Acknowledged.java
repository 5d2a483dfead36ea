package org.cetak.drivers.printer;

import java.util.Optional;

/**
 * An action the printer did.
 *
 * @param command the command name ({@code Sic}, {@code Se} ...)
 * @param confirmedBy the status that showed it done when the reply itself was lost (a timeout);
 *     empty when the printer answered {@code OK}
 */
public record Acknowledged(String command, Optional<PrinterStatus> confirmedBy) {}
