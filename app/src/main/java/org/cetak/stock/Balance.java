package org.cetak.stock;

/** How many items of one kind are at one place of one office. */
public record Balance(long officeId, Item item, Place place, long quantity) {}
