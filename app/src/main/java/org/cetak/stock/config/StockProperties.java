package org.cetak.stock.config;

import java.util.Map;
import org.cetak.stock.DropLimits;
import org.cetak.stock.FeederCapacity;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of plausible stock movements.
 *
 * <pre>
 * cetak.stock:
 *   max-drop-quantity: 20000        # the most blanks one drop may hold
 *   max-document-no-length: 64      # the longest hand-over document number
 *   feeder-capacity: 200            # blanks a feeder holds when its model is not listed below
 *   feeder-capacity-by-model:
 *     HDP5000: 100
 * </pre>
 */
@ConfigurationProperties("cetak.stock")
public record StockProperties(
    int maxDropQuantity,
    int maxDocumentNoLength,
    int feederCapacity,
    Map<String, Integer> feederCapacityByModel) {

  /** Blanks a feeder holds when neither its model nor the configuration says otherwise. */
  static final int FEEDER_CAPACITY = 200;

  public StockProperties {
    maxDropQuantity = maxDropQuantity <= 0 ? DropLimits.DEFAULT.maxQuantity() : maxDropQuantity;
    maxDocumentNoLength =
        maxDocumentNoLength <= 0 ? DropLimits.DEFAULT.maxDocumentNoLength() : maxDocumentNoLength;
    feederCapacity = feederCapacity <= 0 ? FEEDER_CAPACITY : feederCapacity;
    feederCapacityByModel =
        feederCapacityByModel == null ? Map.of() : Map.copyOf(feederCapacityByModel);
  }

  DropLimits dropLimits() {
    return new DropLimits(maxDropQuantity, maxDocumentNoLength);
  }

  FeederCapacity feederCapacities() {
    int fallback = feederCapacity;
    Map<String, Integer> models = feederCapacityByModel;
    return printer -> models.getOrDefault(printer.model(), fallback);
  }
}
