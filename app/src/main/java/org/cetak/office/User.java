package org.cetak.office;

import java.util.Set;

/**
 * A person who uses Cetak. Every user belongs to one office; an administrator may assign them
 * further offices ({@code alsoOffices}: a provincial account sees several).
 *
 * @param failedLogins wrong passwords since the last successful sign-in
 * @param locked locked after too many wrong passwords, until an administrator unlocks the account
 * @param displayName the full name, as the reports a user signs print it
 * @param nip the civil servant's number (Nomor Induk Pegawai) printed under the signature; blank
 *     when not entered
 * @param position the position (jabatan) printed with the signature; blank when not entered
 */
public record User(
    long id,
    long officeId,
    String username,
    String displayName,
    String passwordHash,
    boolean enabled,
    Set<Role> roles,
    Set<Long> alsoOffices,
    int failedLogins,
    boolean locked,
    String nip,
    String position) {

  public User {
    roles = Set.copyOf(roles);
    alsoOffices = Set.copyOf(alsoOffices);
    nip = nip == null ? "" : nip;
    position = position == null ? "" : position;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  @Override
  public String toString() {
    return "User[" + username + ", office #" + officeId + ", " + roles + "]";
  }
}
