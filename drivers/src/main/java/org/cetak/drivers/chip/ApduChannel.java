package org.cetak.drivers.chip;

/**
 * A channel to one chip: sends a command APDU and returns the raw response. Blocks until the
 * response arrives. Throws {@link ChipLinkException} when the link fails below the APDU level.
 */
@FunctionalInterface
public interface ApduChannel {
  byte[] transmit(byte[] command);
}
