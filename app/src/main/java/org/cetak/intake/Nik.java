package org.cetak.intake;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.cetak.region.RegionTable;

/**
 * NIK and No. KK checks (DOMAIN.md "Identifiers"): {@code PPKKCC DDMMYY SSSS}, the kecamatan code
 * first, then the birth date with day + 40 for women, then a sequence from 0001. No check digit.
 */
public final class Nik {

  private Nik() {}

  /** Why a NIK is malformed, or empty when it is well-formed. */
  public static Optional<String> malformed(String nik, RegionTable regions) {
    if (!sixteenDigits(nik)) {
      return Optional.of("must be 16 digits");
    }
    if (!regions.isDistrict(nik.substring(0, 6))) {
      return Optional.of("unknown kecamatan code " + nik.substring(0, 6));
    }
    int day = Integer.parseInt(nik.substring(6, 8));
    int month = Integer.parseInt(nik.substring(8, 10));
    int birthDay = day > 40 ? day - 40 : day;
    if (birthDay < 1 || birthDay > 31 || month < 1 || month > 12) {
      return Optional.of(
          "date digits " + nik.substring(6, 12) + " are not a date (DDMMYY, +40 for women)");
    }
    if (nik.endsWith("0000")) {
      return Optional.of("sequence 0000 is not issued (it starts at 0001)");
    }
    return Optional.empty();
  }

  /** Why a No. KK is malformed, or empty. */
  public static Optional<String> malformedKk(String kk, RegionTable regions) {
    if (!sixteenDigits(kk)) {
      return Optional.of("must be 16 digits");
    }
    if (!regions.isDistrict(kk.substring(0, 6))) {
      return Optional.of("unknown kecamatan code " + kk.substring(0, 6));
    }
    return Optional.empty();
  }

  /**
   * What disagrees between a well-formed NIK and the record's birth date and sex; legitimate after
   * a correction, so it is flagged for checking, never refused.
   */
  public static Set<RecordFlag> disagreements(String nik, LocalDate birthDate, String sex) {
    Set<RecordFlag> flags = EnumSet.noneOf(RecordFlag.class);
    int day = Integer.parseInt(nik.substring(6, 8));
    int month = Integer.parseInt(nik.substring(8, 10));
    int year = Integer.parseInt(nik.substring(10, 12));
    boolean female = day > 40;
    if (female != "P".equals(sex)) {
      flags.add(RecordFlag.NIK_SEX_MISMATCH);
    }
    int birthDay = female ? day - 40 : day;
    if (birthDay != birthDate.getDayOfMonth()
        || month != birthDate.getMonthValue()
        || year != birthDate.getYear() % 100) {
      flags.add(RecordFlag.NIK_DATE_MISMATCH);
    }
    return flags;
  }

  private static boolean sixteenDigits(String value) {
    if (value.length() != 16) {
      return false;
    }
    for (int i = 0; i < 16; i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
