package org.cetak.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order of shutdown: the print stations stop first (phase {@code MAX_VALUE - 100}), then the
 * Quartz scheduler (here), then the web server; the connection pool and the embedded database go
 * last, with the beans.
 *
 * <p>Stopping only puts Quartz in standby: its cluster manager still checks in every {@code
 * clusterCheckinInterval} and its running jobs finish when the scheduler bean is destroyed. That
 * bean therefore depends on the connection pool, so that the pool closes after it and not under it.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulerConfiguration {

  /** Phase of the scheduler: started before the stations, stopped after them. */
  public static final int SCHEDULER_PHASE = Integer.MAX_VALUE - 200;

  private static final String SCHEDULER = "quartzScheduler";

  @Bean
  SchedulerFactoryBeanCustomizer schedulerAfterStations() {
    return factory -> factory.setPhase(SCHEDULER_PHASE);
  }

  @Bean
  static BeanFactoryPostProcessor schedulerBeforeConnectionPool() {
    return factory -> destroySchedulerBefore(factory, "dataSource");
  }

  /**
   * Makes the Quartz scheduler depend on a bean, so that the bean outlives the scheduler's shutdown
   * (which waits for the running jobs). Does nothing where either is not defined.
   */
  public static void destroySchedulerBefore(ConfigurableListableBeanFactory factory, String bean) {
    if (!factory.containsBeanDefinition(SCHEDULER) || !factory.containsBeanDefinition(bean)) {
      return;
    }
    BeanDefinition scheduler = factory.getBeanDefinition(SCHEDULER);
    List<String> dependsOn =
        new ArrayList<>(
            scheduler.getDependsOn() == null ? List.of() : Arrays.asList(scheduler.getDependsOn()));
    if (!dependsOn.contains(bean)) {
      dependsOn.add(bean);
      scheduler.setDependsOn(dependsOn.toArray(String[]::new));
    }
  }
}
