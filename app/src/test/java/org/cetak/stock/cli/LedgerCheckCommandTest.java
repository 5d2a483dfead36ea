package org.cetak.stock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.cetak.cli.CommandRun;
import org.cetak.db.testing.DatabaseTest;
import org.cetak.office.OfficeKind;
import org.cetak.office.jooq.JooqOfficeDirectory;
import org.cetak.stock.LedgerCheck;
import org.cetak.stock.StockLevels;
import org.cetak.stock.jooq.JooqLedger;
import org.cetak.support.BoundConnections;
import org.cetak.support.MutableClock;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * {@code ./cetak ledger-check} words its reconciliation as the stock page does, in both languages.
 */
@DatabaseTest
class LedgerCheckCommandTest {

  private final LedgerCheckCommand command;

  LedgerCheckCommandTest(DataSource dataSource) {
    DSLContext db = DSL.using(new BoundConnections(dataSource), SQLDialect.POSTGRES);
    MutableClock clock = new MutableClock(Instant.parse("2026-11-02T01:00:00Z"));
    JooqOfficeDirectory offices = new JooqOfficeDirectory(db, clock);
    if (offices.officeByCode("32.71").isEmpty()) {
      offices.addOffice(
          "32.71", "Disdukcapil Kota Bogor", OfficeKind.KABUPATEN_KOTA, Optional.empty(), "");
    }
    JooqLedger ledger = new JooqLedger(db, clock);
    command =
        new LedgerCheckCommand(
            new LedgerCheck(ledger),
            new StockLevels(ledger, office -> 0, 1000),
            offices,
            CommandRun.text());
  }

  @Test
  void an_honest_ledger_is_reported_by_the_stock_pages_labels_in_both_languages() {
    CommandRun run = CommandRun.of(command);

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("Tempat diperiksa / Places checked: ")
        .contains(
            "Kantor / Office 32.71: Rekonsiliasi blanko / Blank reconciliation",
            "  Jumlah masuk / Total in: 0",
            "  Jumlah tercatat / Total accounted for: 0 — Seimbang / Balances",
            "  KTP-el lama (dihitung terpisah): ditarik 0 = menunggu pemusnahan 0 + dimusnahkan 0"
                + " / Old e-KTP cards (counted apart): withdrawn 0 = awaiting destruction 0 +"
                + " destroyed 0 — Seimbang / Balances")
        .endsWith("Buku besar sesuai / The ledger is right" + System.lineSeparator())
        .doesNotContain("ledger OK", "places checked");
  }
}
