package org.cetak.drivers.chip;

import java.util.List;

/** A chip written, verified and locked: its UID and the SHA-256 of each file written (hex). */
public record Personalised(ChipUid uid, List<String> fileSha256) {
  public Personalised {
    fileSha256 = List.copyOf(fileSha256);
  }
}
