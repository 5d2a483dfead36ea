package org.cetak.intake;

import java.util.Optional;

/**
 * A record's biometric payload: face photo (JPEG), signature (PNG or JPEG), fingerprint templates
 * (opaque). Kept only until the card is printed (UU 27/2022).
 */
public record Payloads(
    Optional<byte[]> photo, Optional<byte[]> signature, Optional<byte[]> fingerprints) {

  public static Payloads none() {
    return new Payloads(Optional.empty(), Optional.empty(), Optional.empty());
  }

  public boolean isEmpty() {
    return photo.isEmpty() && signature.isEmpty() && fingerprints.isEmpty();
  }
}
