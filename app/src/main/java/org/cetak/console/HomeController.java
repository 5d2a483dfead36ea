package org.cetak.console;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cetak.common.DateText;
import org.cetak.office.Access;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.cetak.quality.QualityChecks;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The console's front page: the dashboard of the office (the user's own, or {@code ?office=}) with
 * what the user's roles need there, kept up to date by the live stream {@code /live}.
 */
@Controller
public class HomeController {

  private final Access access;
  private final CurrentUser currentUser;
  private final SharedSnapshots snapshots;
  private final SharedDrawings drawings;
  private final LiveUpdates live;
  private final QualityChecks checks;

  public HomeController(
      Access access,
      CurrentUser currentUser,
      SharedSnapshots snapshots,
      SharedDrawings drawings,
      LiveUpdates live,
      QualityChecks checks) {
    this.checks = checks;
    this.access = access;
    this.currentUser = currentUser;
    this.snapshots = snapshots;
    this.drawings = drawings;
    this.live = live;
  }

  @GetMapping("/")
  @Allow(Permission.SEE_HOME)
  String home(Office office, Locale locale, Model model) {
    User user = currentUser.get();
    Set<Permission> may = may(user, office);
    // after the user's own action (its notice or error on the page) the office is read afresh
    Dashboard.Snapshot snapshot =
        model.containsAttribute("notice")
                || model.containsAttribute("error")
                || model.containsAttribute("mistakes")
            ? snapshots.fresh(office, may)
            : snapshots.snapshot(office, may);
    model.addAttribute("user", user);
    model.addAttribute("office", office);
    model.addAttribute("offices", access.visible(user));
    model.addAttribute("may", may.stream().map(Enum::name).toList());
    model.addAttribute("snapshot", snapshot);
    SharedDrawings.Drawn drawn = drawings.of(snapshot, locale, may);
    model.addAttribute("drawn", drawn);
    model.addAttribute("live", drawn.live());
    model.addAttribute("when", DateText.of(snapshot.zone(), locale));
    model.addAttribute("focus", focus(user));
    model.addAttribute(
        "toCheck", may.contains(Permission.SEE_PRINTERS) ? checks.waitingCount(office.id()) : 0);
    return "index";
  }

  /**
   * The office's live view as server-sent events ({@code state}, a JSON {@link LiveView}) for the
   * dashboard and the printers page: what the user may see there, sent whenever it changes.
   */
  @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Allow(Permission.SEE_HOME)
  SseEmitter live(Office office, Locale locale) {
    return live.watch(office, may(currentUser.get(), office), locale);
  }

  @GetMapping("/login")
  @Allow.Anyone
  String login() {
    return "login";
  }

  /** The role whose work comes first on the page; a supervisor sees everything. */
  static Role focus(User user) {
    for (Role role :
        List.of(
            Role.SUPERVISOR,
            Role.COUNTER_OFFICER,
            Role.OPERATOR,
            Role.INVENTORY_MANAGER,
            Role.AUDITOR,
            Role.ADMIN)) {
      if (user.has(role)) {
        return role;
      }
    }
    return Role.AUDITOR;
  }

  private Set<Permission> may(User user, Office office) {
    Set<Permission> may = EnumSet.noneOf(Permission.class);
    for (Permission p : Permission.values()) {
      if (access.allows(user, p, office.id())) {
        may.add(p);
      }
    }
    return may;
  }
}
