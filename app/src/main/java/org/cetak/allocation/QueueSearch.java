package org.cetak.allocation;

import java.time.LocalDate;
import java.util.Optional;
import org.cetak.common.DomainException;
import org.cetak.common.Masking;

/**
 * How an officer looks a resident up in the queue: by NIK, by part of the name (the birth date
 * narrows it), or by the number of the Surat Keterangan the resident holds. A search's {@code
 * toString} names the kind of search, never what was typed in clear.
 */
public sealed interface QueueSearch {

  /** The 16-digit NIK. */
  record ByNik(String nik) implements QueueSearch {
    @Override
    public String toString() {
      return "ByNik[" + Masking.nik(nik) + "]";
    }
  }

  /** At least three letters of the name, any case; the birth date narrows it down. */
  record ByName(String name, Optional<LocalDate> birthDate) implements QueueSearch {
    @Override
    public String toString() {
      return "ByName[" + name.length() + " letters" + (birthDate.isPresent() ? ", born" : "") + "]";
    }
  }

  /** The Suket number. */
  record BySuket(String number) implements QueueSearch {}

  /**
   * The search the form asks for, checked: the NIK first, then the name, then the Suket; refused
   * ({@code INVALID_NIK}, {@code SEARCH_REQUIRED}) when it cannot find anything.
   */
  static QueueSearch of(String nik, String name, Optional<LocalDate> birthDate, String suket) {
    String n = nik == null ? "" : nik.strip();
    if (!n.isEmpty()) {
      if (!n.matches("[0-9]{16}")) {
        throw new DomainException(AllocationError.INVALID_NIK, "A NIK is 16 digits");
      }
      return new ByNik(n);
    }
    String who = name == null ? "" : name.strip();
    if (!who.isEmpty()) {
      if (who.length() < 3) {
        throw new DomainException(
            AllocationError.SEARCH_REQUIRED, "Give at least 3 letters of the name");
      }
      return new ByName(who, birthDate);
    }
    String number = suket == null ? "" : suket.strip();
    if (!number.isEmpty()) {
      return new BySuket(number);
    }
    throw new DomainException(
        AllocationError.SEARCH_REQUIRED, "Search by NIK, by name (and birth date) or by Suket");
  }
}
