package org.cetak.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.RunTrigger;
import org.cetak.intake.ImportReport;
import org.cetak.intake.ImportService;
import org.cetak.intake.Payloads;
import org.cetak.intake.UpstreamRegistry;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.sim.registry.Resident;
import org.cetak.sim.registry.SyntheticResidents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's backlog: a few hundred synthetic residents (real region prefixes, invented people,
 * drawn faces) imported into the demo office's queue, then an allocation run. Runs after the demo
 * offices are seeded; importing the same residents again changes nothing.
 */
@Component
@Profile("demo")
@Order(20)
public class DemoBacklog implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoBacklog.class);

  static final String OFFICE = "32.71";
  static final long SEED = 2026;

  private final ImportService imports;
  private final AllocationService allocation;
  private final OfficeDirectory offices;
  private final int residents;

  public DemoBacklog(
      ImportService imports,
      AllocationService allocation,
      OfficeDirectory offices,
      @Value("${cetak.demo.backlog:300}") int residents) {
    this.imports = imports;
    this.allocation = allocation;
    this.offices = offices;
    this.residents = residents;
  }

  @Override
  public void run(ApplicationArguments args) {
    Optional<Office> office = offices.officeByCode(OFFICE);
    if (office.isEmpty()) {
      log.warn("Demo backlog skipped: no office {}", OFFICE);
      return;
    }
    // fixed seed and dates: the same people every run, so a second run imports nothing new
    // they live in the office's own regency: the card is issued where they live
    SyntheticResidents people = new SyntheticResidents(SEED).livingIn(OFFICE);
    List<UpstreamRegistry.UpstreamRecord> records = new ArrayList<>();
    for (Resident r : people.first(residents)) {
      records.add(upstreamRecord(r));
    }
    ImportReport report =
        imports.importUpstream(office.get(), "demo backlog (synthetic residents)", "demo", records);
    if (!report.applied()) {
      log.warn("Demo backlog refused: {}", report.errors());
      return;
    }
    allocation.run(office.get().id(), RunTrigger.ON_DEMAND, "demo");
    log.info("Demo backlog: {} synthetic residents, {}", residents, report.counts());
  }

  /** A synthetic resident as the upstream registry sends one: fields, photo, signature, fingers. */
  public static UpstreamRegistry.UpstreamRecord upstreamRecord(Resident r) {
    return new UpstreamRegistry.UpstreamRecord(
        r.fields(),
        new Payloads(
            Optional.of(r.photoJpeg()),
            Optional.of(r.signaturePng()),
            Optional.of(r.fingerprints())));
  }
}
