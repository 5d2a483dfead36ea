package org.cetak.office;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.cetak.common.DomainException;
import org.cetak.common.Field;
import org.cetak.common.Transactions;

/**
 * The users of the installation as an administrator manages them, and what happens when someone
 * signs in: wrong passwords are counted and lock the account at {@link #LOCK_AFTER}; every sign-in,
 * failed or not, and every change to a user is in the audit trail.
 */
public final class Accounts {

  /** The longest password bcrypt hashes, in UTF-8 bytes. */
  public static final int MAX_PASSWORD_BYTES = 72;

  /** The longest full name a user has (the reports they sign print it). */
  static final int MAX_NAME = 120;

  /** Wrong passwords in a row that lock an account until an administrator unlocks it. */
  public static final int LOCK_AFTER = 5;

  private final OfficeDirectory directory;
  private final Access access;
  private final Audit audit;
  private final Transactions transactions;
  private final UnaryOperator<String> hasher;
  private final Clock clock;

  /**
   * @param hasher turns a password into the hash stored for it (the framework's encoder)
   */
  public Accounts(
      OfficeDirectory directory,
      Access access,
      Audit audit,
      Transactions transactions,
      UnaryOperator<String> hasher,
      Clock clock) {
    this.directory = directory;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
    this.hasher = hasher;
    this.clock = clock;
  }

  /** What an administrator fills in for a new user. */
  public record NewUser(
      String username,
      String displayName,
      String password,
      String officeCode,
      Set<String> alsoOfficeCodes,
      Set<Role> roles) {

    @Override
    public String toString() {
      return "NewUser[" + username + ", " + officeCode + ", " + roles + "]";
    }
  }

  public User create(NewUser user, User by) {
    access.require(by, Permission.MANAGE_USERS);
    if (user.username() == null || !user.username().matches("[a-z0-9._-]{3,40}")) {
      throw new DomainException(
          OfficeError.INVALID_USERNAME, "A username is 3 to 40 of a-z, 0-9, '.', '_', '-'");
    }
    requirePassword(user.password());
    Field.atMost(Optional.ofNullable(user.displayName()), MAX_NAME, "users.name");
    if (user.roles() == null || user.roles().isEmpty()) {
      throw new DomainException(OfficeError.ROLES_REQUIRED, "A user needs at least one role");
    }
    Office office = access.office(String.valueOf(user.officeCode()));
    Set<Long> also = offices(user.alsoOfficeCodes());
    return transactions.inTransaction(
        () -> {
          User created =
              directory.addUser(
                  office.id(),
                  user.username(),
                  user.displayName() == null || user.displayName().isBlank()
                      ? user.username()
                      : user.displayName().strip(),
                  hasher.apply(user.password()),
                  user.roles());
          directory.assign(created.id(), office.id(), also, user.roles());
          audit.record(
              office.id(),
              by.username(),
              "USER_CREATED",
              "user " + created.username(),
              "roles " + user.roles() + ", also offices " + user.alsoOfficeCodes());
          return directory.user(created.username()).orElseThrow();
        });
  }

  /** Replaces a user's office, further offices and roles. */
  public User assign(
      String username, String officeCode, Set<String> alsoOfficeCodes, Set<Role> roles, User by) {
    access.require(by, Permission.MANAGE_USERS);
    User user = user(username);
    if (roles == null || roles.isEmpty()) {
      throw new DomainException(OfficeError.ROLES_REQUIRED, "A user needs at least one role");
    }
    Office office = access.office(String.valueOf(officeCode));
    Set<Long> also = offices(alsoOfficeCodes);
    return change(
        user,
        by,
        "USER_ROLES_CHANGED",
        "office " + office.code() + ", also " + alsoOfficeCodes + ", roles " + roles,
        () -> directory.assign(user.id(), office.id(), also, roles));
  }

  /**
   * Sets the full name, NIP and position (jabatan) the reports a user signs print. A blank name
   * keeps the name the user has; a blank NIP or position leaves a dotted line on the reports.
   * Refused with nothing changed: a NIP that is not 18 digits, a position over 120 characters.
   */
  public User officialDetails(
      String username, String displayName, String nip, String position, User by) {
    User user = user(username);
    String digits = nip == null ? "" : nip.replace(" ", "");
    if (!digits.isEmpty() && !digits.matches("[0-9]{18}")) {
      throw new DomainException(OfficeError.INVALID_NIP, "A NIP is 18 digits, not " + nip, nip);
    }
    Field.atMost(Optional.ofNullable(displayName).map(String::strip), MAX_NAME, "users.name");
    String jabatan = position == null ? "" : position.strip();
    if (jabatan.length() > 120) {
      throw new DomainException(
          OfficeError.INVALID_POSITION, "A position is at most 120 characters", jabatan.length());
    }
    String name =
        displayName == null || displayName.isBlank() ? user.displayName() : displayName.strip();
    String formatted = digits.isEmpty() ? "" : nipWritten(digits);
    return change(
        user,
        by,
        "USER_DETAILS_CHANGED",
        (formatted.isEmpty() ? "no NIP" : "NIP set") + ", position " + jabatan,
        () -> directory.setOfficialDetails(user.id(), name, formatted, jabatan));
  }

