package org.cetak.stock.config;

import java.time.Clock;
import org.cetak.approval.ApprovalHandler;
import org.cetak.approval.Approvals;
import org.cetak.common.OfficeZones;
import org.cetak.common.Transactions;
import org.cetak.office.Access;
import org.cetak.office.Audit;
import org.cetak.printing.PrinterRegister;
import org.cetak.printing.jooq.JooqPrinterRegister;
import org.cetak.stock.DailyReports;
import org.cetak.stock.DestructionApproval;
import org.cetak.stock.DestructionReports;
import org.cetak.stock.Destructions;
import org.cetak.stock.DropListener;
import org.cetak.stock.DropReceipts;
import org.cetak.stock.DropReversalApproval;
import org.cetak.stock.DropReversals;
import org.cetak.stock.Drops;
import org.cetak.stock.FeederCapacity;
import org.cetak.stock.FeederStock;
import org.cetak.stock.Ledger;
import org.cetak.stock.LedgerCheck;
import org.cetak.stock.Lending;
import org.cetak.stock.Loans;
import org.cetak.stock.LossApproval;
import org.cetak.stock.LossReports;
import org.cetak.stock.Losses;
import org.cetak.stock.PrinterRegistry;
import org.cetak.stock.Printers;
import org.cetak.stock.ReservationCeiling;
import org.cetak.stock.ReservedBlanks;
import org.cetak.stock.SpoilRecords;
import org.cetak.stock.StockLevels;
import org.cetak.stock.WriteOffApproval;
import org.cetak.stock.WriteOffs;
import org.cetak.stock.jooq.JooqDestructionReports;
import org.cetak.stock.jooq.JooqDrops;
import org.cetak.stock.jooq.JooqLedger;
import org.cetak.stock.jooq.JooqLoans;
import org.cetak.stock.jooq.JooqLossReports;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the stock ledger. Reservations come from the one {@link ReservedBlanks} bean when there is
 * one (allocation provides it); with none, nothing is reserved. Every {@link DropListener} bean is
 * told of each drop. Both are looked up when used, so they may depend on the stock beans.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StockProperties.class)
public class StockConfiguration {

  private static final ReservedBlanks NOTHING_RESERVED = officeId -> 0;

  @Bean
  Ledger ledger(DSLContext db, Clock clock, ReservationCeiling ceiling) {
    return new JooqLedger(db, clock, ceiling);
  }

  /**
   * The printers are written by the print room's register; the ledger sees them as {@link
   * Printers}.
   */
  @Bean
  PrinterRegister printers(DSLContext db, Clock clock) {
    return new JooqPrinterRegister(db, clock);
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
  ApprovalHandler dropReversalApproval(Ledger ledger, Drops drops) {
    return new DropReversalApproval(ledger, drops);
  }

  @Bean
  DropReversals dropReversals(
      Ledger ledger,
      Drops drops,
      Approvals approvals,
      Access access,
      Audit audit,
      Transactions transactions) {
    return new DropReversals(ledger, drops, approvals, access, audit, transactions);
  }

  @Bean
  LossReports lossReports(DSLContext db, Clock clock) {
    return new JooqLossReports(db, clock);
  }

  @Bean
  ApprovalHandler lossApproval(Ledger ledger, LossReports reports) {
    return new LossApproval(ledger, reports);
  }

  @Bean
  Losses losses(
      Ledger ledger,
      LossReports reports,
      PrinterRegistry printers,
      Approvals approvals,
      Access access,
      Audit audit,
      Transactions transactions,
      OfficeZones zones,
      Clock clock) {
    return new Losses(
        ledger, reports, printers, approvals, access, audit, transactions, zones, clock);
  }

  @Bean
  ApprovalHandler destructionApproval(Ledger ledger, DestructionReports reports) {
    return new DestructionApproval(ledger, reports);
  }

  @Bean
  PrinterRegistry printerRegistry(
      Printers printers, Access access, Audit audit, Transactions transactions) {
    return new PrinterRegistry(printers, access, audit, transactions);
  }

  @Bean
  DropReceipts dropReceipts(
      Ledger ledger,
      Drops drops,
      Access access,
      Audit audit,
      Transactions transactions,
      ObjectProvider<DropListener> dropListeners,
      StockProperties properties,
      OfficeZones zones,
      Clock clock) {
    return new DropReceipts(
        ledger,
        drops,
        access,
        audit,
        transactions,
        () -> dropListeners.orderedStream().toList(),
        properties.dropLimits(),
        zones,
        clock);
  }

  @Bean
  FeederStock feederStock(
      Ledger ledger,
      PrinterRegistry printers,
      Access access,
      Transactions transactions,
      StockProperties properties,
      ObjectProvider<FeederCapacity.Declared> declared) {
    return new FeederStock(
        ledger,
        printers,
        FeederCapacity.declaredElse(
            () -> declared.orderedStream().toList(), properties.feederCapacities()),
        access,
        transactions);
  }

  @Bean
  SpoilRecords spoilRecords(
      Ledger ledger, PrinterRegistry printers, Access access, Transactions transactions) {
    return new SpoilRecords(ledger, printers, access, transactions);
  }

  @Bean
  Lending lending(
      Ledger ledger, Loans loans, Access access, Audit audit, Transactions transactions) {
    return new Lending(ledger, loans, access, audit, transactions);
  }

  @Bean
  WriteOffs writeOffs(Ledger ledger, PrinterRegistry printers, Approvals approvals, Access access) {
    return new WriteOffs(ledger, printers, approvals, access);
  }

  @Bean
  Destructions destructions(
      DestructionReports reports,
      Approvals approvals,
      Access access,
      Transactions transactions,
      OfficeZones zones,
      Clock clock) {
    return new Destructions(reports, approvals, access, transactions, zones, clock);
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
  DailyReports dailyReports(Ledger ledger, StockLevels levels, Access access, OfficeZones zones) {
    return new DailyReports(ledger, levels, access, zones);
  }
}
