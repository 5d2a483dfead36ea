package org.cetak.office.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Set;
import org.cetak.office.Access;
import org.cetak.office.Accounts;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.Permission;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.cetak.platform.Refuses;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The users of the installation, for an administrator: create, roles and offices, disable, reset,
 * unlock.
 */
@RestController
public class UsersApi {

  private final Accounts accounts;
  private final OfficeDirectory directory;
  private final Access access;
  private final CurrentUser currentUser;

  public UsersApi(
      Accounts accounts, OfficeDirectory directory, Access access, CurrentUser currentUser) {
    this.accounts = accounts;
    this.directory = directory;
    this.access = access;
    this.currentUser = currentUser;
  }

  /** A user as the administrator sees them; never the password hash. */
  public record UserView(
      String username,
      String displayName,
      String office,
      List<String> alsoOffices,
      Set<Role> roles,
      boolean enabled,
      boolean locked,
      int failedLogins,
      String nip,
      String position) {}

  /** Every user of the installation. */
  @GetMapping("/api/users")
  @Allow(Permission.MANAGE_USERS)
  @Operation(summary = "Every user with roles, offices and state")
  @Refuses({})
  public List<UserView> list() {
    return directory.users().stream().map(this::view).toList();
  }

  /** A new user: office and further offices by region code, and roles. */
  @PostMapping("/api/users")
  @ResponseStatus(HttpStatus.CREATED)
  @Allow(Permission.MANAGE_USERS)
  @Operation(summary = "Creates a user with roles and offices")
  @Refuses({
    "USER_EXISTS",
    "INVALID_USERNAME",
    "WEAK_PASSWORD",
    "PASSWORD_TOO_SHORT",
    "PASSWORD_TOO_LONG",
    "TEXT_TOO_LONG",
    "ROLES_REQUIRED",
    "OFFICE_REQUIRED",
    "UNKNOWN_OFFICE"
  })
  public UserView create(@RequestBody Accounts.NewUser body) {
    return view(accounts.create(body, currentUser.get()));
  }

  /** A user's office, further offices and roles. */
  public record Assignment(String office, Set<String> alsoOffices, Set<Role> roles) {}

  /** Replaces a user's office, further offices and roles. */
  @PutMapping("/api/users/{username}/roles")
  @Allow(Permission.MANAGE_USERS)
  @Operation(summary = "Gives a user roles and offices")
  @Refuses({"NO_SUCH_USER", "ROLES_REQUIRED", "OFFICE_REQUIRED", "UNKNOWN_OFFICE"})
  public UserView assign(@PathVariable("username") String username, @RequestBody Assignment body) {
    return view(
        accounts.assign(
            username, body.office(), body.alsoOffices(), body.roles(), currentUser.get()));
  }

  /** The full name, NIP and position (jabatan) printed where the user signs a report. */
  public record OfficialDetails(String displayName, String nip, String position) {}

  /** Sets what the reports a user signs print: full name, NIP, position. */
  @PutMapping("/api/users/{username}/official-details")
  @Allow(Permission.MANAGE_USERS)
  @Operation(summary = "Sets a user's full name, NIP and position as signed reports print them")
  @Refuses({"NO_SUCH_USER", "INVALID_NIP", "INVALID_POSITION", "TEXT_TOO_LONG"})
  public UserView officialDetails(
      @PathVariable("username") String username, @RequestBody OfficialDetails body) {
    return view(
        accounts.officialDetails(
            username, body.displayName(), body.nip(), body.position(), currentUser.get()));
  }

  /** Stops the user from signing in. */
  @PostMapping("/api/users/{username}/disable")
  @Allow(Permission.MANAGE_USERS)
  @Operation(summary = "Disables a user")
  @Refuses({"NO_SUCH_USER", "SELF_DISABLE"})
  public UserView disable(@PathVariable("username") String username) {
    return view(accounts.disable(username, currentUser.get()));
  }

  /** Lets a disabled user sign in again. */
  @PostMapping("/api/users/{username}/enable")
  @Allow(Permission.MANAGE_USERS)
  @Operation(summary = "Enables a user again")
  @Refuses({"NO_SUCH_USER"})
  public UserView enable(@PathVariable("username") String username) {
    return view(accounts.enable(username, currentUser.get()));
  }

  /** A new password. */
  public record PasswordBody(String password) {}

  /** Sets a new password the administrator hands over, and lifts any lock. */
  @PostMapping("/api/users/{username}/password")
  @Allow(Permission.MANAGE_USERS)
  @Operation(summary = "Sets a new password for a user (and unlocks the account)")
  @Refuses({"NO_SUCH_USER", "WEAK_PASSWORD", "PASSWORD_TOO_SHORT", "PASSWORD_TOO_LONG"})
  public UserView resetPassword(
      @PathVariable("username") String username, @RequestBody PasswordBody body) {
    return view(accounts.resetPassword(username, body.password(), currentUser.get()));
  }

  /** Lifts the lock after too many wrong passwords. */
  @PostMapping("/api/users/{username}/unlock")
  @Allow(Permission.MANAGE_USERS)
  @Operation(summary = "Unlocks an account locked after failed sign-ins")
  @Refuses({"NO_SUCH_USER"})
  public UserView unlock(@PathVariable("username") String username) {
    return view(accounts.unlock(username, currentUser.get()));
  }

  UserView view(User u) {
    return new UserView(
        u.username(),
        u.displayName(),
        access.office(u.officeId()).code(),
        u.alsoOffices().stream().map(id -> access.office(id).code()).sorted().toList(),
        u.roles(),
        u.enabled(),
        u.locked(),
        u.failedLogins(),
        u.nip(),
        u.position());
  }
}
