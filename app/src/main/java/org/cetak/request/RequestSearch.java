package org.cetak.request;

import java.time.LocalDate;
import java.util.Optional;
import org.cetak.common.Masking;

/**
 * How an officer looks a resident's print request up, at the queue or at the counter: by NIK, by
 * part of the name (the birth date narrows it), or by the number of the Surat Keterangan the
 * resident holds. A search's {@code toString} names the kind of search, never what was typed in
 * clear. Each desk checks what was typed with its own error codes before it searches.
 */
public sealed interface RequestSearch {

  /** The 16-digit NIK. */
  record ByNik(String nik) implements RequestSearch {
    @Override
    public String toString() {
      return "ByNik[" + Masking.nik(nik) + "]";
    }
  }

  /** Part of the name, any case; the birth date narrows it down. */
  record ByName(String name, Optional<LocalDate> birthDate) implements RequestSearch {
    @Override
    public String toString() {
      return "ByName[" + name.length() + " letters" + (birthDate.isPresent() ? ", born" : "") + "]";
    }
  }

  /** The number on the Surat Keterangan the resident holds. */
  record BySuket(String number) implements RequestSearch {}
}
