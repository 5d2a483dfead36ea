package org.cetak.request.config;

import java.time.Clock;
import org.cetak.common.Transactions;
import org.cetak.request.jooq.JooqRequestLifecycle;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the one writer of the print requests' life. */
@Configuration(proxyBeanMethods = false)
public class RequestConfiguration {

  @Bean
  JooqRequestLifecycle requestLifecycle(DSLContext db, Transactions transactions, Clock clock) {
    return new JooqRequestLifecycle(db, transactions, clock);
  }
}