  /** A NIP as it is written: birth date, appointment month, sex, number (19800412 200501 1 003). */
  static String nipWritten(String digits) {
    return digits.substring(0, 8)
        + " "
        + digits.substring(8, 14)
        + " "
        + digits.substring(14, 15)
        + " "
        + digits.substring(15);
  }

  public User disable(String username, User by) {
    User user = user(username);
    if (user.username().equals(by.username())) {
      throw new DomainException(
          OfficeError.SELF_DISABLE, "An administrator cannot disable themselves");
    }
    return change(user, by, "USER_DISABLED", "", () -> directory.setEnabled(user.id(), false));
  }

  public User enable(String username, User by) {
    User user = user(username);
    return change(user, by, "USER_ENABLED", "", () -> directory.setEnabled(user.id(), true));
  }

  /** Sets a new password (the administrator gives it to the user) and lifts any lock. */
  public User resetPassword(String username, String password, User by) {
    User user = user(username);
    requirePassword(password);
    return change(
        user,
        by,
        "USER_PASSWORD_RESET",
        "",
        () -> {
          directory.setPasswordHash(user.id(), hasher.apply(password));
          directory.unlock(user.id());
        });
  }

  public User unlock(String username, User by) {
    User user = user(username);
    return change(user, by, "USER_UNLOCKED", "", () -> directory.unlock(user.id()));
  }

  /** A wrong password for a known user: counted, and the account locked at the limit. */
  public void signInFailed(String username, String from) {
    transactions.run(
        () -> {
          var known = directory.user(username);
          if (known.isEmpty()) {
            audit.record(null, username, "SIGN_IN_FAILED", "unknown user", "from " + from);
            return;
          }
          User user = known.get();
          int count = directory.recordFailedLogin(user.id(), LOCK_AFTER, clock.instant());
          audit.record(
              user.officeId(),
              user.username(),
              "SIGN_IN_FAILED",
              "user " + user.username(),
              "from " + from + ", wrong password " + count + " of " + LOCK_AFTER);
          if (count == LOCK_AFTER) {
            audit.record(
                user.officeId(),
                user.username(),
                "USER_LOCKED",
                "user " + user.username(),
                LOCK_AFTER + " wrong passwords in a row");
          }
        });
  }

  /** A sign-in refused because the account is locked or disabled. */
  public void signInRefused(String username, String why, String from) {
    transactions.run(
        () ->
            audit.record(
                directory.user(username).map(User::officeId).orElse(null),
                username,
                "SIGN_IN_REFUSED",
                "user " + username,
                why + ", from " + from));
  }

  public void signedIn(String username, String how, String from) {
    transactions.run(
        () ->
            directory
                .user(username)
                .ifPresent(
                    user -> {
                      directory.recordSuccessfulLogin(user.id());
                      audit.record(
                          user.officeId(),
                          user.username(),
                          "SIGNED_IN",
                          "user " + user.username(),
                          how + " from " + from);
                    }));
  }

  private User change(User user, User by, String action, String detail, Runnable write) {
    access.require(by, Permission.MANAGE_USERS);
    return transactions.inTransaction(
        () -> {
          write.run();
          audit.record(user.officeId(), by.username(), action, "user " + user.username(), detail);
          return directory.user(user.username()).orElseThrow();
        });
  }

  private User user(String username) {
    return directory
        .user(String.valueOf(username))
        .orElseThrow(
            () -> new DomainException(OfficeError.NO_SUCH_USER, "No user " + username, username));
  }

  private Set<Long> offices(Set<String> codes) {
    if (codes == null) {
      return Set.of();
    }
    return codes.stream()
        .map(c -> access.office(c).id())
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  private static void requirePassword(String password) {
    if (password == null || password.length() < 10) {
      throw new DomainException(OfficeError.WEAK_PASSWORD, "A password has at least 10 characters");
    }
    requireHashable(password);
  }

  /**
   * Refuses a password longer than the framework's hash takes ({@value #MAX_PASSWORD_BYTES} bytes
   * in UTF-8): it would refuse it as a failure, not as the user's input.
   */
  public static void requireHashable(String password) {
    int bytes = password.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_PASSWORD_BYTES) {
      throw new DomainException(
          OfficeError.PASSWORD_TOO_LONG,
          "A password is at most " + MAX_PASSWORD_BYTES + " bytes, not " + bytes,
          MAX_PASSWORD_BYTES,
          bytes);
    }
  }
}
