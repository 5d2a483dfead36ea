package org.cetak.allocation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.cetak.allocation.AllocationError;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.PolicyCheck;
import org.cetak.allocation.PolicyService;
import org.cetak.allocation.PriorityPolicy;
import org.cetak.common.CommonError;
import org.cetak.common.DomainException;
import org.cetak.common.ErrorCode;
import org.cetak.common.WholeNumbers;
import org.cetak.intake.RequestReason;
import org.cetak.office.Access;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.cetak.platform.Problems;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisor's policy editor: the daily cap, the urgent reserve and every tier and rule of the
 * policy as labelled fields ({@link PolicyForm}), a value the policy cannot hold refused beside its
 * field; "Pratinjau" shows how the queue would change before anything is saved; saving is refused,
 * with the version in force named, when someone saved another version since the edit began.
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

  public PolicyPage(
      PolicyService policies,
      AllocationService allocation,
      Access access,
      CurrentUser currentUser,
      Problems problems) {
    this.policies = policies;
    this.allocation = allocation;
    this.access = access;
    this.currentUser = currentUser;
    this.problems = problems;
  }

  @GetMapping("/policy")
  @Allow(Permission.SEE_POLICY)
  String policy(Office office, Model model) {
    return page(
        office, model, PolicyForm.of(PolicyDocument.of(policies.current(office.id()))), Map.of());
  }

  /**
   * The draft previewed; or, when one of the buttons that add or remove a tier or a rule was
   * pressed ({@code change}), the draft shown again with that change and nothing previewed.
   */
  @PostMapping("/policy/preview")
  @Allow(Permission.EDIT_POLICY)
  String preview(
      Office office,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      HttpServletResponse response,
      Model model) {
    PolicyForm typed = PolicyForm.posted(form);
    String change = form.getFirst("change");
    if (change != null && !change.isBlank()) {
      return page(office, model, typed.change(change), Map.of());
    }
    PolicyForm.Read read = typed.read(words(locale));
    if (read.document().isEmpty()) {
      return invalid(office, locale, response, model, typed, read);
    }
    PriorityPolicy draft =
        read.document().get().toPolicy(office.id(), currentUser.get().username());
    Map<String, String> conflicts = conflicts(typed, draft, locale, response, model);
    if (!conflicts.isEmpty()) {
      return page(office, model, typed, conflicts);
    }
    try {
      PolicyCheck.check(draft);
      model.addAttribute("preview", allocation.preview(office.id(), draft, SHOWN));
    } catch (DomainException e) {
      refused(e, locale, response, model);
    }
    return page(office, model, typed, Map.of());
  }

  @PostMapping("/policy")
  @Allow(Permission.EDIT_POLICY)
  String save(
      Office office,
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    PolicyForm typed = PolicyForm.posted(form);
    PolicyForm.Read read = typed.read(words(locale));
    if (read.document().isEmpty()) {
      return invalid(office, locale, response, model, typed, read);
    }
    User user = currentUser.get();
    PriorityPolicy draft = read.document().get().toPolicy(office.id(), user.username());
    Map<String, String> conflicts = conflicts(typed, draft, locale, response, model);
    if (!conflicts.isEmpty()) {
      return page(office, model, typed, conflicts);
    }
    try {
      PriorityPolicy saved = policies.replace(draft, basedOn(typed.version()), user.username());
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
                "policy.stale", locale, typed.version(), policies.current(office.id()).version()));
      }
      return page(office, model, typed, Map.of());
    }
  }

  /** The draft shown again with each field's error beside it; nothing previewed or saved. */
  private String invalid(
      Office office,
      Locale locale,
      HttpServletResponse response,
      Model model,
      PolicyForm typed,
      PolicyForm.Read read) {
    response.setStatus(Problems.status(AllocationError.POLICY_INVALID.kind()).value());
    model.addAttribute("error", problems.message("policy.invalid.summary", locale));
    model.addAttribute("errorCode", AllocationError.POLICY_INVALID.name());
    return page(office, model, typed, read.errors());
  }

  /**
   * Each rule or tier that cannot work beside the others ({@link PolicyCheck#conflicts}), worded
   * beside its name's field; the first one's code heads the page (400).
   */
  private Map<String, String> conflicts(
      PolicyForm typed,
      PriorityPolicy draft,
      Locale locale,
      HttpServletResponse response,
      Model model) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<PolicyCheck.Conflict> found = PolicyCheck.conflicts(draft);
    for (PolicyCheck.Conflict c : found) {
      String key = "policy.conflict." + c.kind();
      String text = problems.message(key, locale, c.otherRule(), c.otherTier());
      for (int t = 0; t < typed.tiers().size(); t++) {
        PolicyForm.Tier tier = typed.tiers().get(t);
        if (!tier.number().strip().equals(String.valueOf(c.tier()))) {
          continue;
        }
        if (c.kind() == PolicyCheck.Conflict.Kind.TIER_NEVER_TAKES) {
          errors.putIfAbsent("tiers[" + t + "].name", text);
        }
        for (int r = 0; r < tier.rules().size(); r++) {
          if (tier.rules().get(r).name().strip().equals(c.rule())) {
            errors.putIfAbsent("tiers[" + t + "].rules[" + r + "].name", text);
          }
        }
      }
    }
    if (!found.isEmpty()) {
      AllocationError code = found.get(0).error();
      response.setStatus(Problems.status(code.kind()).value());
      model.addAttribute("error", problems.title(code, locale));
      model.addAttribute("errorCode", code.name());
    }
    return errors;
  }

  private BiFunction<String, Object[], String> words(Locale locale) {
    return (key, args) -> problems.message(key, locale, args);
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

  private String page(Office office, Model model, PolicyForm draft, Map<String, String> errors) {
    User user = currentUser.get();
    PriorityPolicy current = policies.current(office.id());
    model.addAttribute("office", office);
    model.addAttribute("current", PolicyDocument.of(current));
    model.addAttribute("createdBy", current.createdBy());
    model.addAttribute("draft", draft);
    model.addAttribute("errors", errors);
    model.addAttribute("mayEdit", access.allows(user, Permission.EDIT_POLICY, office.id()));
    model.addAttribute("reasons", Arrays.stream(RequestReason.values()).toList());
    return "policy";
  }

  /**
   * The version the edit began from; one that is none (or negative, which the service takes as "no
   * check") can match no version in force, so the save is refused as stale.
   */
  private static int basedOn(String version) {
    int number = number(version, Integer.MAX_VALUE);
    return number < 0 ? Integer.MAX_VALUE : number;
  }

  private static int number(String text, int otherwise) {
    try {
      return WholeNumbers.parse(text);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
