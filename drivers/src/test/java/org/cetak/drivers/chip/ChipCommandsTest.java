package org.cetak.drivers.chip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ChipCommandsTest {

  private static String hex(byte[] b) {
    return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b);
  }

  @Test
  void profile_apdus_are_byte_exact() {
    assertThat(hex(ChipCommands.getUid())).isEqualTo("FF CA 00 00 00");
    assertThat(hex(ChipCommands.selectApplication()))
        .isEqualTo("00 A4 04 0C 07 F0 43 45 54 41 4B 01");
    assertThat(hex(ChipCommands.selectFile(ChipFile.SECURITY_OBJECT)))
        .isEqualTo("00 A4 02 0C 02 01 1D");
    assertThat(hex(ChipCommands.updateBinary(0x01C0, new byte[] {9, 8, 7}, 1, 2)))
        .isEqualTo("00 D6 01 C0 02 08 07");
    assertThat(hex(ChipCommands.readBinary(0x0100, 256))).isEqualTo("00 B0 01 00 00");
    assertThat(hex(ChipCommands.lock())).isEqualTo("80 E0 00 00 00");
  }

  @Test
  void chunks_beyond_224_bytes_are_refused() {
    assertThatThrownBy(() -> ChipCommands.updateBinary(0, new byte[225], 0, 225))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void written_data_is_logged_only_as_length_and_digest() {
    String logged =
        ChipCommands.describe(ChipCommands.updateBinary(0, new byte[] {0x41, 0x42}, 0, 2));

    assertThat(logged).startsWith("00 D6 00 00 02 <data 2 bytes sha256=").doesNotContain("41 42");
  }

  @Test
  void payload_security_object_is_the_digests_in_fid_order() {
    ChipPayload payload = TestPayloads.synthetic(3);

    byte[] so = payload.content(ChipFile.SECURITY_OBJECT);

    assertThat(so).hasSize(128);
    assertThat(java.util.Arrays.copyOfRange(so, 32, 64))
        .isEqualTo(ChipPayload.sha256(payload.content(ChipFile.PHOTO)));
    assertThat(payload.toString()).doesNotContain("NIK");
  }

  @Test
  void a_file_over_its_size_limit_is_refused() {
    assertThatThrownBy(() -> new ChipPayload(new byte[1025], new byte[0], new byte[0], new byte[0]))
        .hasMessageContaining("BIODATA");
  }
}
