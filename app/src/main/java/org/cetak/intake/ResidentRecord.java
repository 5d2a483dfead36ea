package org.cetak.intake;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.cetak.common.Masking;

/**
 * A print-ready record as the centre approved it: the data printed on the card and the facts the
 * priority policy looks at. Field meanings: IMPORT-FORMAT.md.
 *
 * @param phone normalised {@code +628...}, empty when absent or invalid
 */
public record ResidentRecord(
    String nik,
    String kk,
    String name,
    String sex,
    String birthPlace,
    LocalDate birthDate,
    Optional<String> bloodType,
    String address,
    String rt,
    String rw,
    String village,
    String district,
    String regency,
    String province,
    String religion,
    String maritalStatus,
    String occupation,
    String citizenship,
    String siakStatus,
    OffsetDateTime siakStatusAt,
    RequestReason reason,
    Optional<String> urgentReason,
    boolean vulnerable,
    boolean disabled,
    Optional<String> suketNumber,
    Optional<LocalDate> suketDate,
    Optional<String> phone) {

  /** The upstream status that allows printing. */
  public static final String PRINT_READY = "PRINT_READY_RECORD";

  public boolean printReady() {
    return PRINT_READY.equals(siakStatus);
  }

  /** The identifiers masked, and none of the other personal fields (UU 27/2022). */
  @Override
  public String toString() {
    return "ResidentRecord[nik="
        + Masking.nik(nik)
        + ", kk="
        + Masking.nik(kk)
        + ", name="
        + Masking.name(name)
        + ", birthPlace="
        + Masking.text(birthPlace)
        + ", birthDate="
        + Masking.date(birthDate)
        + ", address="
        + Masking.text(address)
        + ", phone="
        + Masking.phone(phone)
        + ", siakStatus="
        + siakStatus
        + ", reason="
        + reason
        + "]";
  }

  /** A Suket is valid six months from its issue date (extendable upstream). */
  public Optional<LocalDate> suketExpires() {
    return suketDate.map(d -> d.plusMonths(6));
  }
}
