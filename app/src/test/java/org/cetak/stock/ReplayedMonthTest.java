package org.cetak.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.sql.DataSource;
import org.cetak.approval.Approval;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.office.Office;
import org.cetak.office.Role;
import org.cetak.office.User;
import org.junit.jupiter.api.Test;

/**
 * November 2026 at Disdukcapil Kota Bogor, replayed: three drops, two printers loaded every
 * morning, hundreds of prints, spoils of every reason, outcome-unknown cards resolved, old cards
 * withdrawn, a loan to the kecamatan print point, a vault write-off and a destruction report. Every
 * day's report must close and equal the test's own count of blanks on hand.
 */
@DatabaseTest
class ReplayedMonthTest {

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

  @Test
  void every_daily_report_of_the_month_matches_the_ledger(DataSource dataSource) {
    StockFixture f = new StockFixture(dataSource);
    Office bogor = f.office("32.71", "Disdukcapil Kota Bogor");
    Office tengah = f.kecamatan("32.71.03", "Titik cetak Bogor Tengah", bogor.id());
    User blanko = f.user(bogor.id(), "blanko", Role.INVENTORY_MANAGER);
    User operator = f.user(bogor.id(), "operator", Role.OPERATOR);
    User loket = f.user(bogor.id(), "loket", Role.COUNTER_OFFICER);
    User kabid = f.user(bogor.id(), "kabid", Role.SUPERVISOR);
    f.clock.set(LocalDate.of(2026, 11, 1).atTime(7, 0).atZone(WIB).toInstant());
    List<Printer> printers =
        List.of(
            f.registry.register(bogor.id(), "PRN-1", "Printer 1", "HDP5000", blanko),
            f.registry.register(bogor.id(), "PRN-2", "Printer 2", "HDP5000", blanko));
    Random random = new Random(2026_11);
    SpoilReason[] reasons = {
      SpoilReason.PRINT_FAIL,
      SpoilReason.ENCODE_FAIL,
      SpoilReason.FACTORY_DEFECT,
      SpoilReason.DATA_CHANGED
    };
    long onHand = 0;
    long job = 0;
    long request = f.request(bogor.id());
    long previousClosing = 0;
    long totalPrinted = 0;
    long totalSpoiled = 0;
    List<String> table = new ArrayList<>();
    List<String> spoiledUids = new ArrayList<>();
    System.out.println(
        "day        opening received borrowed printed spoiled destroyed lent closing vault feeders"
            + " usable daysLeft");
    for (int d = 1; d <= 30; d++) {
      LocalDate day = LocalDate.of(2026, 11, d);
      f.clock.set(day.atTime(7, 30).atZone(WIB).toInstant());
      if (d == 2 || d == 11 || d == 23) {
        int qty = d == 2 ? 2000 : d == 11 ? 1500 : 1000;
        String prefix = String.format("KTP2611%02d", d);
        f.receipts.receive(
            bogor.id(),
            new DropRequest(
                "BA/2026/11/" + d,
                day,
                qty,
                List.of(SerialRange.parse(prefix + "00001", prefix + String.format("%05d", qty)))),
            blanko);
        onHand += qty;
      }
      boolean workday = day.getDayOfWeek().getValue() <= 5;
      if (workday) {
        for (Printer p : printers) {
          int feeder = f.printRoom.feeder(p.id());
          long vault = f.ledger.balance(bogor.id(), Item.BLANK, Place.of(Location.VAULT));
          int load = (int) Math.min(100 - feeder, vault);
          if (load > 0) {
            f.feeders.load(bogor.id(), p.code(), load, operator);
          }
        }
        for (Printer p : printers) {
          int cards = 20 + random.nextInt(25);
          for (int c = 0; c < cards && f.printRoom.feeder(p.id()) > 0; c++) {
            f.clock.advance(Duration.ofMinutes(5));
            long thisJob = ++job;
            request = f.request(bogor.id());
            long thisRequest = request;
            String uid = String.format("04%012X", thisJob);
            int roll = random.nextInt(100);
            f.transactions.run(() -> f.printRoom.picked(p.id(), 1, thisJob));
            if (roll < 4) {
              SpoilReason reason = reasons[random.nextInt(reasons.length)];
              f.printRoom.spoiledInside(
                  p.id(), 1, reason, Optional.of(uid), Optional.of(thisRequest), thisJob, "");
              spoiledUids.add(uid);
              onHand--;
              totalSpoiled++;
            } else if (roll < 6) {
              f.printRoom.toUnknown(p.id(), false, thisJob);
              if (roll == 4) {
                f.printRoom.unknownPrinted(p.id(), Optional.of(uid), thisRequest, thisJob);
                onHand--;
                totalPrinted++;
              } else {
                f.printRoom.backFromUnknown(p.id(), true, thisJob);
              }
            } else {
              f.printRoom.printed(p.id(), uid, thisRequest, thisJob);
              onHand--;
              totalPrinted++;
            }
          }
        }
        f.spoils.spoiled(
            bogor.id(),
            new SpoilRequest(
                "PRN-" + (1 + random.nextInt(2)),
                false,
                1,
                SpoilReason.FACTORY_DEFECT,
                Optional.empty(),
                Optional.empty(),
                "bent in feeder"),
            operator);
        onHand--;
        totalSpoiled++;
        if (d % 3 == 0) {
          f.spoils.withdrawnOldCard(
              bogor.id(),
              request,
              Optional.of(String.format("0A%06X", d)),
              Optional.empty(),
              "",
              loket);
        }
      }
      if (d == 16) {
        f.lending.lend(
            bogor.id(),
            new LoanRequest(Optional.of(tengah.id()), "", "PINJAM/2026/11/01", 200),
            blanko);
        onHand -= 200;
      }
      if (d == 18) {
        Approval writeOff =
            f.writeOffs.propose(
                bogor.id(),
                Place.of(Location.VAULT),
                2,
                SpoilReason.DAMAGED_IN_STORAGE,
                "roof leak",
                blanko);
        f.approvals.approve(writeOff.id(), kabid, "checked");
        onHand -= 2;
        totalSpoiled += 2;
      }
      if (d == 27) {
        List<DestructionLine> lines = new ArrayList<>();
        spoiledUids.forEach(uid -> lines.add(DestructionLine.chip(Item.BLANK, uid)));
        f.ledger.between(bogor.id(), java.time.Instant.EPOCH, f.clock.instant()).stream()
            .filter(m -> m.movement().to().location() == Location.SPOILED)
            .filter(m -> m.movement().detail().chipUid().isEmpty())
            .forEach(
                m -> {
                  for (int i = 0; i < m.movement().quantity(); i++) {
                    lines.add(DestructionLine.spoil(m.movement().item(), m.id()));
                  }
                });
        f.ledger.between(bogor.id(), java.time.Instant.EPOCH, f.clock.instant()).stream()
            .filter(m -> m.movement().item() == Item.OLD_CARD)
            .forEach(
                m ->
                    lines.add(
                        DestructionLine.chip(
                            Item.OLD_CARD, m.movement().detail().chipUid().get())));
        DestructionReport report =
            f.destructions.propose(
                bogor.id(),
                new DestructionProposal(
                    day, "Halaman belakang kantor", List.of("Saksi Satu", "Saksi Dua"), lines),
                blanko);
        f.approvals.approve(report.approvalId().orElseThrow(), kabid, "");
        byte[] pdf = f.documents().destruction(bogor, f.reports.byId(report.id()).orElseThrow());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
            .isEqualTo("%PDF-");
        System.out.printf(
            "destruction report %s: %d blanks, %d old cards%n",
            report.number(), report.count(Item.BLANK), report.count(Item.OLD_CARD));
      }

      DailyStockReport r = f.daily.report(bogor.id(), day);
      assertThat(r.closes()).as("day %s closes", day).isTrue();
      assertThat(r.opening()).as("day %s opening", day).isEqualTo(previousClosing);
      assertThat(r.closing()).as("day %s closing vs own count", day).isEqualTo(onHand);
      assertThat(f.documents().daily(bogor, r)).isNotEmpty();
      assertThat(f.daily.daysOfStockLeft(bogor.id(), day))
          .as("day %s: the dashboard's days of stock left are the report's", day)
          .isEqualTo(r.daysOfStockLeft());
      previousClosing = r.closing();
      String line =
          String.format(
              "%s %7d %8d %8d %7d %7d %9d %4d %7d %5d %7d %6d %8s",
              day,
              r.opening(),
              r.received(),
              r.borrowed(),
              r.printed(),
              r.spoiled(),
              r.destroyed(),
              r.lent(),
              r.closing(),
              r.closingVault(),
              r.closingFeeders(),
              r.usable(),
              r.daysOfStockLeft().isPresent()
                  ? String.format("%.1f", r.daysOfStockLeft().getAsDouble())
                  : "-");
      table.add(line);
      System.out.println(line);
    }
    Reconciliation rec = f.levels.reconciliation(bogor.id());
    assertThat(rec.closes()).isTrue();
    assertThat(rec.vault() + rec.feeders() + rec.insidePrinters() + rec.unknown())
        .isEqualTo(onHand);
    assertThat(rec.printed()).isEqualTo(totalPrinted);
    assertThat(rec.spoiled() + rec.destroyed()).isEqualTo(totalSpoiled);
    assertThat(f.levels.reconciliation(tengah.id()).closes()).isTrue();
    assertThat(f.check.run().differences()).isEmpty();
    assertThat(table).hasSize(30);
    System.out.printf(
        "month: received %d, borrowed %d, printed %d, spoiled %d (awaiting %d, destroyed %d), lent"
            + " %d, on hand %d (vault %d, feeders %d), old cards %d withdrawn / %d destroyed%n",
        rec.received(),
        rec.borrowed(),
        rec.printed(),
        rec.spoiled() + rec.destroyed(),
        rec.spoiled(),
        rec.destroyed(),
        rec.lent(),
        onHand,
        rec.vault(),
        rec.feeders(),
        rec.oldCardsWithdrawn(),
        rec.oldCardsDestroyed());
  }
}
