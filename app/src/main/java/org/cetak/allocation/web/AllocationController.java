package org.cetak.allocation.web;

import org.cetak.allocation.AllocationService;
import org.cetak.allocation.PolicyService;
import org.cetak.allocation.QueueExplanation;
import org.cetak.allocation.RunResult;
import org.cetak.allocation.RunTrigger;
import org.cetak.intake.web.OfficeScope;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The queue and its priority: {@code GET /api/queue/{nik}/why}, {@code POST
 * /api/queue/{nik}/urgent}, {@code POST /api/allocation/runs}, {@code GET/PUT /api/policy}.
 */
@RestController
public class AllocationController {

  private final AllocationService allocation;
  private final PolicyService policies;
  private final OfficeDirectory offices;
  private final CurrentUser currentUser;

  public AllocationController(
      AllocationService allocation,
      PolicyService policies,
      OfficeDirectory offices,
      CurrentUser currentUser) {
    this.allocation = allocation;
    this.policies = policies;
    this.offices = offices;
    this.currentUser = currentUser;
  }

  /** Why a NIK's card is not printed yet: tier, rank, blanks ahead, estimated print dates. */
  @GetMapping("/api/queue/{nik}/why")
  public QueueExplanation why(@PathVariable String nik) {
    currentUser.get();
    return allocation.explain(nik);
  }

  /** Holds a blank from the urgent reserve for a walk-in (body: {@code {"reason": "..."}}). */
  @PostMapping("/api/queue/{nik}/urgent")
  @PreAuthorize("hasAnyRole('SUPERVISOR')")
  public RunResult urgent(@PathVariable String nik, @RequestBody WalkIn walkIn) {
    return allocation.approveWalkIn(nik, currentUser.get().username(), walkIn.reason());
  }

  public record WalkIn(String reason) {}

  @PostMapping("/api/allocation/runs")
  @PreAuthorize("hasAnyRole('SUPERVISOR', 'INVENTORY_MANAGER', 'ADMIN')")
  public RunResult run(@RequestParam(name = "office", required = false) String office) {
    User user = currentUser.get();
    Office target = OfficeScope.resolve(offices, user, office);
    return allocation.run(target.id(), RunTrigger.ON_DEMAND, user.username());
  }

  @GetMapping("/api/policy")
  public PolicyDocument policy(@RequestParam(name = "office", required = false) String office) {
    User user = currentUser.get();
    return PolicyDocument.of(policies.current(OfficeScope.resolve(offices, user, office).id()));
  }

  /** Saves a new version of the policy; refused with 400 when tiers overlap or are unreachable. */
  @PutMapping("/api/policy")
  @PreAuthorize("hasRole('SUPERVISOR')")
  public PolicyDocument replace(
      @RequestParam(name = "office", required = false) String office,
      @RequestBody PolicyDocument document) {
    User user = currentUser.get();
    Office target = OfficeScope.resolve(offices, user, office);
    return PolicyDocument.of(
        policies.replace(document.toPolicy(target.id(), user.username()), user.username()));
  }
}
