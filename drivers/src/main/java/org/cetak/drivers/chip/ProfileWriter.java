package org.cetak.drivers.chip;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The open profile's personalisation sequence over any {@link ApduChannel}: the protocol logic,
 * free of {@code javax.smartcardio}. Never throws: link failures and unexpected answers become
 * {@link ChipOutcome} values that say at which step it happened.
 */
public final class ProfileWriter {

  private static final ChipFile[] ORDER = {
    ChipFile.BIODATA,
    ChipFile.PHOTO,
    ChipFile.SIGNATURE,
    ChipFile.FINGERPRINTS,
    ChipFile.SECURITY_OBJECT
  };

  private final ApduChannel channel;
  private String stage = "start";
  private ChipUid uid;

  public ProfileWriter(ApduChannel channel) {
    this.channel = channel;
  }

  /** A failure on the way; carries the outcome to return. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ChipOutcome<?> outcome;

    Stop(ChipOutcome<?> outcome) {
      super(null, null, false, false);
      this.outcome = outcome;
    }
  }

  /** Reads the UID. */
  public ChipOutcome<ChipUid> readUid() {
    try {
      return new ChipOutcome.Done<>(uid());
    } catch (Stop stop) {
      return cast(stop.outcome);
    }
  }

  /** Writes, verifies and locks. */
  public ChipOutcome<Personalised> personalise(ChipPayload payload) {
    try {
      uid();
      stage = "select application";
      expectOk(exchange(ChipCommands.selectApplication()));
      List<String> digests = new ArrayList<>();
      for (ChipFile file : ORDER) {
        byte[] content = payload.content(file);
        stage = "select " + file.fidHex();
        expectOk(exchange(ChipCommands.selectFile(file)));
        write(file, content);
        byte[] back = read(file, content.length);
        String expected = HexFormat.of().formatHex(ChipPayload.sha256(content));
        String actual = HexFormat.of().formatHex(ChipPayload.sha256(back));
        if (!expected.equals(actual)) {
          return new ChipOutcome.VerifyMismatch<>(file, expected, actual, uid);
        }
        digests.add(expected);
      }
      stage = "lock";
      ResponseApdu lock = exchange(ChipCommands.lock());
      if (lock.statusWord() == ResponseApdu.LOCKED
          || lock.statusWord() == ResponseApdu.MEMORY_FAILURE) {
        return new ChipOutcome.WriteRefused<>(ChipFile.SECURITY_OBJECT, lock.statusWord(), uid);
      }
      expectOk(lock);
      return new ChipOutcome.Done<>(new Personalised(uid, digests));
    } catch (Stop stop) {
      return cast(stop.outcome);
    }
  }

  private ChipUid uid() {
    if (uid != null) {
      return uid;
    }
    stage = "get UID";
    ResponseApdu response = exchange(ChipCommands.getUid());
    expectOk(response);
    try {
      uid = ChipUid.of(response.data());
    } catch (IllegalArgumentException e) {
      throw new Stop(new ChipOutcome.ProtocolFailure<>(stage, e.getMessage(), Optional.empty()));
    }
    return uid;
  }

  private void write(ChipFile file, byte[] content) {
    for (int offset = 0; offset < content.length; offset += ChipCommands.MAX_WRITE_CHUNK) {
      int length = Math.min(ChipCommands.MAX_WRITE_CHUNK, content.length - offset);
      stage = "update " + file.fidHex() + " at " + offset;
      ResponseApdu response = exchange(ChipCommands.updateBinary(offset, content, offset, length));
      int sw = response.statusWord();
      if (sw == ResponseApdu.MEMORY_FAILURE || sw == ResponseApdu.LOCKED) {
        throw new Stop(new ChipOutcome.WriteRefused<>(file, sw, uid));
      }
      expectOk(response);
    }
  }

  private byte[] read(ChipFile file, int length) {
    java.io.ByteArrayOutputStream back = new java.io.ByteArrayOutputStream(length);
    int offset = 0;
    while (offset < length) {
      int wanted = Math.min(ChipCommands.MAX_READ_CHUNK, length - offset);
      stage = "read " + file.fidHex() + " at " + offset;
      ResponseApdu response = exchange(ChipCommands.readBinary(offset, wanted));
      int sw = response.statusWord();
      if (sw != ResponseApdu.OK && sw != ResponseApdu.END_OF_FILE) {
        fail(response);
      }
      back.write(response.data(), 0, response.data().length);
      offset += response.data().length;
      if (sw == ResponseApdu.END_OF_FILE || response.data().length == 0) {
        break; // the file ends here; a short read shows up as a digest mismatch
      }
    }
    return back.toByteArray();
  }

  private ResponseApdu exchange(byte[] command) {
    byte[] raw;
    try {
      raw = channel.transmit(command);
    } catch (ChipLinkException e) {
      throw new Stop(linkFailure(e));
    }
    try {
      return ResponseApdu.parse(raw);
    } catch (ChipProtocolException e) {
      throw new Stop(
          new ChipOutcome.ProtocolFailure<>(stage, e.getMessage(), Optional.ofNullable(uid)));
    }
  }

  private ChipOutcome<?> linkFailure(ChipLinkException e) {
    Optional<ChipUid> known = Optional.ofNullable(uid);
    return switch (e.kind()) {
      case CARD_REMOVED -> new ChipOutcome.CardRemoved<>(stage, known, e.getMessage());
      case MUTE -> new ChipOutcome.MuteChip<>("", stage + ": " + e.getMessage(), known);
      case SERVICE -> new ChipOutcome.ServiceUnavailable<>(stage + ": " + e.getMessage());
      case NO_READER -> new ChipOutcome.NoReader<>("", List.of());
      case OTHER -> new ChipOutcome.ProtocolFailure<>(stage, e.getMessage(), known);
    };
  }

  private void expectOk(ResponseApdu response) {
    if (!response.ok()) {
      fail(response);
    }
  }

  private void fail(ResponseApdu response) {
    throw new Stop(
        new ChipOutcome.ProtocolFailure<>(
            stage,
            "status word " + ResponseApdu.sw(response.statusWord()),
            Optional.ofNullable(uid)));
  }

  @SuppressWarnings("unchecked")
  private static <T> ChipOutcome<T> cast(ChipOutcome<?> failure) {
    // only failures travel in Stop, and they carry no value
    return (ChipOutcome<T>) failure;
  }
}
