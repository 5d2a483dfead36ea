package org.cetak.allocation.web;

import io.swagger.v3.oas.annotations.Operation;
import org.cetak.allocation.AllocationError;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.PolicyService;
import org.cetak.allocation.QueueExplanation;
import org.cetak.allocation.RunResult;
import org.cetak.allocation.RunTrigger;
import org.cetak.common.DomainException;
import org.cetak.common.Masking;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.cetak.platform.Refuses;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The queue of an office and its priority: why a NIK waits, an urgent walk-in, allocation runs and
 * the priority policy. {@code {office}} is the office's region code.
 */
@RestController
public class AllocationController {

  private final AllocationService allocation;
  private final PolicyService policies;
  private final CurrentUser currentUser;

  public AllocationController(
      AllocationService allocation, PolicyService policies, CurrentUser currentUser) {
    this.allocation = allocation;
    this.policies = policies;
    this.currentUser = currentUser;
  }

  /**
   * Why a NIK's card is not printed yet: tier, rank, blanks ahead, estimated print dates. The NIK
   * travels in the body ({@code {"nik": "..."}}), never in the address.
   */
  @PostMapping("/api/offices/{office}/queue/why")
  @Allow(Permission.EXPLAIN_QUEUE)
  @Operation(
      summary =
          "Why a NIK's card is not printed yet: tier, rank, blanks ahead, blockers, estimated print"
              + " dates (the NIK in the body)")
  @Refuses({"INVALID_NIK", "NO_REQUEST"})
  public QueueExplanation why(Office office, @RequestBody Resident resident) {
    String nik = resident.nik();
    inOffice(office, nik);
    return allocation.explain(nik);
  }

  /**
   * Holds a blank from the urgent reserve for a walk-in (body: {@code {"nik": "...", "reason":
   * "..."}}).
   */
  @PostMapping("/api/offices/{office}/queue/urgent")
  @Allow(Permission.GRANT_URGENT)
  @Operation(summary = "Holds a blank from the urgent reserve for a walk-in (the NIK in the body)")
  @Refuses({"INVALID_NIK", "NO_REQUEST", "NOT_QUEUED", "NO_USABLE_BLANK", "REASON_REQUIRED"})
  public RunResult urgent(Office office, @RequestBody WalkIn walkIn) {
    inOffice(office, walkIn.nik());
    return allocation.approveWalkIn(walkIn.nik(), currentUser.get().username(), walkIn.reason());
  }

  /** Whose queue entry is asked about. */
  public record Resident(String nik) {
    @Override
    public String toString() {
      return "Resident[" + Masking.nik(nik) + "]";
    }
  }

  /** A walk-in: whose card, and why it is urgent. */
  public record WalkIn(String nik, String reason) {
    @Override
    public String toString() {
      return "WalkIn[" + Masking.nik(nik) + "]";
    }
  }

  /** Runs allocation of the office now. */
  @PostMapping("/api/offices/{office}/allocation/runs")
  @Allow(Permission.RUN_ALLOCATION)
  @Operation(summary = "Runs allocation of the office now")
  @Refuses({})
  public RunResult run(Office office) {
    return allocation.run(office.id(), RunTrigger.ON_DEMAND, currentUser.get().username());
  }

  /** The priority policy in force, with its version. */
  @GetMapping("/api/offices/{office}/policy")
  @Allow(Permission.SEE_POLICY)
  @Operation(summary = "The priority policy in force, with its version")
  @Refuses({})
  public PolicyDocument policy(Office office) {
    return PolicyDocument.of(policies.current(office.id()));
  }

  /**
   * Saves a new version of the policy. {@code version} is the version the edit started from: when
   * someone saved another since, the edit is refused with 409 {@code STALE_VERSION}; 400 when tiers
   * overlap or are unreachable.
   */
  @PutMapping("/api/offices/{office}/policy")
  @Allow(Permission.EDIT_POLICY)
  @Operation(
      summary = "Saves a new version of the priority policy (409 when another was saved since)")
  @Refuses({
    "STALE_VERSION",
    "POLICY_INVALID",
    "POLICY_OVERLAPPING_TIERS",
    "POLICY_UNREACHABLE_TIER"
  })
  public PolicyDocument replace(Office office, @RequestBody PolicyDocument document) {
    User user = currentUser.get();
    return PolicyDocument.of(
        policies.replace(
            document.toPolicy(office.id(), user.username()),
            document.version() == null ? -1 : document.version(),
            user.username()));
  }

  private void inOffice(Office office, String nik) {
    if (allocation.officeOf(nik) != office.id()) {
      throw new DomainException(
          AllocationError.NO_REQUEST,
          "No request for NIK " + Masking.nik(nik) + " in office " + office.code(),
          Masking.nik(nik));
    }
  }
}
