package org.cetak.console;

import java.time.Clock;
import java.time.ZonedDateTime;
import org.cetak.office.OfficeDirectory;
import org.cetak.security.CurrentUser;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's front page: who is signed in, the offices, and the state of the installation. */
@Controller
public class HomeController {

  private final OfficeDirectory offices;
  private final CurrentUser currentUser;
  private final Scheduler scheduler;
  private final Clock clock;

  public HomeController(
      OfficeDirectory offices, CurrentUser currentUser, Scheduler scheduler, Clock clock) {
    this.offices = offices;
    this.currentUser = currentUser;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  @GetMapping("/")
  String home(Model model) throws SchedulerException {
    model.addAttribute("user", currentUser.get());
    model.addAttribute("offices", offices.offices());
    model.addAttribute("now", ZonedDateTime.now(clock));
    model.addAttribute("schedulerNode", scheduler.getSchedulerInstanceId());
    model.addAttribute("schedulerClustered", scheduler.getMetaData().isJobStoreClustered());
    return "index";
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
