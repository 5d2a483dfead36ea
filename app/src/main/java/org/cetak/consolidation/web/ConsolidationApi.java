package org.cetak.consolidation.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.cetak.common.Masking;
import org.cetak.consolidation.ConsolidationQueue;
import org.cetak.consolidation.ConsolidationService;
import org.cetak.consolidation.QueuedPush;
import org.cetak.office.Office;
import org.cetak.office.Permission;
import org.cetak.office.User;
import org.cetak.platform.Refuses;
import org.cetak.security.Allow;
import org.cetak.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The status push of an office to the centre: backlog, a NIK's history, and "push now". */
@RestController
@RequestMapping("/api/offices/{office}/consolidation")
public class ConsolidationApi {

  private final ConsolidationService consolidation;
  private final CurrentUser currentUser;

  public ConsolidationApi(ConsolidationService consolidation, CurrentUser currentUser) {
    this.consolidation = consolidation;
    this.currentUser = currentUser;
  }

  /** Pushes of the office not sent yet, stuck ones first, with their attempts. */
  @GetMapping("/backlog")
  @Allow(Permission.SEE_CONSOLIDATION)
  @Operation(
      summary =
          "The office's statuses not yet at the centre, stuck ones first, with their attempts")
  @Refuses({})
  public Backlog backlog(Office office) {
    User user = currentUser.get();
    return new Backlog(
        consolidation.connected(),
        consolidation.counts(office.id(), user),
        consolidation.backlog(office.id(), user));
  }

  /** Every push of a NIK's cards: printed when, pushed when, the centre's answers, retries. */
  @PostMapping("/cards/search")
  @Allow(Permission.SEE_CONSOLIDATION)
  @Operation(
      summary =
          "Every status push of a NIK's cards: printed when, pushed when, the centre's answers"
              + " (the NIK in the body)")
  @Refuses({"INVALID_NIK"})
  public List<QueuedPush> history(Office office, @RequestBody Resident resident) {
    User user = currentUser.get();
    return consolidation.history(office.id(), resident.nik(), user);
  }

  /** Whose cards are asked about. */
  public record Resident(String nik) {
    @Override
    public String toString() {
      return "Resident[" + Masking.nik(nik) + "]";
    }
  }

  /** Pushes a stuck or waiting status (and its request's later ones) now. */
  @PostMapping("/pushes/{id}/push-now")
  @Allow(Permission.PUSH_CONSOLIDATION)
  @Operation(
      summary = "Pushes a stuck or waiting status (and its request's later ones) to the centre now")
  @Refuses({"UNKNOWN_PUSH", "PUSH_NOT_WAITING", "NO_UPSTREAM"})
  public ConsolidationService.PushRun pushNow(Office office, @PathVariable("id") long id) {
    User user = currentUser.get();
    return consolidation.pushNow(office.id(), id, user);
  }

  /** The office's backlog. */
  public record Backlog(
      boolean upstreamConfigured, ConsolidationQueue.Backlog counts, List<QueuedPush> pushes) {}
}
