package org.cetak.intake.web;

import org.cetak.common.DomainException;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.OfficeError;
import org.cetak.office.Role;
import org.cetak.office.User;

/** Which office a request acts on: the user's own, or any for an administrator. */
public final class OfficeScope {

  private OfficeScope() {}

  public static Office resolve(OfficeDirectory offices, User user, String code) {
    Office office =
        code == null || code.isBlank()
            ? offices
                .office(user.officeId())
                .orElseThrow(
                    () -> new DomainException(OfficeError.UNKNOWN_OFFICE, "Your office is gone"))
            : offices
                .officeByCode(code)
                .orElseThrow(
                    () ->
                        new DomainException(
                            OfficeError.UNKNOWN_OFFICE, "No office with code " + code));
    if (office.id() != user.officeId() && !user.has(Role.ADMIN)) {
      throw new DomainException(
          OfficeError.OTHER_OFFICE,
          "User " + user.username() + " may not act for office " + office.code());
    }
    return office;
  }
}
