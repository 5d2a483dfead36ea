package org.cetak.request.config;

import java.time.Clock;
import org.cetak.common.Transactions;
import org.cetak.request.RequestLifecycle;
import org.cetak.request.jooq.ImportedRequests;
import org.cetak.request.jooq.JooqRequestLifecycle;
import org.cetak.request.jooq.Reservations;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the one owner of the print requests' life: its port and its writers in PostgreSQL. */
@Configuration(proxyBeanMethods = false)
public class RequestConfiguration {

  @Bean
  RequestLifecycle requestLifecycle(DSLContext db, Transactions transactions, Clock clock) {
    return new JooqRequestLifecycle(db, transactions, clock);
  }

  @Bean
  ImportedRequests importedRequests(DSLContext db) {
    return new ImportedRequests(db);
  }

  @Bean
  Reservations reservations(DSLContext db) {
    return new Reservations(db);
  }
}
