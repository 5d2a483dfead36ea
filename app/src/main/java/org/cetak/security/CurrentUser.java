package org.cetak.security;

import org.cetak.common.DomainException;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.OfficeError;
import org.cetak.office.User;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed-in user of the current request, as the domain knows them: a person, or an API token
 * acting as one role in one office.
 */
@Component
public class CurrentUser {

  private final OfficeDirectory directory;

  public CurrentUser(OfficeDirectory directory) {
    this.directory = directory;
  }

  public User get() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      throw new DomainException(OfficeError.NOT_SIGNED_IN, "No user is signed in");
    }
    if (authentication instanceof ApiTokens.TokenAuthentication token) {
      return token.user();
    }
    return directory
        .user(authentication.getName())
        .orElseThrow(
            () ->
                new DomainException(
                    OfficeError.UNKNOWN_USER,
                    "User " + authentication.getName() + " no longer exists",
                    authentication.getName()));
  }
}
