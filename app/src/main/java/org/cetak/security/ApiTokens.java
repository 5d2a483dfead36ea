package org.cetak.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.cetak.office.ApiToken;
import org.cetak.office.Tokens;
import org.cetak.office.User;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a machine client by its API token ({@code Authorization: Bearer cetak_...}); an unknown
 * or revoked token gets 401. Requests without a bearer token pass on to the other ways of signing
 * in.
 */
public final class ApiTokens extends OncePerRequestFilter {

  private final Tokens tokens;

  public ApiTokens(Tokens tokens) {
    this.tokens = tokens;
  }

  /** A request signed in with a token: it acts as the token's role in the token's office. */
  public static final class TokenAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final transient User user;

    TokenAuthentication(ApiToken token) {
      super(List.of(new SimpleGrantedAuthority("ROLE_" + token.role().name())));
      this.user = token.asUser();
      setAuthenticated(true);
    }

    public User user() {
      return user;
    }

    @Override
    public Object getCredentials() {
      return "";
    }

    @Override
    public Object getPrincipal() {
      return user.username();
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ApiToken> token = tokens.authenticate(header.substring(7).strip());
    if (token.isEmpty()) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(new TokenAuthentication(token.get()));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
