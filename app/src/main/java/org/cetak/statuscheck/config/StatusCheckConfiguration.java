package org.cetak.statuscheck.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.cetak.allocation.AllocationService;
import org.cetak.common.DomainException;
import org.cetak.common.OfficeZones;
import org.cetak.consolidation.ConsolidationService;
import org.cetak.office.Audit;
import org.cetak.office.OfficeDirectory;
import org.cetak.statuscheck.LookupLimiter;
import org.cetak.statuscheck.ResidentRequests;
import org.cetak.statuscheck.StatusCheck;
import org.cetak.statuscheck.jooq.JooqResidentRequests;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the resident status page: at most {@code cetak.status-check.limit} lookups per client
 * address and per NIK in {@code cetak.status-check.window}, on this node.
 */
@Configuration(proxyBeanMethods = false)
public class StatusCheckConfiguration {

  @Bean
  LookupLimiter statusLookupLimiter(
      Clock clock,
      @Value("${cetak.status-check.limit:10}") int limit,
      @Value("${cetak.status-check.window:PT1M}") Duration window) {
    return new LookupLimiter(limit, window, clock);
  }

  @Bean
  StatusCheck statusCheck(
      DSLContext db,
      AllocationService allocation,
      ConsolidationService consolidation,
      OfficeDirectory offices,
      OfficeZones zones,
      LookupLimiter statusLookupLimiter,
      Audit audit,
      @Value("${cetak.office-hours:08.00-15.00 WIB}") String officeHours) {
    JooqResidentRequests.Estimates estimates =
        nik -> {
          try {
            return allocation
                .explain(nik)
                .estimate()
                .map(r -> new ResidentRequests.PrintWindow(r.earliest(), r.latest()));
          } catch (DomainException e) {
            return Optional.empty();
          }
        };
    return new StatusCheck(
        new JooqResidentRequests(db, estimates),
        consolidation,
        offices,
        zones,
        statusLookupLimiter,
        audit,
        officeHours);
  }
}
