package org.cetak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cetak.notify.NoticeStatus;
import org.cetak.notify.NoticeStore;
import org.cetak.notify.UnclaimedCard;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.security.ConsoleSession;
import org.cetak.stock.Balance;
import org.cetak.stock.Ledger;
import org.cetak.support.CetakSpringTest;
import org.cetak.support.PrintedJobs;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a dashboard view costs the database, and the counts it reads as aggregates checked against
 * the rows they stand for (as the dashboard read them before), on the demo's database.
 */
@CetakSpringTest
class DashboardReadsHttpTest {

  @LocalServerPort int port;
  @Autowired DSLContext db;
  @Autowired OfficeDirectory offices;
  @Autowired NoticeStore notices;
  @Autowired Ledger ledger;
  @Autowired Clock clock;

  /**
   * The statements a dashboard view always sends for the operator with reprints awaiting approval,
   * whatever the office's printers and the number of approvals; the signed-in user, their office
   * and the offices they may pick were read by an earlier request and are kept (CachedDirectory).
   */
  private static final int EXPECTED = 16;

  /**
   * What a view reads only when the shared office's data asks for it: the masked NIK of the cards
   * being printed, the sums until the end of the day (blanks used in the last 14 days) and the
   * priority policy's rules and tiers (a policy that has them).
   */
  private static final List<String> DEPENDING_ON_DATA =
      List.of(
          "\"print_request\".\"nik\"",
          "\"part\".\"item\"",
          "from \"priority_rule\"",
          "from \"priority_tier\"");

  private Office office;

  @BeforeEach
  void demoOffice() {
    office = offices.officeByCode("32.71").orElseThrow();
  }

  @Test
  void a_dashboard_view_sends_the_same_statements_however_many_printers_the_office_has()
      throws Exception {
    ConsoleSession operator = ConsoleSession.signIn(port, "operator", "cetak-demo");
    operator.get("/");
    List<String> before = statements(operator);
    for (int i = 0; i < 3; i++) {
      db.execute(
          "insert into printer (office_id, code, name, created_at) values (?, ?, 'Uji', now())",
          office.id(),
          "PRN-D" + i + "-" + System.nanoTime() % 1_000_000);
    }
    List<String> after = statements(operator);

    // the signed-in user is read again whenever anything in this process changed the directory
    // since the view before (the other test checks it is kept otherwise): not a printer's read
    assertThat(withoutUserRead(after))
        .as("statements of one view: %s", after)
        .hasSameSizeAs(withoutUserRead(before));
  }

  private static List<String> withoutUserRead(List<String> statements) {
    return statements.stream().filter(q -> !q.contains("from \"app_user\"")).toList();
  }

  @Test
  void a_dashboard_view_sends_the_same_statements_however_many_reprints_await_approval()
      throws Exception {
    ConsoleSession operator = ConsoleSession.signIn(port, "operator", "cetak-demo");
    List<Long> proposed = new ArrayList<>();
    try {
      proposed.add(proposeReprint(true));
      operator.get("/");
      List<String> one = statements(operator);
      for (int i = 0; i < 4; i++) {
        proposed.add(proposeReprint(i % 2 == 1));
      }
      List<String> five = statements(operator);

      assertThat(five).as("statements of one view: %s", five).hasSameSizeAs(one);
      assertThat(five.stream().filter(q -> q.contains("reprint_first_card_proposal")))
          .as("the pending reprints' first cards")
          .hasSize(1);
      assertThat(operator.get("/").body())
          .as("each reprint's first card worded from the one read")
          .contains("PR-D-" + proposed.get(proposed.size() - 1));
      assertThat(five.stream().filter(q -> q.startsWith("select \"office\".\"time_zone\" from")))
          .as("the office's time zone")
          .hasSize(1);
      assertThat(five.stream().filter(q -> q.contains("from \"app_user\"")))
          .as("the signed-in user, kept from the view before")
          .isEmpty();
      assertThat(five.stream().filter(q -> DEPENDING_ON_DATA.stream().noneMatch(q::contains)))
          .as("statements of one view but those depending on the shared office's data: %s", five)
          .hasSize(EXPECTED);
    } finally {
      db.execute(
          "delete from reprint_first_card_proposal where approval_id = any(?)",
          (Object) proposed.toArray(Long[]::new));
      db.execute("delete from approval where id = any(?)", (Object) proposed.toArray(Long[]::new));
    }
  }

  /**
   * A reprint proposed in the demo office and not decided yet, with its first card lost (and a
   * police report numbered after the approval) or not entered; its approval's id.
   */
  private long proposeReprint(boolean lost) {
    long approval =
        db.fetchSingle(
                "insert into approval (office_id, kind, summary, payload, status, proposed_by,"
                    + " proposed_at) values (?, 'REPRINT', 'Cetak ulang', 'rusak', 'PROPOSED',"
                    + " 'operator', now()) returning id",
                office.id())
            .get(0, Long.class);
    if (lost) {
      db.execute(
          "insert into reprint_first_card_proposal (approval_id, outcome, police_report_no)"
              + " values (?, 'LOST', ?)",
          approval,
          "PR-D-" + approval);
    }
    return approval;
  }

