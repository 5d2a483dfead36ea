package org.cetak.pickup;

import java.time.LocalDate;
import java.util.Optional;
import org.cetak.common.Masking;

/**
 * How the counter officer looks a card up: by NIK, by name (and birth date), or by Suket number.
 */
public sealed interface CardQuery {

  /** The 16-digit NIK. */
  record ByNik(String nik) implements CardQuery {
    @Override
    public String toString() {
      return "ByNik[" + Masking.nik(nik) + "]";
    }
  }

  /** Part of the name, any case; the birth date narrows it down. */
  record ByName(String name, Optional<LocalDate> birthDate) implements CardQuery {
    @Override
    public String toString() {
      return "ByName[" + name.length() + " letters" + (birthDate.isPresent() ? ", born" : "") + "]";
    }
  }

  /** The number on the Surat Keterangan the resident holds. */
  record BySuket(String number) implements CardQuery {}
}
