package org.cetak.security;

import org.cetak.common.DomainException;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.OfficeError;
import org.cetak.office.User;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The signed-in user of the current request, as the domain knows them: a person, or an API token
 * acting as one role in one office. A person is read from the directory once per web request (the
 * access check, the menu and the page all ask); outside a request, at every call.
 */
@Component
public class CurrentUser {

  private static final String ATTRIBUTE = CurrentUser.class.getName();

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
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null
        && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof User read
        && read.username().equals(authentication.getName())) {
      return read;
    }
    User user = read(authentication.getName());
    if (request != null) {
      request.setAttribute(ATTRIBUTE, user, RequestAttributes.SCOPE_REQUEST);
    }
    return user;
  }

  private User read(String username) {
    return directory
        .user(username)
        .orElseThrow(
            () ->
                new DomainException(
                    OfficeError.UNKNOWN_USER, "User " + username + " no longer exists", username));
  }
}
