package org.cetak.intake.config;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.cetak.common.OfficeZones;
import org.cetak.common.Transactions;
import org.cetak.intake.ImportListener;
import org.cetak.intake.ImportService;
import org.cetak.intake.ImportsUnderWay;
import org.cetak.intake.RecordValidator;
import org.cetak.intake.RegistrySync;
import org.cetak.intake.RequestStore;
import org.cetak.intake.UpstreamCursor;
import org.cetak.intake.UpstreamRegistry;
import org.cetak.intake.jooq.JooqRequestStore;
import org.cetak.intake.jooq.JooqUpstreamCursor;
import org.cetak.intake.siak.SiakHttpRegistry;
import org.cetak.office.Audit;
import org.cetak.office.OfficeDirectory;
import org.cetak.region.RegionTable;
import org.cetak.request.jooq.ImportedRequests;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires intake: region table, record checks, the import into PostgreSQL and, when {@code
 * cetak.upstream.url} is set, the upstream registry over HTTP.
 */
@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

  @Bean
  RegionTable regionTable() {
    return RegionTable.shipped();
  }

  @Bean
  RecordValidator recordValidator(RegionTable regions, OfficeZones zones, Clock clock) {
    return new RecordValidator(regions, zones, clock);
  }

  @Bean
  RequestStore requestStore(DSLContext db, Clock clock, ImportedRequests requests) {
    return new JooqRequestStore(db, clock, requests);
  }

  @Bean
  ImportService importService(
      RequestStore store,
      RecordValidator validator,
      OfficeDirectory offices,
      Transactions transactions,
      Audit audit,
      ObjectProvider<ImportListener> listeners) {
    ImportListener all =
        (officeId, counts) -> listeners.orderedStream().forEach(l -> l.imported(officeId, counts));
    return new ImportService(
        store, validator, offices, transactions, audit, java.util.List.of(all));
  }

  @Bean
  ImportsUnderWay importsUnderWay() {
    return new ImportsUnderWay();
  }

  @Bean
  UpstreamCursor upstreamCursor(DSLContext db, Clock clock) {
    return new JooqUpstreamCursor(db, clock);
  }

  @Bean
  @ConditionalOnProperty(name = "cetak.upstream.url")
  UpstreamRegistry upstreamRegistry(
      @Value("${cetak.upstream.url}") URI url,
      @Value("${cetak.upstream.timeout:PT10S}") Duration timeout) {
    return new SiakHttpRegistry(url, timeout);
  }

  @Bean
  @ConditionalOnProperty(name = "cetak.upstream.url")
  RegistrySync registrySync(
      UpstreamRegistry registry,
      UpstreamCursor cursors,
      ImportService imports,
      Transactions transactions) {
    return new RegistrySync(registry, cursors, imports, transactions);
  }
}
