package org.cetak.office;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The offices and users of this installation. */
public interface OfficeDirectory {

  List<Office> offices();

  Optional<Office> office(long id);

  Optional<Office> officeByCode(String code);

  /** Registers an office; a code already taken is refused. */
  Office addOffice(
      String code, String name, OfficeKind kind, Optional<Long> parentId, String address);

  Optional<User> user(String username);

  List<User> users(long officeId);

  /** Registers a user; a username already taken is refused. */
  User addUser(
      long officeId, String username, String displayName, String passwordHash, Set<Role> roles);
}
