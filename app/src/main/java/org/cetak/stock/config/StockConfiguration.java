package org.cetak.stock.config;

import java.time.Clock;
import org.cetak.approval.ApprovalHandler;
import org.cetak.approval.Approvals;
import org.cetak.common.Transactions;
import org.cetak.office.Access;
import org.cetak.office.Audit;
import org.cetak.stock.DailyReports;
import org.cetak.stock.DestructionApproval;
import org.cetak.stock.DestructionReports;
import org.cetak.stock.DropListener;
import org.cetak.stock.Drops;
import org.cetak.stock.Ledger;
import org.cetak.stock.LedgerCheck;
import org.cetak.stock.Loans;
import org.cetak.stock.PrintRoomMovements;
import org.cetak.stock.Printers;
import org.cetak.stock.ReservedBlanks;
import org.cetak.stock.StockLevels;
import org.cetak.stock.StockService;
import org.cetak.stock.WriteOffApproval;
import org.cetak.stock.jooq.JooqDestructionReports;
import org.cetak.stock.jooq.JooqDrops;
import org.cetak.stock.jooq.JooqLedger;
import org.cetak.stock.jooq.JooqLoans;
import org.cetak.stock.jooq.JooqPrinters;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the stock ledger. Reservations come from the one {@link ReservedBlanks} bean when there is
 * one (allocation provides it); with none, nothing is reserved. Every {@link DropListener} bean is
 * told of each drop. Both are looked up when used, so they may depend on the stock beans.
 */
@Configuration(proxyBeanMethods = false)
public class StockConfiguration {

  private static final ReservedBlanks NOTHING_RESERVED = officeId -> 0;

  @Bean
  Ledger ledger(DSLContext db, Clock clock) {
    return new JooqLedger(db, clock);
  }

  @Bean
  Printers printers(DSLContext db, Clock clock) {
    return new JooqPrinters(db, clock);
  }

  @Bean
  Drops drops(DSLContext db, Clock clock) {
    return new JooqDrops(db, clock);
  }

  @Bean
  Loans loans(DSLContext db, Clock clock) {
    return new JooqLoans(db, clock);
  }

  @Bean
  DestructionReports destructionReports(DSLContext db, Clock clock) {
    return new JooqDestructionReports(db, clock);
  }

  @Bean
  ApprovalHandler writeOffApproval(Ledger ledger) {
    return new WriteOffApproval(ledger);
  }

  @Bean
  ApprovalHandler destructionApproval(Ledger ledger, DestructionReports reports) {
    return new DestructionApproval(ledger, reports);
  }

  @Bean
  StockService stockService(
      Ledger ledger,
      Printers printers,
      Drops drops,
      Loans loans,
      DestructionReports reports,
      Approvals approvals,
      Access access,
      Audit audit,
      Transactions transactions,
      ObjectProvider<DropListener> dropListeners) {
    return new StockService(
        ledger,
        printers,
        drops,
        loans,
        reports,
        approvals,
        access,
        audit,
        transactions,
        () -> dropListeners.orderedStream().toList());
  }

  @Bean
  PrintRoomMovements printRoomMovements(
      Ledger ledger, Printers printers, Transactions transactions) {
    return new PrintRoomMovements(ledger, printers, transactions);
  }

  @Bean
  StockLevels stockLevels(
      Ledger ledger,
      ObjectProvider<ReservedBlanks> reserved,
      @Value("${cetak.stock.reorder-threshold:1000}") long reorderThreshold) {
    return new StockLevels(
        ledger,
        officeId -> reserved.getIfAvailable(() -> NOTHING_RESERVED).reserved(officeId),
        reorderThreshold);
  }

  @Bean
  LedgerCheck ledgerCheck(Ledger ledger) {
    return new LedgerCheck(ledger);
  }

  @Bean
  DailyReports dailyReports(Ledger ledger, StockLevels levels, Access access) {
    return new DailyReports(ledger, levels, access);
  }
}
