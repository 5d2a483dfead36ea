package org.cetak.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.cetak.intake.UpstreamRegistry;
import org.cetak.intake.siak.SiakHttpRegistry;
import org.cetak.sim.registry.RegistryBehaviour;
import org.cetak.sim.registry.RegistryServer;
import org.cetak.sim.registry.SyntheticResidents;
import org.cetak.sim.time.Timeline;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo's centre: a simulated SIAK on a free loopback port that takes the printed and
 * handed-over statuses, so that consolidation shows the centre's answers, and knows the demo's
 * residents (those of {@link DemoBacklog}), so that a reprint of a card whose photo and signature
 * were erased after printing fetches them again and prints. Off when a real upstream is configured
 * ({@code cetak.upstream.url}) or {@code cetak.demo.centre=false}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnExpression("${cetak.demo.centre:true} and '${cetak.upstream.url:}' == ''")
public class DemoCentre {

  @Bean(destroyMethod = "close")
  RegistryServer demoRegistryServer(
      Clock clock, @Value("${cetak.demo.backlog:300}") int residents) {
    try {
      return new RegistryServer(
              new SyntheticResidents(DemoBacklog.SEED).livingIn(DemoBacklog.OFFICE),
              new RegistryBehaviour(residents, DemoBacklog.SEED, Duration.ZERO, 0, List.of()),
              Timeline.of(1.0, clock.instant()))
          .start("127.0.0.1", 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the demo's simulated SIAK", e);
    }
  }

  @Bean
  UpstreamRegistry demoUpstreamRegistry(RegistryServer demoRegistryServer) {
    return new SiakHttpRegistry(URI.create(demoRegistryServer.url()), Duration.ofSeconds(5));
  }
}
