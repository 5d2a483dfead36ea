package org.cetak.drivers.chip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The personalisation sequence against a small in-test card (no PC/SC). */
class ProfileWriterTest {

  /** A card of the open profile, enough to answer the writer. */
  private static final class FakeCard implements ApduChannel {
    final Map<Integer, byte[]> files = new HashMap<>();
    Integer selected;
    boolean locked;
    int transmits;
    Integer removeAfter;
    Integer muteAfter;

    FakeCard() {
      for (ChipFile f : ChipFile.values()) {
        files.put(f.fid(), new byte[f.sizeLimit()]);
      }
    }

    @Override
    public byte[] transmit(byte[] c) {
      if (removeAfter != null && transmits++ >= removeAfter) {
        throw new ChipLinkException(ChipLinkException.Kind.CARD_REMOVED, "gone", null);
      }
      if (muteAfter != null && transmits++ >= muteAfter) {
        throw new ChipLinkException(ChipLinkException.Kind.MUTE, "no answer", null);
      }
      int ins = c[1] & 0xFF;
      if (ins == 0xCA) {
        return new byte[] {4, 1, 2, 3, (byte) 0x90, 0};
      }
      if (ins == 0xA4) {
        if (c[2] == 2) {
          selected = ((c[5] & 0xFF) << 8) | (c[6] & 0xFF);
        }
        return new byte[] {(byte) 0x90, 0};
      }
      int offset = ((c[2] & 0xFF) << 8) | (c[3] & 0xFF);
      byte[] file = files.get(selected);
      if (ins == 0xD6) {
        if (locked) {
          return new byte[] {0x69, (byte) 0x82};
        }
        System.arraycopy(c, 5, file, offset, c[4] & 0xFF);
        return new byte[] {(byte) 0x90, 0};
      }
      if (ins == 0xB0) {
        int le = c[4] == 0 ? 256 : c[4] & 0xFF;
        int end = Math.min(file.length, offset + le);
        byte[] data = Arrays.copyOfRange(file, offset, end);
        byte[] r = Arrays.copyOf(data, data.length + 2);
        r[data.length] = end - offset < le ? (byte) 0x62 : (byte) 0x90;
        r[data.length + 1] = end - offset < le ? (byte) 0x82 : 0;
        return r;
      }
      locked = true;
      return new byte[] {(byte) 0x90, 0};
    }
  }

  @Test
  void writes_every_file_in_chunks_and_locks() {
    FakeCard card = new FakeCard();
    ChipPayload payload = TestPayloads.synthetic(8);

    ChipOutcome<Personalised> outcome = new ProfileWriter(card).personalise(payload);

    assertThat(outcome.done()).isTrue();
    byte[] photo = payload.content(ChipFile.PHOTO);
    assertThat(Arrays.copyOf(card.files.get(0x0102), photo.length)).isEqualTo(photo);
    assertThat(card.locked).isTrue();
  }

  @Test
  void a_full_file_read_ending_in_62_82_still_verifies() {
    FakeCard card = new FakeCard();
    byte[] full = new byte[1024];
    Arrays.fill(full, (byte) 7);

    ChipOutcome<Personalised> outcome =
        new ProfileWriter(card).personalise(new ChipPayload(full, new byte[10], full, full));

    assertThat(outcome.done()).isTrue();
  }

  @Test
  void card_removed_mid_write_carries_the_uid_and_stage() {
    FakeCard card = new FakeCard();
    card.removeAfter = 4; // UID, select, select, one chunk: the second chunk fails

    ChipOutcome<Personalised> outcome =
        new ProfileWriter(card).personalise(TestPayloads.synthetic(8));

    assertThat(outcome).isInstanceOf(ChipOutcome.CardRemoved.class);
    ChipOutcome.CardRemoved<Personalised> removed = (ChipOutcome.CardRemoved<Personalised>) outcome;
    assertThat(removed.uid()).isEqualTo(Optional.of(ChipUid.ofHex("04010203")));
    assertThat(removed.stage()).isEqualTo("update 0101 at 224");
  }

  @Test
  void a_chip_that_answers_its_uid_then_falls_silent_is_mute_with_its_uid() {
    FakeCard card = new FakeCard();
    card.muteAfter = 1; // the UID answers, selecting the application does not

    ChipOutcome<Personalised> outcome =
        new ProfileWriter(card).personalise(TestPayloads.synthetic(9));

    assertThat(outcome).isInstanceOf(ChipOutcome.MuteChip.class);
    ChipOutcome.MuteChip<Personalised> mute = (ChipOutcome.MuteChip<Personalised>) outcome;
    assertThat(mute.uid()).isEqualTo(Optional.of(ChipUid.ofHex("04010203")));
  }
}
