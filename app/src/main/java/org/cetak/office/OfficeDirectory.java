package org.cetak.office;

import java.time.Instant;
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

  /** Every user, by username. */
  List<User> users();

  /** Registers a user; a username already taken is refused. */
  User addUser(
      long officeId, String username, String displayName, String passwordHash, Set<Role> roles);

  /**
   * Who held {@code role} in the office at {@code at}: among the enabled accounts of the office
   * that had the role then, the one whose official details carried a NIP, the longest-standing
   * account first. Every change of a user's roles, office, enabled state or official details is
   * kept in this history in the same transaction as the change.
   */
  Optional<RoleHolder> holder(long officeId, Role role, Instant at);

  /** Replaces a user's office, further offices and roles. */
  void assign(long userId, long officeId, Set<Long> alsoOffices, Set<Role> roles);

  /** Sets the full name, NIP and position (jabatan) the reports a user signs print. */
  void setOfficialDetails(long userId, String displayName, String nip, String position);

  void setEnabled(long userId, boolean enabled);

  void setPasswordHash(long userId, String passwordHash);

  /**
   * Counts one more wrong password and locks the account when the count reaches {@code lockAt};
   * returns the count.
   */
  int recordFailedLogin(long userId, int lockAt, Instant at);

  /** Clears the count of wrong passwords after a successful sign-in. */
  void recordSuccessfulLogin(long userId);

  /** Lifts a lock and clears the count. */
  void unlock(long userId);
}
