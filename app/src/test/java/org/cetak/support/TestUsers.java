package org.cetak.support;

import java.util.EnumSet;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.Role;
import org.cetak.office.User;

/** Users that tests act as, beside the demo's one user per role. */
public final class TestUsers {

  private TestUsers() {}

  /**
   * A user of the demo office with every role, for tests that drive the print room end to end and
   * are not about who may do what.
   */
  public static synchronized User everyRole(OfficeDirectory offices) {
    return offices
        .user("semua-peran")
        .orElseGet(
            () ->
                offices.addUser(
                    offices.officeByCode("32.71").orElseThrow().id(),
                    "semua-peran",
                    "Every role (test)",
                    "{noop}semua-peran-uji",
                    EnumSet.allOf(Role.class)));
  }
}
