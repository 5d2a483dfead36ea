package org.cetak.request.config;

import java.time.Clock;
import org.cetak.common.Transactions;
import org.cetak.request.RequestLifecycle;
import org.cetak.request.jooq.ImportedRequests;
import org.cetak.request.jooq.JooqRequestLifecycle;
import org.cetak.request.jooq.JooqReservationCeiling;
import org.cetak.request.jooq.Reservations;
import org.cetak.stock.ReservationCeiling;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the one owner of the print requests' life: its port and its writers in PostgreSQL. */
@Configuration(proxyBeanMethods = false)
public class RequestConfiguration {

  @Bean
  RequestLifecycle requestLifecycle(
      DSLContext db, Transactions transactions, Clock clock, ReservationCeiling ceiling) {
    return new JooqRequestLifecycle(db, transactions, clock, ceiling);
  }

  /** Reservations never outnumber the blanks left: the ledger and the queue tell it. */
  @Bean
  JooqReservationCeiling reservationCeiling(DSLContext db, Clock clock) {
    return new JooqReservationCeiling(db, clock);
  }

  @Bean
  ImportedRequests importedRequests(DSLContext db) {
    return new ImportedRequests(db);
  }

  @Bean
  Reservations reservations(DSLContext db, ReservationCeiling ceiling) {
    return new Reservations(db, ceiling);
  }
}
