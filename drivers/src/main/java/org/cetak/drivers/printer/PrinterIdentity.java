package org.cetak.drivers.printer;

/** What a printer says it is ({@code Rtp}, {@code Rsn}, {@code Rfv}). */
public record PrinterIdentity(String model, String serialNumber, String firmware) {}
