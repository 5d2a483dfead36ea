package org.cetak.sim.printer;

import java.time.Duration;

/**
 * Nominal (field) durations of the printer's physical actions, from PROTOCOL.md "Timing". The
 * {@link org.cetak.sim.time.Timeline} turns them into real time (scaled, or none in zero-delay
 * mode).
 *
 * @param pickToContactless pick a blank and park it at the chip station (3.5 s)
 * @param pickToPrint pick a blank straight to the print position
 * @param stationToPrint move a card between the chip station and the print position
 * @param colourSide print one side with colour panels (YMCKO front: 16 s)
 * @param monoSide print one side with K/O panels only (back K: 8 s)
 * @param eject eject to the output hopper (1.5 s)
 * @param reject eject to the reject box (2 s)
 * @param chipMin shortest chip personalisation (5 s)
 * @param chipMax longest chip personalisation (20 s)
 * @param reboot a software reset or a crash reboot
 * @param command the least any request takes (a status query)
 */
public record TimingProfile(
    Duration pickToContactless,
    Duration pickToPrint,
    Duration stationToPrint,
    Duration colourSide,
    Duration monoSide,
    Duration eject,
    Duration reject,
    Duration chipMin,
    Duration chipMax,
    Duration reboot,
    Duration command) {

  /** The field figures of PROTOCOL.md. */
  public static TimingProfile field() {
    return new TimingProfile(
        Duration.ofMillis(3500),
        Duration.ofMillis(3000),
        Duration.ofMillis(1000),
        Duration.ofSeconds(16),
        Duration.ofSeconds(8),
        Duration.ofMillis(1500),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(20),
        Duration.ofSeconds(10),
        Duration.ofMillis(100));
  }
}
