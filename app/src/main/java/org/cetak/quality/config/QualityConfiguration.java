package org.cetak.quality.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.smartcardio.TerminalFactory;
import org.cetak.common.Transactions;
import org.cetak.drivers.chip.pcsc.PcscChipEncoder;
import org.cetak.notify.Notices;
import org.cetak.office.Access;
import org.cetak.office.Audit;
import org.cetak.quality.CheckReader;
import org.cetak.quality.QualityChecks;
import org.cetak.quality.jooq.JooqCardChecks;
import org.cetak.request.RequestLifecycle;
import org.cetak.stock.SpoilRecords;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The print room's quality check: its table, its service and the check desk's chip reader. */
@Configuration(proxyBeanMethods = false)
public class QualityConfiguration {

  @Bean
  JooqCardChecks cardChecks(DSLContext db) {
    return new JooqCardChecks(db);
  }

  /**
   * The check desk's reader: the demo's simulated one, or a PC/SC reader when {@code
   * cetak.quality-check.reader} names one (a pattern of reader names); without one the operator
   * types or scans each chip's UID.
   */
  @Bean
  QualityChecks qualityChecks(
      JooqCardChecks store,
      RequestLifecycle requests,
      SpoilRecords spoils,
      Notices notices,
      Access access,
      Audit audit,
      Transactions transactions,
      Clock clock,
      TerminalFactory readers,
      ObjectProvider<CheckReader> simulated,
      @Value("${cetak.quality-check.reader:}") String reader,
      @Value("${cetak.quality-check.reader-wait:PT3S}") Duration readerWait) {
    Optional<CheckReader> desk =
        reader.isBlank()
            ? Optional.ofNullable(simulated.getIfAvailable())
            : Optional.of(
                new PcscCheckReader(
                    new PcscChipEncoder(readers, Pattern.compile(reader)), readerWait));
    return new QualityChecks(
        store, requests, spoils, notices, desk, access, audit, transactions, clock);
  }
}
