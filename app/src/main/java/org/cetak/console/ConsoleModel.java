package org.cetak.console;

import java.util.HashMap;
import java.util.Map;
import org.cetak.allocation.web.QueuePage;
import org.cetak.consolidation.web.ConsolidationPage;
import org.cetak.notify.web.NoticesPage;
import org.cetak.office.Access;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.cetak.office.web.AuditTrail;
import org.cetak.office.web.UsersPage;
import org.cetak.pickup.web.CounterPage;
import org.cetak.platform.ErrorPages;
import org.cetak.printing.web.PrintersPage;
import org.cetak.security.CurrentUser;
import org.cetak.stock.web.StockPage;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page needs to draw its navigation: which permissions the signed-in user has
 * (in any office), so the menu offers only the pages they may open.
 */
@ControllerAdvice(
    assignableTypes = {
      HomeController.class,
      StockPage.class,
      PrintersPage.class,
      AuditTrail.class,
      UsersPage.class,
      ErrorPages.class,
      QueuePage.class,
      CounterPage.class,
      ConsolidationPage.class,
      NoticesPage.class,
      org.cetak.allocation.web.PolicyPage.class,
      org.cetak.intake.web.ImportsPage.class,
      org.cetak.quality.web.QualityCheckPage.class
    })
public class ConsoleModel {

  private final CurrentUser currentUser;
  private final Access access;

  public ConsoleModel(CurrentUser currentUser, Access access) {
    this.currentUser = currentUser;
    this.access = access;
  }

  /** From the user the request already read (the access check and the page ask for it too). */
  @ModelAttribute("can")
  Map<String, Boolean> can() {
    Map<String, Boolean> can = new HashMap<>();
    User user = currentUser.find().orElse(null);
    for (Permission p : Permission.values()) {
      can.put(p.name(), user != null && access.allows(user, p));
    }
    return can;
  }
}
