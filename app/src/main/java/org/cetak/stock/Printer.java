package org.cetak.stock;

/** A card printer of an office; it has a feeder and an inside in the ledger. */
public record Printer(long id, long officeId, String code, String name, String model) {}
