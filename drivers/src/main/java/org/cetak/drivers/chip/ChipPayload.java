package org.cetak.drivers.chip;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.Map;

/**
 * What goes onto one chip: the four data files; the security object (SHA-256 of each, in FID order)
 * is derived. Personal data: {@link #toString} shows sizes only.
 */
public final class ChipPayload {

  private final Map<ChipFile, byte[]> files = new EnumMap<>(ChipFile.class);

  public ChipPayload(byte[] biodata, byte[] photo, byte[] signature, byte[] fingerprints) {
    put(ChipFile.BIODATA, biodata);
    put(ChipFile.PHOTO, photo);
    put(ChipFile.SIGNATURE, signature);
    put(ChipFile.FINGERPRINTS, fingerprints);
    byte[] securityObject = new byte[128];
    int i = 0;
    for (ChipFile file :
        new ChipFile[] {
          ChipFile.BIODATA, ChipFile.PHOTO, ChipFile.SIGNATURE, ChipFile.FINGERPRINTS
        }) {
      System.arraycopy(sha256(files.get(file)), 0, securityObject, 32 * i++, 32);
    }
    files.put(ChipFile.SECURITY_OBJECT, securityObject);
  }

  private void put(ChipFile file, byte[] content) {
    if (content.length > file.sizeLimit()) {
      throw new IllegalArgumentException(
          file + " holds at most " + file.sizeLimit() + " bytes, not " + content.length);
    }
    files.put(file, content.clone());
  }

  /** The bytes to write into {@code file}. */
  public byte[] content(ChipFile file) {
    return files.get(file).clone();
  }

  /** SHA-256, the digest of the profile. */
  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("ChipPayload[");
    files.forEach(
        (file, content) -> text.append(file).append('=').append(content.length).append("B "));
    return text.append(']').toString();
  }
}
