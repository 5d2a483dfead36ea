package org.cetak.printing.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cetak.drivers.printer.EncodedFaces;
import org.cetak.drivers.printer.EncodedPanel;
import org.cetak.printing.device.WirePanels;
import org.junit.jupiter.api.Test;

/**
 * The bytes a prepared card sends to the printer. Every panel is encoded as if packed and
 * compressed afresh from its dots, and the colour and overlay panels (drawn the same dot for dot on
 * every JDK, see {@link CardFaceGoldenTest}) send the bytes recorded from the encoder as it was
 * first released.
 */
class WireEncodingTest {

  /** Resident, then the SHA-256 of the wire data of the y, m, c and o panels. */
  private static final List<String> RECORDED =
      List.of(
          "photo-and-signature y=469695e0cbca6840719320be5cd3ebae01ef93c8816fd7afa4d8f16feb31f2a5 m=322bd9663a85cc88f5f9d69d220bf243b7d12b426b2a29af1d1fedf6e6121901 c=55b9b550c114662ac600c7fcfb2079eeb3a3545d177d2702b99bc88bf0cbbd6c o=e7daf963787e9f6feaf33dbd6c22c33bc60755cb50dab7f5d566524d6f0522b4",
          "no-photo y=49bb35c883b23fae132270b9b906335a524aee0054631f2abacbef472f98017c m=8b1ad14acc2dec66a60a5b4273c6b7558acee5b59ee5f96ab77fbea9c07655e3 c=48ef623e009b35439a561af330e54e1fedf8ad10487446e4e76cdf1cd8179319 o=e7daf963787e9f6feaf33dbd6c22c33bc60755cb50dab7f5d566524d6f0522b4",
          "no-images y=49bb35c883b23fae132270b9b906335a524aee0054631f2abacbef472f98017c m=8b1ad14acc2dec66a60a5b4273c6b7558acee5b59ee5f96ab77fbea9c07655e3 c=48ef623e009b35439a561af330e54e1fedf8ad10487446e4e76cdf1cd8179319 o=e7daf963787e9f6feaf33dbd6c22c33bc60755cb50dab7f5d566524d6f0522b4",
          "translucent-wide-photo y=dfe2ad7c1d283d5c8441f7e5bd3b0f0998d0d11a8047e0ec422d5e27872c3a5f m=87342613c6ab8e64e5cdde8cd3c1677cf5617caea91946384c2d36ff5aaa4d31 c=e785a82ad6d6d3badb4a6d84c1f5d4ef8b15fd8815e28796f8e2bb4507600608 o=e7daf963787e9f6feaf33dbd6c22c33bc60755cb50dab7f5d566524d6f0522b4",
          "all-fields-long y=469695e0cbca6840719320be5cd3ebae01ef93c8816fd7afa4d8f16feb31f2a5 m=322bd9663a85cc88f5f9d69d220bf243b7d12b426b2a29af1d1fedf6e6121901 c=55b9b550c114662ac600c7fcfb2079eeb3a3545d177d2702b99bc88bf0cbbd6c o=e7daf963787e9f6feaf33dbd6c22c33bc60755cb50dab7f5d566524d6f0522b4",
          "nik-3271051708900000 y=469695e0cbca6840719320be5cd3ebae01ef93c8816fd7afa4d8f16feb31f2a5 m=322bd9663a85cc88f5f9d69d220bf243b7d12b426b2a29af1d1fedf6e6121901 c=55b9b550c114662ac600c7fcfb2079eeb3a3545d177d2702b99bc88bf0cbbd6c o=e7daf963787e9f6feaf33dbd6c22c33bc60755cb50dab7f5d566524d6f0522b4",
          "nik-3271051708907919 y=469695e0cbca6840719320be5cd3ebae01ef93c8816fd7afa4d8f16feb31f2a5 m=322bd9663a85cc88f5f9d69d220bf243b7d12b426b2a29af1d1fedf6e6121901 c=55b9b550c114662ac600c7fcfb2079eeb3a3545d177d2702b99bc88bf0cbbd6c o=e7daf963787e9f6feaf33dbd6c22c33bc60755cb50dab7f5d566524d6f0522b4",
          "nik-3271051708915838 y=469695e0cbca6840719320be5cd3ebae01ef93c8816fd7afa4d8f16feb31f2a5 m=322bd9663a85cc88f5f9d69d220bf243b7d12b426b2a29af1d1fedf6e6121901 c=55b9b550c114662ac600c7fcfb2079eeb3a3545d177d2702b99bc88bf0cbbd6c o=e7daf963787e9f6feaf33dbd6c22c33bc60755cb50dab7f5d566524d6f0522b4");

  private static final CardFaceRenderer RENDERER = new CardFaceRenderer();

  @Test
  void a_prepared_card_sends_each_panel_as_encoded_from_its_dots() {
    for (CardFaceData resident : residents().values()) {
      PanelSet panels = RENDERER.render(resident).panels();

      EncodedFaces prepared = WirePanels.encode(panels);

      EncodedFaces fromDots = EncodedFaces.of(WirePanels.faces(panels));
      assertThat(prepared).isEqualTo(fromDots);
    }
  }

  @Test
  void colour_and_overlay_panels_send_the_recorded_bytes() {
    assertThat(current()).containsExactlyElementsOf(RECORDED);
  }

  static List<String> current() {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, CardFaceData> resident : residents().entrySet()) {
      EncodedFaces faces = WirePanels.encode(RENDERER.render(resident.getValue()).panels());
      StringBuilder line = new StringBuilder(resident.getKey());
      for (EncodedPanel p : faces.front()) {
        if (p.colour() != org.cetak.drivers.printer.PanelColour.BLACK) {
          line.append(' ').append(p.colour().wire()).append('=').append(sha256(p.data()));
        }
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static Map<String, CardFaceData> residents() {
    Map<String, CardFaceData> residents = new LinkedHashMap<>();
    residents.put("photo-and-signature", SampleResidents.sari());
    residents.put("no-photo", SampleResidents.withoutPhoto());
    residents.put("no-images", SampleResidents.withImages(Optional.empty(), Optional.empty()));
    residents.put(
        "translucent-wide-photo",
        SampleResidents.withPhoto(SampleResidents.translucentWidePhoto()));
    residents.put("all-fields-long", SampleResidents.allFieldsLong());
    for (int i = 0; i < 3; i++) {
      String nik = String.format(Locale.ROOT, "32710517089%05d", i * 7919);
      residents.put("nik-" + nik, SampleResidents.withNik(nik));
    }
    return residents;
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JRE", e);
    }
  }
}
