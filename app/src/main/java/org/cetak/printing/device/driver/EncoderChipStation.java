package org.cetak.printing.device.driver;

import java.time.Duration;
import java.util.Optional;
import org.cetak.drivers.chip.ChipEncoder;
import org.cetak.drivers.chip.ChipUid;
import org.cetak.drivers.chip.Personalised;
import org.cetak.drivers.chip.ReaderState;
import org.cetak.printing.device.ChipOutcome;
import org.cetak.printing.device.ChipOutcome.ChipFailure;
import org.cetak.printing.device.ChipPayload;
import org.cetak.printing.device.ChipStation;
import org.cetak.printing.device.ReaderStatus;

/** The print station's chip port over the PC/SC chip encoder. */
public final class EncoderChipStation implements ChipStation {

  private final ChipEncoder encoder;
  private final Duration waitForCard;

  public EncoderChipStation(ChipEncoder encoder, Duration waitForCard) {
    this.encoder = encoder;
    this.waitForCard = waitForCard;
  }

  @Override
  public ChipOutcome personalise(ChipPayload payload) {
    org.cetak.drivers.chip.ChipOutcome<Personalised> outcome =
        encoder.personalise(
            new org.cetak.drivers.chip.ChipPayload(
                payload.biodata(), payload.photo(), payload.signature(), payload.fingerprints()),
            waitForCard);
    if (outcome instanceof org.cetak.drivers.chip.ChipOutcome.Done<Personalised> done) {
      return new ChipOutcome.Written(hex(done.value().uid()));
    }
    if (outcome instanceof org.cetak.drivers.chip.ChipOutcome.NoReader<Personalised> r) {
      return failed(
          ChipFailure.NO_READER,
          Optional.empty(),
          "no reader matches " + r.pattern() + " among " + r.readers());
    }
    if (outcome instanceof org.cetak.drivers.chip.ChipOutcome.NoCard<Personalised> c) {
      return failed(
          ChipFailure.NO_CARD,
          Optional.empty(),
          "no card at " + c.reader() + " after " + c.waited());
    }
    if (outcome instanceof org.cetak.drivers.chip.ChipOutcome.MuteChip<Personalised> m) {
      return failed(ChipFailure.MUTE_CHIP, m.uid().map(EncoderChipStation::hex), m.detail());
    }
    if (outcome instanceof org.cetak.drivers.chip.ChipOutcome.CardRemoved<Personalised> r) {
      return failed(
          ChipFailure.CARD_REMOVED,
          r.uid().map(EncoderChipStation::hex),
          r.stage() + ": " + r.detail());
    }
    if (outcome instanceof org.cetak.drivers.chip.ChipOutcome.WriteRefused<Personalised> w) {
      return failed(
          ChipFailure.WRITE_REFUSED,
          Optional.of(hex(w.uid())),
          String.format("%s refused with %04X", w.file(), w.statusWord()));
    }
    if (outcome instanceof org.cetak.drivers.chip.ChipOutcome.VerifyMismatch<Personalised> v) {
      return failed(
          ChipFailure.VERIFY_MISMATCH, Optional.of(hex(v.uid())), v.file() + " read back differs");
    }
    if (outcome instanceof org.cetak.drivers.chip.ChipOutcome.ServiceUnavailable<Personalised> s) {
      return failed(ChipFailure.SERVICE_DOWN, Optional.empty(), s.detail());
    }
    org.cetak.drivers.chip.ChipOutcome.ProtocolFailure<Personalised> p =
        (org.cetak.drivers.chip.ChipOutcome.ProtocolFailure<Personalised>) outcome;
    return failed(
        ChipFailure.WRITE_REFUSED,
        p.uid().map(EncoderChipStation::hex),
        p.stage() + ": " + p.detail());
  }

  @Override
  public Optional<ReaderStatus> readerStatus() {
    ReaderState state = encoder.readerState();
    if (state instanceof ReaderState.Ready ready) {
      return Optional.of(ready.cardPresent() ? ReaderStatus.CARD_PRESENT : ReaderStatus.NO_CARD);
    }
    return Optional.of(
        state instanceof ReaderState.Missing ? ReaderStatus.MISSING : ReaderStatus.SERVICE_DOWN);
  }

  private static ChipOutcome failed(ChipFailure failure, Optional<String> uid, String detail) {
    return new ChipOutcome.Failed(failure, uid, detail);
  }

  private static String hex(ChipUid uid) {
    return uid.hex();
  }

  @Override
  public void close() {}
}
