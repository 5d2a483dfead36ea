package org.cetak.stock;

import org.cetak.office.User;

/**
 * A person who signed a report, as they were when they signed: full name, NIP and position
 * (jabatan). A report keeps these so that it prints the same however the account changes later.
 *
 * @param nip blank when none was entered
 * @param position blank when none was entered
 */
public record Signatory(String name, String nip, String position) {

  public Signatory {
    nip = nip == null ? "" : nip;
    position = position == null ? "" : position;
  }

  /** The user's official details at this moment. */
  public static Signatory of(User user) {
    return new Signatory(user.displayName(), user.nip(), user.position());
  }
}
