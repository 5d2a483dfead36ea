package org.cetak.allocation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cetak.allocation.AllocationError;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.PolicyCheck;
import org.cetak.allocation.PolicyService;
import org.cetak.allocation.PriorityPolicy;
import org.cetak.common.CommonError;
import org.cetak.common.DomainException;
import org.cetak.common.ErrorCode;
import org.cetak.office.Access;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.cetak.platform.Problems;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The supervisor's policy editor: the daily cap, the urgent reserve and the tiers (as the JSON of
 * {@code PUT /api/offices/{office}/policy}); "Pratinjau" shows how the queue would change before
 * anything is saved; saving is refused, with the version in force named, when someone saved another
 * version since the edit began.
 */
@Controller
public class PolicyPage {

  /** Requests listed as moving in and out of the next run. */
  static final int SHOWN = 20;

  private final PolicyService policies;
  private final AllocationService allocation;
  private final Access access;
  private final CurrentUser currentUser;
  private final Problems problems;
  private final ObjectMapper json;

  public PolicyPage(
      PolicyService policies,
      AllocationService allocation,
      Access access,
      CurrentUser currentUser,
      Problems problems,
      ObjectMapper json) {
    this.policies = policies;
    this.allocation = allocation;
    this.access = access;
    this.currentUser = currentUser;
    this.problems = problems;
    this.json = json;
  }

  /** The editor's fields as typed. */
  public record Draft(
      String version, String dailyCap, String urgentReserve, String note, String tiers) {}

  @GetMapping("/policy")
  @Allow(Permission.SEE_POLICY)
  String policy(Office office, Model model) {
    PolicyDocument current = PolicyDocument.of(policies.current(office.id()));
    return page(office, model, draft(current));
  }

  @PostMapping("/policy/preview")
  @Allow(Permission.EDIT_POLICY)
  String preview(
      Office office,
      @RequestParam(name = "version", defaultValue = "") String version,
      @RequestParam(name = "dailyCap", defaultValue = "") String dailyCap,
      @RequestParam(name = "urgentReserve", defaultValue = "") String urgentReserve,
      @RequestParam(name = "note", defaultValue = "") String note,
      @RequestParam(name = "tiers", defaultValue = "") String tiers,
      Locale locale,
      HttpServletResponse response,
      Model model) {
    Draft typed = new Draft(version, dailyCap, urgentReserve, note, tiers);
    try {
      PriorityPolicy draft = parse(office, typed);
      PolicyCheck.check(draft);
      model.addAttribute("preview", allocation.preview(office.id(), draft, SHOWN));
    } catch (DomainException e) {
      refused(e, locale, response, model);
    }
    return page(office, model, typed);
  }

  @PostMapping("/policy")
  @Allow(Permission.EDIT_POLICY)
  String save(
      Office office,
      @RequestParam(name = "version", defaultValue = "") String version,
      @RequestParam(name = "dailyCap", defaultValue = "") String dailyCap,
      @RequestParam(name = "urgentReserve", defaultValue = "") String urgentReserve,
      @RequestParam(name = "note", defaultValue = "") String note,
      @RequestParam(name = "tiers", defaultValue = "") String tiers,
      Locale locale,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    Draft typed = new Draft(version, dailyCap, urgentReserve, note, tiers);
    User user = currentUser.get();
    try {
      PriorityPolicy draft = parse(office, typed);
      PriorityPolicy saved =
          policies.replace(draft, number(version, Integer.MAX_VALUE), user.username());
      redirect.addFlashAttribute(
          "notice", problems.message("policy.done.saved", locale, saved.version()));
      redirect.addAttribute("office", office.code());
      return "redirect:/policy";
    } catch (DomainException e) {
      refused(e, locale, response, model);
      if (e.error() == CommonError.STALE_VERSION) {
        model.addAttribute(
            "stale",
            problems.message(
                "policy.stale", locale, version, policies.current(office.id()).version()));
      }
      return page(office, model, typed);
    }
  }

  private void refused(
      DomainException e, Locale locale, HttpServletResponse response, Model model) {
    if (e.kind() == ErrorCode.Kind.FORBIDDEN) {
      throw e;
    }
    response.setStatus(Problems.status(e.kind()).value());
    model.addAttribute("error", problems.title(e.error(), locale));
    model.addAttribute("errorCode", e.code());
  }

  private String page(Office office, Model model, Draft draft) {
    User user = currentUser.get();
    PriorityPolicy current = policies.current(office.id());
    model.addAttribute("office", office);
    model.addAttribute("current", PolicyDocument.of(current));
    model.addAttribute("createdBy", current.createdBy());
    model.addAttribute("draft", draft);
    model.addAttribute("mayEdit", access.allows(user, Permission.EDIT_POLICY, office.id()));
    model.addAttribute("reasons", Arrays.stream(org.cetak.intake.RequestReason.values()).toList());
    return "policy";
  }

  private Draft draft(PolicyDocument current) {
    return new Draft(
        current.version() == null ? "0" : String.valueOf(current.version()),
        current.dailyCap() == null ? "" : String.valueOf(current.dailyCap()),
        String.valueOf(current.urgentReserve()),
        current.note() == null ? "" : current.note(),
        json.writerWithDefaultPrettyPrinter().writeValueAsString(current.tiers()));
  }

  private PriorityPolicy parse(Office office, Draft typed) {
    List<PolicyDocument.Tier> tiers;
    try {
      PolicyDocument.Tier[] read = json.readValue(typed.tiers(), PolicyDocument.Tier[].class);
      tiers = read == null ? List.of() : Arrays.asList(read);
    } catch (JacksonException e) {
      throw new DomainException(
          AllocationError.POLICY_INVALID,
          "The tiers are not readable JSON: " + e.getOriginalMessage());
    }
    Integer cap = typed.dailyCap().isBlank() ? null : number(typed.dailyCap(), -1);
    int reserve = typed.urgentReserve().isBlank() ? 0 : number(typed.urgentReserve(), -1);
    if ((cap != null && cap < 0) || reserve < 0) {
      throw new DomainException(
          AllocationError.POLICY_INVALID, "Daily cap and urgent reserve are whole numbers from 0");
    }
    return new PolicyDocument(null, cap, reserve, typed.note(), tiers)
        .toPolicy(office.id(), currentUser.get().username());
  }

  private static int number(String text, int otherwise) {
    try {
      return Integer.parseInt(text.strip().replace(".", ""));
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
