package org.cetak.stock;

/**
 * Blanks of a loan coming back, whole or in part, with the document of their hand-over (berita
 * acara pengembalian).
 */
public record LoanReturn(String documentNo, int quantity) {}
