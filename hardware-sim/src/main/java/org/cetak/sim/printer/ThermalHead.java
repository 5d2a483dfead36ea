package org.cetak.sim.printer;

import java.time.Duration;
import java.time.Instant;

/**
 * The print head's temperature: it warms with every printed card, cools towards the ambient
 * temperature with time, and refuses to print from its limit until it has cooled to the resume
 * temperature. Not thread-safe: the printer's lock guards it.
 */
final class ThermalHead {

  private final PrinterConfig.HeadModel model;
  private double temperature;
  private Instant at;
  private boolean cooling;

  ThermalHead(PrinterConfig.HeadModel model, Instant now) {
    this.model = model;
    this.temperature = model.ambient();
    this.at = now;
  }

  /** Lets the head cool until {@code now}; true when it has just cooled enough to print again. */
  boolean coolUntil(Instant now) {
    double seconds = Duration.between(at, now).toNanos() / 1e9;
    if (seconds > 0) {
      temperature = Math.max(model.ambient(), temperature - seconds * model.coolingPerSecond());
      at = now;
    }
    if (cooling && temperature <= model.resume()) {
      cooling = false;
      return true;
    }
    return false;
  }

  /** One card printed: the head warms, and rests from its limit. */
  void printedCard() {
    temperature += model.heatPerCard();
    if (temperature >= model.limit()) {
      cooling = true;
    }
  }

  /** The head overheats (a fault): past its limit, cooling. */
  void overheat() {
    temperature = Math.max(temperature, model.limit() + 10);
    cooling = true;
  }

  boolean cooling() {
    return cooling;
  }

  double temperature() {
    return temperature;
  }
}
