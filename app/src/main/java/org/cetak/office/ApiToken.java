package org.cetak.office;

import java.time.Instant;
import java.util.Optional;

/** A machine client's credential: one role in one office, until revoked. The token is not kept. */
public record ApiToken(
    long id,
    String name,
    long officeId,
    Role role,
    String createdBy,
    Instant createdAt,
    Optional<Instant> revokedAt) {

  public boolean active() {
    return revokedAt.isEmpty();
  }

  /** The user a request made with this token acts as. */
  public User asUser() {
    return new User(
        -id,
        officeId,
        "token:" + name,
        "API token " + name,
        "",
        active(),
        java.util.Set.of(role),
        java.util.Set.of(),
        0,
        false,
        "",
        "");
  }
}
