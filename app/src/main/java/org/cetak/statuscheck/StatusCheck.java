package org.cetak.statuscheck;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.cetak.common.Masking;
import org.cetak.common.OfficeZones;
import org.cetak.consolidation.ConsolidationService;
import org.cetak.office.Audit;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;

/**
 * The public status check (cek status KTP-el): a resident gives NIK and birth date and learns where
 * the request stands. A wrong birth date answers exactly like an unknown NIK, so the page cannot be
 * used to learn whether a NIK has a request; lookups are limited per client address and per NIK;
 * every lookup is audited with the NIK masked.
 */
public final class StatusCheck {

  private final ResidentRequests requests;
  private final ConsolidationService consolidation;
  private final OfficeDirectory offices;
  private final OfficeZones zones;
  private final LookupLimiter limiter;
  private final Audit audit;
  private final String officeHours;

  public StatusCheck(
      ResidentRequests requests,
      ConsolidationService consolidation,
      OfficeDirectory offices,
      OfficeZones zones,
      LookupLimiter limiter,
      Audit audit,
      String officeHours) {
    this.requests = requests;
    this.consolidation = consolidation;
    this.offices = offices;
    this.zones = zones;
    this.limiter = limiter;
    this.audit = audit;
    this.officeHours = officeHours;
  }

  /**
   * Answers one lookup, counted against the client's and the NIK's limits and audited.
   *
   * @param birthDate as typed ({@code yyyy-MM-dd})
   * @param client the client's address, for the limit and the audit trail
   */
  public StatusAnswer check(String nik, String birthDate, String client) {
    String n = nik == null ? "" : nik.strip();
    Optional<LocalDate> born = parse(birthDate);
    if (!n.matches("\\d{16}") || born.isEmpty()) {
      return audited(null, n, client, new StatusAnswer.Invalid());
    }
    if (!limiter.tryAcquire(List.of("client:" + client, "nik:" + n))) {
      return audited(null, n, client, new StatusAnswer.Refused());
    }
    Optional<ResidentRequest> found = requests.latest(n).filter(r -> r.birthDate().equals(born));
    if (found.isEmpty()) {
      return audited(null, n, client, new StatusAnswer.NotFound());
    }
    ResidentRequest request = found.get();
    Optional<Office> office = offices.office(request.officeId());
    String name = office.map(Office::name).orElse("");
    StatusAnswer answer =
        switch (request.status()) {
          case QUEUED, RESERVED, FAILED_REQUEUED ->
              new StatusAnswer.Waiting(name, false, requests.estimate(n));
          case PRINTING, OUTCOME_UNKNOWN -> new StatusAnswer.Waiting(name, true, Optional.empty());
          case PRINTED ->
              request.awaitingCheck()
                  ? new StatusAnswer.Checking(name)
                  : new StatusAnswer.Ready(
                      name,
                      office.map(Office::address).orElse(""),
                      officeHours,
                      request.printedAt().orElseThrow(),
                      consolidation.printedStatusSent(request.requestId()),
                      zones.of(request.officeId()));
          case HANDED_OVER ->
              new StatusAnswer.HandedOver(
                  name,
                  request.handedAt().orElse(request.printedAt().orElseThrow()),
                  consolidation.printedStatusSent(request.requestId()),
                  zones.of(request.officeId()));
          case WITHDRAWN -> new StatusAnswer.NotInQueue(name);
        };
    return audited(request.officeId(), n, client, answer);
  }

  private StatusAnswer audited(Long officeId, String nik, String client, StatusAnswer answer) {
    audit.record(
        officeId,
        "public:" + client,
        "STATUS_LOOKUP",
        "NIK " + Masking.nik(nik),
        answer.getClass().getSimpleName());
    return answer;
  }

  private static Optional<LocalDate> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.strip()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
