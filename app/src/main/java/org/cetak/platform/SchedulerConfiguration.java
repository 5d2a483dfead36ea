package org.cetak.platform;

import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order of shutdown: the print stations stop first (phase {@code MAX_VALUE - 100}), then the
 * Quartz scheduler (here), then the web server; the connection pool and the embedded database go
 * last, with the beans.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulerConfiguration {

  /** Phase of the scheduler: started before the stations, stopped after them. */
  public static final int SCHEDULER_PHASE = Integer.MAX_VALUE - 200;

  @Bean
  SchedulerFactoryBeanCustomizer schedulerAfterStations() {
    return factory -> factory.setPhase(SCHEDULER_PHASE);
  }
}
