package org.cetak.printing.face;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.cetak.common.Masking;

/**
 * What goes on an e-KTP card face (<i>muka kartu</i>), taken from the resident's record.
 *
 * <p>All strings are required and non-blank except {@code bloodType} (<i>golongan darah</i>), which
 * may be empty when unknown and is printed as "-". {@code nik} is 16 digits, {@code sex} is "L"
 * (<i>laki-laki</i>) or "P" (<i>perempuan</i>); the printed words "LAKI-LAKI" and "PEREMPUAN" are
 * accepted and stored as "L" and "P". The photo is a JPEG (any format ImageIO reads is accepted);
 * the signature is an image with dark ink on a light or transparent background. Byte arrays are not
 * copied: callers must not change them after construction.
 */
public record CardFaceData(
    String province,
    String regency,
    String nik,
    String name,
    String birthPlace,
    LocalDate birthDate,
    String sex,
    String bloodType,
    String address,
    String rt,
    String rw,
    String village,
    String district,
    String religion,
    String maritalStatus,
    String occupation,
    String citizenship,
    Optional<byte[]> photoJpeg,
    Optional<byte[]> signatureImage,
    String issuePlace,
    LocalDate issueDate) {

  public CardFaceData {
    required("province", province);
    required("regency", regency);
    required("nik", nik);
    if (!nik.matches("[0-9]{16}")) {
      throw new InvalidCardFaceDataException("nik", "must be 16 digits");
    }
    required("name", name);
    required("birthPlace", birthPlace);
    required("birthDate", birthDate);
    required("sex", sex);
    sex = sexCode(sex);
    bloodType = bloodType == null ? "" : bloodType.strip();
    required("address", address);
    required("rt", rt);
    required("rw", rw);
    required("village", village);
    required("district", district);
    required("religion", religion);
    required("maritalStatus", maritalStatus);
    required("occupation", occupation);
    required("citizenship", citizenship);
    required("photoJpeg", photoJpeg);
    if (photoJpeg.isPresent() && photoJpeg.get().length == 0) {
      throw new InvalidCardFaceDataException("photoJpeg", "is present but empty");
    }
    required("signatureImage", signatureImage);
    if (signatureImage.isPresent() && signatureImage.get().length == 0) {
      throw new InvalidCardFaceDataException("signatureImage", "is present but empty");
    }
    required("issuePlace", issuePlace);
    required("issueDate", issueDate);
  }

  /** "L" or "P"; the printed words are accepted too, in any case. */
  private static String sexCode(String sex) {
    return switch (sex.strip().toUpperCase(Locale.ROOT)) {
      case "L", "LAKI-LAKI" -> "L";
      case "P", "PEREMPUAN" -> "P";
      default ->
          throw new InvalidCardFaceDataException(
              "sex", "must be \"L\" (LAKI-LAKI) or \"P\" (PEREMPUAN), was \"" + sex + "\"");
    };
  }

  private static void required(String field, Object value) {
    if (value == null) {
      throw new InvalidCardFaceDataException(field, "is required (null)");
    }
    if (value instanceof String s && s.isBlank()) {
      throw new InvalidCardFaceDataException(field, "is required (blank)");
    }
  }

  /**
   * Masked with the project's one rule ({@link Masking}): records end up in logs and exception
   * messages.
   */
  @Override
  public String toString() {
    return "CardFaceData[nik="
        + Masking.nik(nik)
        + ", name="
        + Masking.name(name)
        + ", birthDate="
        + Masking.date(birthDate)
        + ", address="
        + Masking.text(address)
        + "]";
  }
}
