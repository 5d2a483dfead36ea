package org.cetak.printing.device;

/**
 * The chip encoder at a printer's contactless station: reads the UID of the card parked there and
 * writes its personalisation. Used by one thread at a time.
 */
public interface ChipStation extends AutoCloseable {

  ChipOutcome personalise(ChipPayload payload);

  /** The reader's state now, without waiting for a card; empty when this station cannot look. */
  default java.util.Optional<ReaderStatus> readerStatus() {
    return java.util.Optional.empty();
  }

  @Override
  void close();
}
