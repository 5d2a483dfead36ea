package org.cetak.printing.device;

/**
 * The chip encoder at a printer's contactless station: reads the UID of the card parked there and
 * writes its personalisation. Used by one thread at a time.
 */
public interface ChipStation extends AutoCloseable {

  ChipOutcome personalise(ChipPayload payload);

  @Override
  void close();
}
