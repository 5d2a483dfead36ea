package org.cetak.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.cetak.common.OfficeZones;
import org.cetak.common.Transactions;
import org.cetak.office.Access;
import org.cetak.office.Accounts;
import org.cetak.office.Audit;
import org.cetak.office.CachedDirectory;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.Tokens;
import org.cetak.office.jooq.JooqAudit;
import org.cetak.office.jooq.JooqOfficeDirectory;
import org.cetak.office.jooq.JooqOfficeZones;
import org.cetak.office.jooq.JooqTokenStore;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the framework-free core: clock, transactions, offices and the audit trail. */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

  /** Offices work in WIB; tests replace this clock with one they move by hand. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.system(ZoneId.of("Asia/Jakarta"));
  }

  @Bean
  Transactions transactions(PlatformTransactionManager transactionManager) {
    TransactionTemplate template = new TransactionTemplate(transactionManager);
    return new Transactions() {
      @Override
      public <T> T inTransaction(java.util.function.Supplier<T> work) {
        return template.execute(status -> work.get());
      }

      @Override
      public void whenEnded(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
          action.run();
          return;
        }
        TransactionSynchronizationManager.registerSynchronization(
            new TransactionSynchronization() {
              @Override
              public void afterCompletion(int status) {
                action.run();
              }
            });
      }
    };
  }

  /**
   * Users and offices kept for {@code cetak.security.directory-age} between reads: a change made in
   * this process is seen at the next request, one made by another node within that age.
   */
  @Bean
  OfficeDirectory officeDirectory(
      DSLContext db,
      Clock clock,
      Transactions transactions,
      @Value("${cetak.security.directory-age:PT5S}") Duration maxAge) {
    return new CachedDirectory(
        new JooqOfficeDirectory(db, clock), transactions, maxAge, System::nanoTime);
  }

  @Bean
  OfficeZones officeZones(DSLContext db) {
    return new JooqOfficeZones(db);
  }

  @Bean
  Audit audit(DSLContext db, Clock clock) {
    return new JooqAudit(db, clock);
  }

  @Bean
  Access access(OfficeDirectory offices) {
    return new Access(offices);
  }

  @Bean
  Accounts accounts(
      OfficeDirectory offices,
      Access access,
      Audit audit,
      Transactions transactions,
      PasswordEncoder passwords,
      Clock clock) {
    return new Accounts(offices, access, audit, transactions, passwords::encode, clock);
  }

  @Bean
  Tokens tokens(DSLContext db, Access access, Audit audit, Transactions transactions, Clock clock) {
    return new Tokens(new JooqTokenStore(db), access, audit, transactions, clock);
  }
}
