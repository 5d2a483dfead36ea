package org.cetak.office.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.cetak.common.DomainException;
import org.cetak.office.Accounts;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.Permission;
import org.cetak.office.Role;
import org.cetak.platform.FieldLabel;
import org.cetak.platform.Problems;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's users page: create, roles and offices, disable, reset password, unlock. */
@Controller
public class UsersPage {

  private final Accounts accounts;
  private final OfficeDirectory directory;
  private final CurrentUser currentUser;
  private final UsersApi views;
  private final Problems problems;

  public UsersPage(
      Accounts accounts,
      OfficeDirectory directory,
      CurrentUser currentUser,
      UsersApi views,
      Problems problems) {
    this.accounts = accounts;
    this.directory = directory;
    this.currentUser = currentUser;
    this.views = views;
    this.problems = problems;
  }

  @GetMapping("/users")
  @Allow(Permission.MANAGE_USERS)
  String users(Model model) {
    model.addAttribute("users", directory.users().stream().map(views::view).toList());
    model.addAttribute("offices", directory.offices());
    model.addAttribute("roles", List.of(Role.values()));
    return "users";
  }

  @PostMapping("/users")
  @Allow(Permission.MANAGE_USERS)
  String create(
      @RequestParam(name = "username", defaultValue = "") String username,
      @RequestParam(name = "displayName", defaultValue = "") String displayName,
      @RequestParam(name = "password", defaultValue = "") String password,
      @RequestParam(name = "office", defaultValue = "") String office,
      @RequestParam(name = "alsoOffices", required = false) List<String> alsoOffices,
      @RequestParam(name = "roles", required = false) @FieldLabel("users.roles") List<Role> roles,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        redirect,
        locale,
        "users.done.created",
        username,
        () ->
            accounts.create(
                new Accounts.NewUser(
                    username.strip(),
                    displayName,
                    password,
                    office,
                    alsoOffices == null ? Set.of() : Set.copyOf(alsoOffices),
                    roles == null ? Set.of() : EnumSet.copyOf(roles)),
                currentUser.get()));
  }

  @PostMapping("/users/{username}/roles")
  @Allow(Permission.MANAGE_USERS)
  String assign(
      @PathVariable("username") String username,
      @RequestParam(name = "office", defaultValue = "") String office,
      @RequestParam(name = "alsoOffices", required = false) List<String> alsoOffices,
      @RequestParam(name = "roles", required = false) @FieldLabel("users.roles") List<Role> roles,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        redirect,
        locale,
        "users.done.assigned",
        username,
        () ->
            accounts.assign(
                username,
                office,
                alsoOffices == null ? Set.of() : alsoOffices.stream().collect(Collectors.toSet()),
                roles == null ? Set.of() : EnumSet.copyOf(roles),
                currentUser.get()));
  }

  @PostMapping("/users/{username}/disable")
  @Allow(Permission.MANAGE_USERS)
  String disable(
      @PathVariable("username") String username, Locale locale, RedirectAttributes redirect) {
    return act(
        redirect,
        locale,
        "users.done.disabled",
        username,
        () -> accounts.disable(username, currentUser.get()));
  }

  @PostMapping("/users/{username}/enable")
  @Allow(Permission.MANAGE_USERS)
  String enable(
      @PathVariable("username") String username, Locale locale, RedirectAttributes redirect) {
    return act(
        redirect,
        locale,
        "users.done.enabled",
        username,
        () -> accounts.enable(username, currentUser.get()));
  }

  @PostMapping("/users/{username}/unlock")
  @Allow(Permission.MANAGE_USERS)
  String unlock(
      @PathVariable("username") String username, Locale locale, RedirectAttributes redirect) {
    return act(
        redirect,
        locale,
        "users.done.unlocked",
        username,
        () -> accounts.unlock(username, currentUser.get()));
  }

  @PostMapping("/users/{username}/official-details")
  @Allow(Permission.MANAGE_USERS)
  String officialDetails(
      @PathVariable("username") String username,
      @RequestParam(name = "displayName", defaultValue = "") String displayName,
      @RequestParam(name = "nip", defaultValue = "") String nip,
      @RequestParam(name = "position", defaultValue = "") String position,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        redirect,
        locale,
        "users.done.official",
        username,
        () -> accounts.officialDetails(username, displayName, nip, position, currentUser.get()));
  }

  @PostMapping("/users/{username}/password")
  @Allow(Permission.MANAGE_USERS)
  String password(
      @PathVariable("username") String username,
      @RequestParam(name = "password", defaultValue = "") String password,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        redirect,
        locale,
        "users.done.password",
        username,
        () -> accounts.resetPassword(username, password, currentUser.get()));
  }

  private String act(
      RedirectAttributes redirect, Locale locale, String done, String username, Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("notice", problems.message(done, locale, username));
    } catch (DomainException e) {
      if (e.kind() == org.cetak.common.ErrorCode.Kind.FORBIDDEN) {
        throw e;
      }
      redirect.addFlashAttribute("error", problems.refusal(e, locale));
      redirect.addFlashAttribute("errorCode", e.code());
    }
    return "redirect:/users";
  }
}
