package org.cetak.sim.registry;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One synthetic resident's print-ready record, with the field names of IMPORT-FORMAT.md, and its
 * generated biometric payloads (face JPEG, signature PNG, two fingerprint templates). Invented
 * people: no real name, photo or fingerprint.
 */
// Generated payloads served as they are; toString below prints only sizes.
@SuppressWarnings("ArrayRecordComponent")
public record Resident(
    Map<String, String> fields, byte[] photoJpeg, byte[] signaturePng, byte[] fingerprints) {

  public Resident {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public String nik() {
    return fields.get("nik");
  }

  public String field(String name) {
    return fields.get(name);
  }

  /** The record as the registry serves it: the fields, plus the payloads in base64. */
  public Map<String, Object> toJson(boolean payloads) {
    Map<String, Object> m = new LinkedHashMap<>(fields);
    if (payloads) {
      Base64.Encoder b64 = Base64.getEncoder();
      m.put("photo_jpeg_base64", b64.encodeToString(photoJpeg));
      m.put("signature_png_base64", b64.encodeToString(signaturePng));
      m.put("fingerprints_base64", b64.encodeToString(fingerprints));
    }
    return m;
  }

  /**
   * The field names and the payloads' sizes only: even invented residents look like personal data
   * in a log, and a log line must not teach anyone to print the real ones.
   */
  @Override
  public String toString() {
    return "Resident[fields="
        + fields.keySet()
        + ", photo="
        + photoJpeg.length
        + " B, signature="
        + signaturePng.length
        + " B, fingerprints="
        + fingerprints.length
        + " B]";
  }
}
