package org.cetak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.cetak.allocation.AllocationService;
import org.cetak.allocation.QueueHistory;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.stock.StockLevels;
import org.cetak.support.CetakSpringTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The live stream and the chart endpoints over HTTP, checked against the ledger and the queue: what
 * each role is sent, and that every chart says what the database holds.
 */
@CetakSpringTest
class LiveAndChartsHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired DSLContext db;
  @Autowired OfficeDirectory offices;
  @Autowired StockLevels levels;
  @Autowired AllocationService allocation;
  @Autowired QueueHistory queue;
  @Autowired Dashboard dashboard;
  @Autowired Clock clock;

  private final HttpClient http = HttpClient.newHttpClient();
  private Office office;
  private ZoneId zone;

  @BeforeEach
  void demoOffice() {
    office = offices.officeByCode("32.71").orElseThrow();
    zone = dashboard.zone(office);
  }

  @Test
  void the_live_stream_sends_each_role_only_what_it_may_see() throws Exception {
    HttpResponse<String> stream = get("/live?office=32.71", "kabid");
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    JsonNode supervisor = firstState(stream.body());
    assertThat(supervisor.at("/values/stock.usable").asString())
        .isEqualTo(indonesian(levels.usable(office.id())));
    assertThat(supervisor.at("/values/approvals.pending").isMissingNode()).isFalse();
    assertThat(supervisor.at("/values/queue.waiting").isMissingNode()).isFalse();

    JsonNode counter = firstState(get("/live?office=32.71", "loket").body());
    assertThat(counter.at("/values/stock.usable").isMissingNode()).isTrue();
    assertThat(counter.at("/values/approvals.pending").isMissingNode()).isTrue();
    assertThat(counter.at("/values/unclaimed.cards").isMissingNode()).isFalse();
    assertThat(counter.at("/values/queue.waiting").asString())
        .isEqualTo(
            indonesian(
                allocation.queueByTier(office.id()).stream().mapToLong(t -> t.waiting()).sum()));
    for (JsonNode alert : counter.get("alerts")) {
      assertThat(alert.get("kind").asString())
          .isIn("QUARANTINED", "UNKNOWN_CARD", "LOW_RIBBON", "SMS_FAILED", "CENTRE_DOWN");
    }
  }

  @Test
  void the_burn_down_ends_today_at_the_blanks_in_the_vault_and_feeders_and_forecasts_from_there()
      throws Exception {
    JsonNode chart = json("/api/offices/32.71/charts/burn-down?days=5&ahead=3", "blanko");
    assertThat(chart.get("labels")).hasSize(8);
    List<JsonNode> series = list(chart.get("series"));
    assertThat(series)
        .extracting(s -> s.get("key").asString())
        .containsExactly("available", "forecast", "threshold");
    long available =
        fetchLong(
            "select coalesce(sum(quantity), 0) from stock_balance where office_id = ? and item ="
                + " 'BLANK' and location in ('VAULT', 'FEEDER')",
            office.id());
    assertThat(series.get(0).get("values").get(4).asLong()).isEqualTo(available);
    assertThat(series.get(0).get("values").get(5).isNull()).isTrue();
    assertThat(series.get(1).get("values").get(4).asLong()).isEqualTo(available);
    assertThat(series.get(1).get("values").get(0).isNull()).isTrue();
    assertThat(series.get(2).get("values").get(7).asLong()).isEqualTo(levels.reorderThreshold());
    assertThat(chart.get("title").asString()).isEqualTo("Stok blanko dan perkiraannya");
  }

  @Test
  void prints_per_day_and_spoilage_add_up_to_the_ledger() throws Exception {
    JsonNode prints = json("/api/offices/32.71/charts/prints-per-day?days=3", "loket");
    assertThat(prints.get("labels")).hasSize(3);
    long today = 0;
    for (JsonNode s : prints.get("series")) {
      today += s.get("values").get(2).asLong();
    }
    String start =
        LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toOffsetDateTime().toString();
    assertThat(today)
        .isEqualTo(
            fetchLong(
                "select coalesce(sum(quantity), 0) from stock_movement where office_id = ? and"
                    + " item = 'BLANK' and to_location = 'PRINTED' and from_printer_id is not null"
                    + " and occurred_at >= cast(? as timestamptz)",
                office.id(),
                start));

    JsonNode spoilage = json("/api/offices/32.71/charts/spoilage?days=30", "operator");
    long spoiled = 0;
    for (JsonNode v : spoilage.get("series").get(0).get("values")) {
      spoiled += v.asLong();
    }
    String from =
        LocalDate.now(clock.withZone(zone))
            .minusDays(29)
            .atStartOfDay(zone)
            .toOffsetDateTime()
            .toString();
    assertThat(spoiled)
        .isEqualTo(
            fetchLong(
                "select coalesce(sum(quantity), 0) from stock_movement where office_id = ? and"
                    + " item = 'BLANK' and to_location = 'SPOILED' and occurred_at >= cast(? as"
                    + " timestamptz)",
                office.id(),
                from));
  }

  @Test
  void the_queue_chart_shows_the_counts_kept_by_the_hourly_job() throws Exception {
    queue.take(office.id(), clock.instant());
    JsonNode chart = json("/api/offices/32.71/charts/queue-by-tier?days=1", "kabid");
    int last = chart.get("labels").size() - 1;
    assertThat(last).isGreaterThanOrEqualTo(0);
    List<Long> shown = new ArrayList<>();
    for (JsonNode s : chart.get("series")) {
      JsonNode v = s.get("values").get(last);
      if (!v.isNull()) {
        shown.add(v.asLong());
      }
    }
    assertThat(shown)
        .containsExactlyElementsOf(
            allocation.queueByTier(office.id()).stream()
                .map(t -> t.waiting() + t.holding())
                .toList());
    assertThat(get("/api/offices/32.71/charts/queue-by-tier", "blanko").statusCode())
        .isEqualTo(403);
  }

  private static JsonNode firstState(String body) throws IOException {
    int event = body.indexOf("event:state");
    assertThat(event).as("a state event in %s", body).isNotNegative();
    int data = body.indexOf("data:", event);
    int end = body.indexOf('\n', data);
    return JSON.readTree(body.substring(data + "data:".length(), end));
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private JsonNode json(String path, String user) throws Exception {
    HttpResponse<String> response = get(path, user);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> get(String path, String user)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":cetak-demo").getBytes(StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private long fetchLong(String sql, Object... bindings) {
    return ((Number) db.fetchValue(sql, bindings)).longValue();
  }

  private static String indonesian(long number) {
    return String.format(Locale.forLanguageTag("id"), "%,d", number);
  }
}
