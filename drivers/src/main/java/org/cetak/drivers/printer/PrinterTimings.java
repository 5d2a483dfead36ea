package org.cetak.drivers.printer;

import java.time.Duration;

/**
 * How long each command is expected to take (PROTOCOL.md "Timing"), the margin added to make its
 * timeout, and how the driver finds out what happened after a timeout.
 *
 * @param linkBytesPerSecond how fast panel data crosses the link (115200 baud ≈ 11,520 B/s), so a
 *     {@code Db} of 411 KB gets the time its bytes need
 * @param recoveryBudget how long the driver keeps asking for status after a lost reply before it
 *     calls the outcome unknown
 * @param pollInterval pause between those status requests
 */
public record PrinterTimings(
    Duration query,
    Duration pickAndPark,
    Duration pickToPrint,
    Duration printFront,
    Duration printBack,
    Duration eject,
    Duration reject,
    Duration reset,
    Duration margin,
    long linkBytesPerSecond,
    Duration recoveryBudget,
    Duration pollInterval) {

  public PrinterTimings {
    if (linkBytesPerSecond <= 0) {
      throw new IllegalArgumentException("link speed must be positive");
    }
  }

  /** The field figures of PROTOCOL.md with a 5 s margin, over a 115200-baud serial line. */
  public static PrinterTimings field() {
    return new PrinterTimings(
        Duration.ZERO,
        Duration.ofMillis(3500),
        Duration.ofMillis(3500),
        Duration.ofSeconds(16),
        Duration.ofSeconds(8),
        Duration.ofMillis(1500),
        Duration.ofSeconds(2),
        Duration.ofSeconds(10),
        Duration.ofSeconds(5),
        11_520,
        Duration.ofSeconds(60),
        Duration.ofMillis(500));
  }

  /**
   * The same expectations multiplied by {@code factor} (a simulator running faster than life): each
   * movement's time, and the time panel data needs on the link (the link's speed divided by {@code
   * factor}; 0 is a link that takes no time). The margin, the recovery budget and the poll interval
   * stay as they are; a factor of 1 changes nothing.
   */
  public PrinterTimings scaled(double factor) {
    return new PrinterTimings(
        scale(query, factor),
        scale(pickAndPark, factor),
        scale(pickToPrint, factor),
        scale(printFront, factor),
        scale(printBack, factor),
        scale(eject, factor),
        scale(reject, factor),
        scale(reset, factor),
        margin,
        Math.max(1, Math.round(linkBytesPerSecond / factor)),
        recoveryBudget,
        pollInterval);
  }

  /** A copy with another margin, recovery budget and poll interval. */
  public PrinterTimings withRecovery(Duration margin, Duration budget, Duration poll) {
    return new PrinterTimings(
        query,
        pickAndPark,
        pickToPrint,
        printFront,
        printBack,
        eject,
        reject,
        reset,
        margin,
        linkBytesPerSecond,
        budget,
        poll);
  }

  /** A copy for a link of another speed. */
  public PrinterTimings withLinkSpeed(long bytesPerSecond) {
    return new PrinterTimings(
        query,
        pickAndPark,
        pickToPrint,
        printFront,
        printBack,
        eject,
        reject,
        reset,
        margin,
        bytesPerSecond,
        recoveryBudget,
        pollInterval);
  }

  /** The timeout of a command expected to take {@code expected}. */
  public Duration timeout(Duration expected) {
    return expected.plus(margin);
  }

  /** The timeout of a request of {@code bytes} bytes that takes no time once received. */
  public Duration transfer(int bytes) {
    return Duration.ofMillis(bytes * 1000L / linkBytesPerSecond).plus(margin);
  }

  private static Duration scale(Duration d, double factor) {
    return Duration.ofNanos(Math.round(d.toNanos() * factor));
  }
}
