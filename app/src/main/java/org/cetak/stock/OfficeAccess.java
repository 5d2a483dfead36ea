package org.cetak.stock;

import java.util.Arrays;
import org.cetak.common.DomainException;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.OfficeError;
import org.cetak.office.Role;
import org.cetak.office.User;

/**
 * Who may act for which office: a user acts for their own office and for the kecamatan print points
 * under it, with one of the roles an operation asks for.
 */
public final class OfficeAccess {

  private final OfficeDirectory offices;

  public OfficeAccess(OfficeDirectory offices) {
    this.offices = offices;
  }

  /** The office, or {@code UNKNOWN_OFFICE}. */
  public Office office(long officeId) {
    return offices
        .office(officeId)
        .orElseThrow(
            () ->
                new DomainException(
                    OfficeError.UNKNOWN_OFFICE, "Office " + officeId + " not found"));
  }

  public boolean covers(long userOfficeId, long officeId) {
    if (userOfficeId == officeId) {
      return true;
    }
    return offices
        .office(officeId)
        .flatMap(Office::parentId)
        .map(parent -> parent == userOfficeId)
        .orElse(false);
  }

  /** Refuses unless the office exists, the user may act for it and has one of {@code roles}. */
  public Office require(User user, long officeId, Role... roles) {
    Office office = office(officeId);
    if (!covers(user.officeId(), officeId)) {
      throw new DomainException(
          OfficeError.OTHER_OFFICE,
          "User " + user.username() + " may not act for office " + office.code());
    }
    if (Arrays.stream(roles).noneMatch(user::has)) {
      throw new DomainException(
          OfficeError.ROLE_REQUIRED,
          "User " + user.username() + " needs one of the roles " + Arrays.toString(roles));
    }
    return office;
  }
}
