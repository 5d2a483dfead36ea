package org.cetak.printing;

/** A printer's mode and the reason an operator sees for it. */
public record PrinterState(PrinterMode mode, String reason) {}
