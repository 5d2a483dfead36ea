package org.cetak.sim.card;

/**
 * One panel printed on a card: the side ({@code front}/{@code back}), the panel letter ({@code y m
 * c k o}), the levels, and the SHA-256 (hex) of the uncompressed panel bitmap.
 */
public record PrintedPanel(String side, String panel, int levels, String sha256) {}
