package org.cetak.platform.observe;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The print room's figures for Prometheus ({@code /actuator/prometheus}): cards printed, spoiled by
 * reason, requests by status, reserved blanks by tier, blanks by location, printers by mode, outbox
 * backlogs, the last allocation run's time and each printer's card time over the last hour. Read
 * from the database every 15 s (every node sees the whole installation), so scrapes cost nothing.
 */
public final class PrintRoomMetrics implements MeterBinder, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PrintRoomMetrics.class);

  private final DSLContext db;
  private final ScheduledExecutorService refresher =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "metrics-refresh");
            t.setDaemon(true);
            return t;
          });
  private final AtomicLong printed = new AtomicLong();
  private final AtomicLong allocationMillis = new AtomicLong();
  private final List<Family> families = new ArrayList<>();

  /** A gauge per row of a query {@code select <tag>, <value>}. */
  private record Family(MultiGauge gauge, String tag, String sql) {}

  public PrintRoomMetrics(DSLContext db) {
    this.db = db;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder("cetak.cards.printed", printed, AtomicLong::get)
        .description("Cards printed and come out in the output hopper")
        .register(registry);
    Gauge.builder("cetak.allocation.run.duration", allocationMillis, a -> a.get() / 1000.0)
        .description("Duration of the last allocation run")
        .baseUnit("seconds")
        .register(registry);
    family(
        registry,
        "cetak.cards.spoiled",
        "reason",
        "select coalesce(reject_cause, 'UNKNOWN'), count(*) from print_job"
            + " where stage = 'SPOILED' group by 1");
    family(
        registry,
        "cetak.requests",
        "status",
        "select status, count(*) from print_request group by 1");
    family(
        registry,
        "cetak.queue.reserved",
        "tier",
        "select tier::text, count(*) from reservation r join print_request q on q.id = r.request_id"
            + " where q.status = 'RESERVED' group by 1");
    family(
        registry,
        "cetak.stock.blanks",
        "location",
        "select location, sum(quantity) from stock_balance where item = 'BLANK' group by 1");
    family(registry, "cetak.printers", "mode", "select mode, count(*) from printer group by 1");
    family(
        registry,
        "cetak.outbox.backlog",
        "outbox",
        "select 'sms', count(*) from sms_outbox where status = 'PENDING'"
            + " union all select 'status', count(*) from status_outbox where status = 'PENDING'");
    family(
        registry,
        "cetak.printer.card.seconds",
        "printer",
        "select p.code, avg(extract(epoch from j.finished_at - j.created_at)) from print_job j"
            + " join printer p on p.id = j.printer_id where j.stage = 'PRINTED'"
            + " and j.finished_at > now() - interval '1 hour' group by 1");
    var unused = refresher.scheduleWithFixedDelay(this::refresh, 0, 15, TimeUnit.SECONDS);
  }

  private void family(MeterRegistry registry, String name, String tag, String sql) {
    families.add(new Family(MultiGauge.builder(name).register(registry), tag, sql));
  }

  private void refresh() {
    try {
      printed.set(
          db.fetchSingle("select count(*) from print_job where stage = 'PRINTED'")
              .get(0, Long.class));
      Number last =
          db.fetchSingle(
                  "select (select extract(epoch from finished_at - started_at) * 1000"
                      + " from allocation_run where finished_at is not null"
                      + " order by id desc limit 1)")
              .get(0, Double.class);
      allocationMillis.set(last == null ? 0 : last.longValue());
      for (Family f : families) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Record r : db.fetch(f.sql())) {
          Number value = (Number) r.get(1);
          rows.add(
              MultiGauge.Row.of(
                  Tags.of(f.tag(), String.valueOf(r.get(0))), value == null ? 0 : value));
        }
        f.gauge().register(rows, true);
      }
    } catch (RuntimeException e) {
      log.debug("Metrics not refreshed", e);
    }
  }

  @Override
  public void close() {
    refresher.shutdownNow();
  }
}