  @Test
  void the_unclaimed_cards_counted_in_the_database_are_those_the_list_has() {
    for (int i = 0; i < 3; i++) {
      long request = 9_180_000_000L + System.nanoTime() % 1_000_000_000L;
      PrintedJobs.requestWithId(db, office.id(), request, String.format("3271%012d", request));
      PrintedJobs.insert(db, office.id(), request);
    }
    Instant now = clock.instant().plus(Duration.ofDays(3));
    for (Instant printedBefore : List.of(now, clock.instant().minus(Duration.ofDays(400)))) {
      List<UnclaimedCard> listed = notices.unclaimed(office.id(), printedBefore, now);
      NoticeStore.Unclaimed counted = notices.unclaimedCount(office.id(), printedBefore, now);
      assertThat(counted.cards()).isEqualTo(listed.size());
      assertThat(counted.oldestDays())
          .isEqualTo(listed.stream().mapToLong(UnclaimedCard::daysWaiting).max().orElse(0));
    }
    assertThat(notices.unclaimedCount(office.id(), now, now).cards()).isGreaterThanOrEqualTo(3);
    assertThat(notices.unclaimedCount(office.id(), now, now).oldestDays())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void the_failed_notices_counted_in_the_database_are_those_the_list_has_up_to_its_limit() {
    for (int i = 0; i < 3; i++) {
      long request = 9_190_000_000L + System.nanoTime() % 1_000_000_000L;
      PrintedJobs.requestWithId(db, office.id(), request, String.format("3271%012d", request));
      long job = PrintedJobs.insert(db, office.id(), request);
      db.execute(
          "insert into sms_outbox (office_id, request_id, print_job_id, phone, body, status,"
              + " attempts, created_at, kind) values (?, ?, ?, '+6281200000000', 'x', 'FAILED', 3,"
              + " now(), 'READY')",
          office.id(),
          request,
          job);
    }
    for (NoticeStatus status : NoticeStatus.values()) {
      for (int limit : List.of(1, 2, 1000)) {
        assertThat(notices.count(office.id(), status, limit))
            .as("%s up to %d", status, limit)
            .isEqualTo(notices.list(office.id(), Optional.of(status), limit).size());
      }
    }
    assertThat(notices.count(office.id(), NoticeStatus.FAILED, 1000)).isGreaterThanOrEqualTo(3);
    assertThat(notices.count(office.id(), NoticeStatus.FAILED, 2)).isEqualTo(2);
  }

  @Test
  void the_sums_until_an_instant_are_the_movements_before_it_summed() {
    List<Instant> times = new ArrayList<>();
    db.fetch("select occurred_at from stock_movement where office_id = ? order by id", office.id())
        .forEach(r -> times.add(r.get(0, java.time.OffsetDateTime.class).toInstant()));
    assertThat(times).as("the demo office's ledger").isNotEmpty();
    List<Instant> untils =
        new ArrayList<>(
            List.of(
                times.get(0),
                times.get(times.size() / 2),
                times.get(times.size() - 1),
                times.get(times.size() - 1).plusNanos(1000),
                clock.instant().plus(Duration.ofDays(1))));
    for (Instant until : untils) {
      assertThat(nonZero(ledger.sumsUntil(office.id(), until)))
          .as("until %s", until)
          .isEqualTo(summed(until));
    }
    assertThat(summed(clock.instant().plus(Duration.ofDays(1)))).isNotEmpty();
  }

  /** The old reading: every movement before {@code until} summed into each place it touched. */
  private Map<String, Long> summed(Instant until) {
    Map<String, Long> sums = new HashMap<>();
    for (Record r :
        db.fetch(
            "select item, location, printer_id, sum(quantity) from ("
                + " select item, to_location as location, to_printer_id as printer_id, quantity"
                + " from stock_movement where office_id = ? and occurred_at < cast(? as timestamptz)"
                + " union all select item, from_location, from_printer_id, -quantity"
                + " from stock_movement where office_id = ? and occurred_at < cast(? as timestamptz)) m"
                + " where location not in ('CENTRE', 'BORROWED', 'WITHDRAWN')"
                + " group by 1, 2, 3 having sum(quantity) <> 0",
            office.id(),
            until.toString(),
            office.id(),
            until.toString())) {
      sums.put(
          r.get(0) + ":" + r.get(1) + ":" + (r.get(2) == null ? "" : r.get(2)),
          r.get(3, Long.class));
    }
    return sums;
  }

  private static Map<String, Long> nonZero(List<Balance> balances) {
    Map<String, Long> sums = new HashMap<>();
    for (Balance b : balances) {
      if (b.quantity() != 0) {
        sums.put(
            b.item()
                + ":"
                + b.place().location()
                + ":"
                + b.place().printerId().map(String::valueOf).orElse(""),
            b.quantity());
      }
    }
    return sums;
  }

  /** The statements one dashboard view sends, as the request threads send them. */
  private List<String> statements(ConsoleSession session) throws Exception {
    List<String> sent = Collections.synchronizedList(new ArrayList<>());
    ExecuteListener listener =
        new ExecuteListener() {
          @Override
          public void executeStart(ExecuteContext ctx) {
            if (Thread.currentThread().getName().contains("http-nio")) {
              sent.add(ctx.sql());
            }
          }
        };
    ExecuteListenerProvider[] before = db.configuration().executeListenerProviders();
    ExecuteListenerProvider[] all = Arrays.copyOf(before, before.length + 1);
    all[before.length] = () -> listener;
    db.configuration().set(all);
    try {
      assertThat(session.get("/").statusCode()).isEqualTo(200);
    } finally {
      db.configuration().set(before);
    }
    return List.copyOf(sent);
  }
}
