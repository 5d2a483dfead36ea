package org.cetak.setup.config;

import org.cetak.common.Transactions;
import org.cetak.office.OfficeDirectory;
import org.cetak.setup.FirstRun;
import org.cetak.setup.jooq.JooqOfficeSchedule;
import org.cetak.stock.PrinterRegistry;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Wires the first-run setup. */
@Configuration(proxyBeanMethods = false)
public class SetupConfiguration {

  @Bean
  FirstRun firstRun(
      OfficeDirectory offices,
      DSLContext db,
      PrinterRegistry printers,
      Transactions transactions,
      PasswordEncoder passwords) {
    return new FirstRun(
        offices, new JooqOfficeSchedule(db), printers, transactions, passwords::encode);
  }
}
