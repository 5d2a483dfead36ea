package org.cetak.allocation;

/**
 * Assumptions for estimated print dates when the drop history is too short to learn from.
 *
 * @param dropQuantity blanks in a drop
 * @param dropEveryDays days between drops
 */
public record ForecastSettings(long dropQuantity, int dropEveryDays) {

  public ForecastSettings {
    if (dropQuantity <= 0 || dropEveryDays <= 0) {
      throw new IllegalArgumentException("expected drops must be positive");
    }
  }
}
