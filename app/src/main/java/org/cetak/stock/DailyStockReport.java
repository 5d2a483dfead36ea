package org.cetak.stock;

import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The daily stock report of an office (laporan harian stok blanko), days in the office's zone.
 * Blanks on hand are those in the vault, the feeders, inside printers and of unknown outcome:
 * closing = opening + received + borrowed + found again - printed - spoiled - lent - lost; borrowed
 * and lent are net of the blanks of loans returned that day. Destroyed cards were already counted
 * as spoiled. Old cards are counted apart.
 */
public record DailyStockReport(
    long officeId,
    String officeName,
    LocalDate day,
    long opening,
    long received,
    long borrowed,
    long printed,
    long spoiled,
    long destroyed,
    long lent,
    long closing,
    Map<String, Long> spoiledByReason,
    long closingVault,
    long closingFeeders,
    long closingInsidePrinters,
    long closingUnknown,
    long spoiledAwaitingDestruction,
    long oldCardsWithdrawn,
    long oldCardsDestroyed,
    long reserved,
    long usable,
    long reorderThreshold,
    boolean reorderAlert,
    long usedLast14Days,
    OptionalDouble daysOfStockLeft,
    long lost,
    long foundAgain,
    long closingLost) {

  /** Whether the day's flows explain the change from opening to closing. */
  public boolean closes() {
    return opening + received + borrowed + foundAgain - printed - spoiled - lent - lost == closing;
  }
}
