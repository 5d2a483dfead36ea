package org.cetak.office;

import java.util.List;
import org.cetak.common.DomainException;

/**
 * Decides who may do what for which office: the role from {@link Permission}, the office from the
 * user's scope. A user acts for their own office, the offices an administrator assigned them (a
 * provincial account sees several) and the kecamatan print points under any of those; an
 * administrator manages users of every office. Pages, endpoints and domain services all ask here.
 */
public final class Access {

  private final OfficeDirectory offices;

  public Access(OfficeDirectory offices) {
    this.offices = offices;
  }

  /** The office with this region code, or {@code UNKNOWN_OFFICE}. */
  public Office office(String code) {
    return offices
        .officeByCode(code)
        .orElseThrow(
            () -> new DomainException(OfficeError.UNKNOWN_OFFICE, "No office " + code, code));
  }

  /** The office, or {@code UNKNOWN_OFFICE}. */
  public Office office(long officeId) {
    return offices
        .office(officeId)
        .orElseThrow(
            () -> new DomainException(OfficeError.UNKNOWN_OFFICE, "No office #" + officeId));
  }

  /** Whether the user's roles give them the permission (in some office). */
  public boolean allows(User user, Permission permission) {
    return user.enabled() && permission.roles().stream().anyMatch(user::has);
  }

  /** Whether the user may do this for the office. */
  public boolean allows(User user, Permission permission, long officeId) {
    return allows(user, permission) && covers(user, officeId);
  }

  /** Whether the office is in the user's scope. */
  public boolean covers(User user, long officeId) {
    if (directly(user, officeId)) {
      return true;
    }
    return offices.office(officeId).map(o -> underScope(user, o)).orElse(false);
  }

  /** The offices in the user's scope, in the directory's order (one read of the directory). */
  public List<Office> visible(User user) {
    return offices.offices().stream()
        .filter(o -> directly(user, o.id()) || underScope(user, o))
        .toList();
  }

  private static boolean directly(User user, long officeId) {
    return user.has(Role.ADMIN)
        || user.officeId() == officeId
        || user.alsoOffices().contains(officeId);
  }

  /** A print point under an office of the user's scope. */
  private static boolean underScope(User user, Office office) {
    return office
        .parentId()
        .map(parent -> parent == user.officeId() || user.alsoOffices().contains(parent))
        .orElse(false);
  }

  /** Refuses ({@code ROLE_REQUIRED}) unless the user's roles give the permission. */
  public void require(User user, Permission permission) {
    if (!allows(user, permission)) {
      throw new DomainException(
          OfficeError.ROLE_REQUIRED,
          "User "
              + user.username()
              + " may not "
              + permission
              + " (roles "
              + permission.roles()
              + ")");
    }
  }

  /**
   * Refuses unless the office exists ({@code UNKNOWN_OFFICE}), the user has the permission ({@code
   * ROLE_REQUIRED}) and the office is in their scope ({@code OTHER_OFFICE}).
   */
  public Office require(User user, Permission permission, long officeId) {
    Office office = office(officeId);
    require(user, permission, office);
    return office;
  }

  /** As {@link #require(User, Permission, long)} for an office already found. */
  public void require(User user, Permission permission, Office office) {
    require(user, permission);
    if (!covers(user, office.id())) {
      throw new DomainException(
          OfficeError.OTHER_OFFICE,
          "User " + user.username() + " may not act for office " + office.code(),
          office.code());
    }
  }
}
