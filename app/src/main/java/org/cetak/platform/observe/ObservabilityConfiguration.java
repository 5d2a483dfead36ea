package org.cetak.platform.observe;

import java.time.Duration;
import javax.smartcardio.TerminalFactory;
import org.cetak.office.OfficeDirectory;
import org.cetak.printing.PrinterBoard;
import org.cetak.printing.config.StationProperties;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health indicators and Prometheus metrics of the print room. */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

  /** Refreshed in the background for Prometheus: the server's, not a command's. */
  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = "cetak.cli.enabled", havingValue = "false", matchIfMissing = true)
  PrintRoomMetrics printRoomMetrics(DSLContext db) {
    return new PrintRoomMetrics(db);
  }

  @Bean
  HealthIndicator printersHealthIndicator(OfficeDirectory offices, PrinterBoard board) {
    return PrintRoomHealth.printers(offices, board);
  }

  @Bean
  @ConditionalOnProperty(name = "cetak.station.enabled", havingValue = "true")
  HealthIndicator readersHealthIndicator(StationProperties station, TerminalFactory readers) {
    return PrintRoomHealth.readers(station, readers);
  }

  @Bean
  HealthIndicator centreLinkHealthIndicator(
      DSLContext db, @Value("${cetak.health.centre-stale:PT6H}") Duration stale) {
    return PrintRoomHealth.centreLink(db, stale);
  }
}
