package org.cetak.security;

import java.util.Optional;
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
    String username = authentication.getName();
    return find(authentication)
        .orElseThrow(
            () ->
                new DomainException(
                    OfficeError.UNKNOWN_USER, "User " + username + " no longer exists", username));
  }

  /**
   * The user of the request's authentication, if there is one and they still exist (the console's
   * menu asks on every page, signed in or not): read once per request like {@link #get()}.
   */
  public Optional<User> find() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null ? Optional.empty() : find(authentication);
  }

  private Optional<User> find(Authentication authentication) {
    if (authentication instanceof ApiTokens.TokenAuthentication token) {
      return Optional.of(token.user());
    }
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null
        && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof User read
        && read.username().equals(authentication.getName())) {
      return Optional.of(read);
    }
    Optional<User> user = directory.user(authentication.getName());
    if (request != null && user.isPresent()) {
      request.setAttribute(ATTRIBUTE, user.get(), RequestAttributes.SCOPE_REQUEST);
    }
    return user;
  }
}
