package org.cetak.office.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cetak.office.Access;
import org.cetak.office.ApiToken;
import org.cetak.office.Permission;
import org.cetak.office.Role;
import org.cetak.office.Tokens;
import org.cetak.platform.Refuses;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * API tokens for machine clients, for an administrator. A client sends {@code Authorization: Bearer
 * cetak_...} and acts as the token's role in the token's office.
 */
@RestController
public class TokensApi {

  private final Tokens tokens;
  private final Access access;
  private final CurrentUser currentUser;

  public TokensApi(Tokens tokens, Access access, CurrentUser currentUser) {
    this.tokens = tokens;
    this.access = access;
    this.currentUser = currentUser;
  }

  /** A token as listed: never its secret. */
  public record TokenView(
      long id,
      String name,
      String office,
      Role role,
      String createdBy,
      Instant createdAt,
      Optional<Instant> revokedAt) {}

  /** What to issue: a name for the client, the office by region code, one role. */
  public record TokenRequest(String name, String office, Role role) {}

  /** A token just issued: {@code secret} is shown this once and never again. */
  public record IssuedView(TokenView token, String secret) {}

  /** Every token, revoked ones too. */
  @GetMapping("/api/tokens")
  @Allow(Permission.MANAGE_TOKENS)
  @Operation(summary = "The API tokens issued, without their secrets")
  @Refuses({})
  public List<TokenView> list() {
    return tokens.list(currentUser.get()).stream().map(this::view).toList();
  }

  /** Issues a token; the answer holds its secret, shown only this once. */
  @PostMapping("/api/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  @Allow(Permission.MANAGE_TOKENS)
  @Operation(
      summary = "Issues an API token for one role in one office; the answer shows the secret once")
  @Refuses({"TOKEN_NAME_REQUIRED", "ROLES_REQUIRED", "UNKNOWN_OFFICE"})
  public IssuedView issue(@RequestBody TokenRequest body) {
    Tokens.Issued issued = tokens.issue(body.name(), body.office(), body.role(), currentUser.get());
    return new IssuedView(view(issued.token()), issued.secret());
  }

  /** Revokes a token: its next call gets 401. */
  @PostMapping("/api/tokens/{id}/revoke")
  @Allow(Permission.MANAGE_TOKENS)
  @Operation(summary = "Revokes an API token")
  @Refuses({"UNKNOWN_TOKEN"})
  public void revoke(@PathVariable("id") long id) {
    tokens.revoke(id, currentUser.get());
  }

  private TokenView view(ApiToken t) {
    return new TokenView(
        t.id(),
        t.name(),
        access.office(t.officeId()).code(),
        t.role(),
        t.createdBy(),
        t.createdAt(),
        t.revokedAt());
  }
}
