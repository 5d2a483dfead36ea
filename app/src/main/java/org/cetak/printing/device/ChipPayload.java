package org.cetak.printing.device;

/**
 * What goes onto a card's chip (the open profile of PROTOCOL.md part B): the biodata TLV, the
 * photo, the signature image and the fingerprint templates. Biometric content: never logged.
 */
// equals, hashCode and toString below look at the contents (toString only at sizes).
@SuppressWarnings("ArrayRecordComponent")
public record ChipPayload(byte[] biodata, byte[] photo, byte[] signature, byte[] fingerprints) {

  public ChipPayload {
    biodata = biodata.clone();
    photo = photo.clone();
    signature = signature.clone();
    fingerprints = fingerprints.clone();
  }

  @Override
  public byte[] biodata() {
    return biodata.clone();
  }

  @Override
  public byte[] photo() {
    return photo.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  @Override
  public byte[] fingerprints() {
    return fingerprints.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChipPayload p
        && java.util.Arrays.equals(biodata, p.biodata)
        && java.util.Arrays.equals(photo, p.photo)
        && java.util.Arrays.equals(signature, p.signature)
        && java.util.Arrays.equals(fingerprints, p.fingerprints);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(biodata) * 31 + java.util.Arrays.hashCode(photo);
  }

  @Override
  public String toString() {
    return "ChipPayload[biodata="
        + biodata.length
        + " B, photo="
        + photo.length
        + " B, signature="
        + signature.length
        + " B, fingerprints="
        + fingerprints.length
        + " B]";
  }
}
