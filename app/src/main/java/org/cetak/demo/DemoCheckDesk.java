package org.cetak.demo;

import org.cetak.quality.CheckReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo's check desk: its reader reads the simulated card the operator lays on it, whose chip
 * the simulated printer wrote, so the demo's operator passes cards on {@code /quality-check}
 * without a physical card (a card is rejected there like anywhere else).
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo & !test")
public class DemoCheckDesk {

  @Bean
  CheckReader demoCheckReader() {
    return card -> new CheckReader.Read(card.chipUid());
  }
}
