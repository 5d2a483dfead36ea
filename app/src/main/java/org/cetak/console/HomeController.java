package org.cetak.console;

import java.time.Clock;
import java.time.ZonedDateTime;
import org.cetak.office.Access;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's front page: who is signed in, the offices, and the state of the installation. */
@Controller
public class HomeController {

  private final Access access;
  private final CurrentUser currentUser;
  private final Scheduler scheduler;
  private final Clock clock;

  public HomeController(Access access, CurrentUser currentUser, Scheduler scheduler, Clock clock) {
    this.access = access;
    this.currentUser = currentUser;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  @GetMapping("/")
  @Allow(Permission.SEE_HOME)
  String home(Model model) throws SchedulerException {
    User user = currentUser.get();
    model.addAttribute("user", user);
    model.addAttribute("offices", access.visible(user));
    model.addAttribute("now", ZonedDateTime.now(clock));
    model.addAttribute("schedulerNode", scheduler.getSchedulerInstanceId());
    model.addAttribute("schedulerClustered", scheduler.getMetaData().isJobStoreClustered());
    return "index";
  }

  @GetMapping("/login")
  @Allow.Anyone
  String login() {
    return "login";
  }
}
