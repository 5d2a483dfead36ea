package org.cetak.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.cetak.intake.UpstreamRegistry;
import org.cetak.sim.registry.RegistryServer;
import org.cetak.sim.registry.SyntheticResidents;
import org.junit.jupiter.api.Test;

/**
 * The demo's simulated centre knows the demo's residents: a reprint of a card whose photo and
 * signature were erased after printing fetches them from it again, instead of waiting forever.
 */
class DemoCentreTest {

  @Test
  void the_demo_centre_gives_the_photo_of_a_resident_of_the_demo_backlog() {
    DemoCentre centre = new DemoCentre();
    String nik =
        new SyntheticResidents(DemoBacklog.SEED)
            .livingIn(DemoBacklog.OFFICE)
            .resident(236)
            .fields()
            .get("nik");
    try (RegistryServer server = centre.demoRegistryServer(Clock.systemUTC(), 300)) {
      UpstreamRegistry.Fetch fetched = centre.demoUpstreamRegistry(server).fetch(nik);

      assertThat(fetched).isInstanceOf(UpstreamRegistry.Fetched.class);
      UpstreamRegistry.UpstreamRecord record = ((UpstreamRegistry.Fetched) fetched).record();
      assertThat(record.payloads().photo()).isPresent();
      assertThat(record.payloads().signature()).isPresent();
    }
  }
}
