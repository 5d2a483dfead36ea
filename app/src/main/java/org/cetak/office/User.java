package org.cetak.office;

import java.util.Set;

/** A person who uses Cetak; every user belongs to one office. */
public record User(
    long id,
    long officeId,
    String username,
    String displayName,
    String passwordHash,
    boolean enabled,
    Set<Role> roles) {

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
