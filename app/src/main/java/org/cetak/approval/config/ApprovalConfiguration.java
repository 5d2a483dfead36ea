package org.cetak.approval.config;

import java.time.Clock;
import org.cetak.approval.ApprovalHandler;
import org.cetak.approval.ApprovalStore;
import org.cetak.approval.Approvals;
import org.cetak.approval.jooq.JooqApprovalStore;
import org.cetak.common.Transactions;
import org.cetak.office.Access;
import org.cetak.office.Audit;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires two-person approvals. Every {@link ApprovalHandler} bean handles its kind; handlers must
 * not depend on {@link Approvals} themselves.
 */
@Configuration(proxyBeanMethods = false)
public class ApprovalConfiguration {

  @Bean
  ApprovalStore approvalStore(DSLContext db, Clock clock) {
    return new JooqApprovalStore(db, clock);
  }

  @Bean
  Approvals approvals(
      ApprovalStore store,
      ObjectProvider<ApprovalHandler> handlers,
      Transactions transactions,
      Audit audit,
      Access access) {
    return new Approvals(
        store, handlers.orderedStream().toList(), transactions, audit, access::covers);
  }
}
