package org.cetak.printing;

/** A printer as the print station knows it: its id, its office and its code (e.g. PRN-1). */
public record PrinterRef(long id, long officeId, String code) {}
