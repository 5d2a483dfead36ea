package org.cetak.office;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.cetak.common.DomainException;
import org.cetak.common.Transactions;

/**
 * API tokens for machine clients, issued and revoked by an administrator. A token is 256 random
 * bits shown once at issue; only its SHA-256 is stored, so checking one costs a hash and an index
 * look-up instead of a bcrypt check per call.
 */
public final class Tokens {

  /** How every token starts, so that one is recognised in a header or a leaked file. */
  public static final String PREFIX = "cetak_";

  private final TokenStore store;
  private final Access access;
  private final Audit audit;
  private final Transactions transactions;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public Tokens(
      TokenStore store, Access access, Audit audit, Transactions transactions, Clock clock) {
    this.store = store;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** A token just issued, with its secret: the only time the secret is seen. */
  public record Issued(ApiToken token, String secret) {
    @Override
    public String toString() {
      return "Issued[" + token + "]";
    }
  }

  public Issued issue(String name, String officeCode, Role role, User by) {
    access.require(by, Permission.MANAGE_TOKENS);
    if (name == null || name.isBlank()) {
      throw new DomainException(OfficeError.TOKEN_NAME_REQUIRED, "A token needs a name");
    }
    if (role == null) {
      throw new DomainException(OfficeError.ROLES_REQUIRED, "A token acts as one role");
    }
    Office office = access.office(String.valueOf(officeCode));
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return transactions.inTransaction(
        () -> {
          ApiToken token =
              store.add(
                  name.strip(), hash(secret), office.id(), role, by.username(), clock.instant());
          audit.record(
              office.id(), by.username(), "TOKEN_ISSUED", "token " + token.name(), "role " + role);
          return new Issued(token, secret);
        });
  }

  public void revoke(long id, User by) {
    access.require(by, Permission.MANAGE_TOKENS);
    transactions.run(
        () -> {
          ApiToken token =
              store
                  .byId(id)
                  .orElseThrow(
                      () -> new DomainException(OfficeError.UNKNOWN_TOKEN, "No token #" + id, id));
          store.revoke(id, by.username(), clock.instant());
          audit.record(
              token.officeId(), by.username(), "TOKEN_REVOKED", "token " + token.name(), "");
        });
  }

  public List<ApiToken> list(User by) {
    access.require(by, Permission.MANAGE_TOKENS);
    return store.all();
  }

  /** The active token with this secret. */
  public Optional<ApiToken> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      return Optional.empty();
    }
    return store.bySecretHash(hash(secret)).filter(ApiToken::active);
  }

  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256", e);
    }
  }
}
