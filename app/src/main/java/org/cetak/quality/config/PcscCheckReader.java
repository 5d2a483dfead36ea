package org.cetak.quality.config;

import java.time.Duration;
import org.cetak.drivers.chip.ChipEncoder;
import org.cetak.drivers.chip.ChipOutcome;
import org.cetak.drivers.chip.ChipUid;
import org.cetak.quality.CardCheck;
import org.cetak.quality.CheckReader;

/** The check desk's PC/SC reader, through the chip encoder's port ({@code FF CA 00 00 00}). */
final class PcscCheckReader implements CheckReader {

  private final ChipEncoder encoder;
  private final Duration waitForCard;

  PcscCheckReader(ChipEncoder encoder, Duration waitForCard) {
    this.encoder = encoder;
    this.waitForCard = waitForCard;
  }

  @Override
  public synchronized ReadBack read(CardCheck card) {
    ChipOutcome<ChipUid> outcome = encoder.readUid(waitForCard);
    if (outcome instanceof ChipOutcome.Done<ChipUid> done) {
      return new Read(done.value().hex());
    }
    return new NotRead(outcome.getClass().getSimpleName() + ": " + outcome);
  }
}
