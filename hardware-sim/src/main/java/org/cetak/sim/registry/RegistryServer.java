package org.cetak.sim.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.cetak.sim.time.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simulated SIAK (the centre's population registry) serving print-ready records (PRR) of
 * synthetic residents and accepting printed-status pushes, over HTTP on a loopback address.
 *
 * <h2>API</h2>
 *
 * <ul>
 *   <li>{@code GET /prr?after=<cursor>&limit=<n>} &rarr; {@code 200 {"records":[...],
 *       "next":"<cursor>"}}. Records in a stable order; {@code after} omitted = from the start;
 *       {@code limit} 1..1000, default 100. {@code next} is the cursor to pass as {@code after} for
 *       the following page (equal to {@code after} when nothing new came). Cursors are opaque text.
 *       Each record has the fields of IMPORT-FORMAT.md ({@code nik}, {@code kk}, {@code name},
 *       {@code sex}, {@code birth_place}, {@code birth_date}, {@code blood_type}, {@code address},
 *       {@code rt}, {@code rw}, {@code village}, {@code district}, {@code regency}, {@code
 *       province}, {@code religion}, {@code marital_status}, {@code occupation}, {@code
 *       citizenship}, {@code siak_status}, {@code siak_status_at}, {@code reason}, {@code
 *       urgent_reason}, {@code vulnerable}, {@code disabled}, {@code suket_number}, {@code
 *       suket_date}, {@code phone}; empty text = absent) plus {@code photo_jpeg_base64}, {@code
 *       signature_png_base64} and {@code fingerprints_base64}.
 *   <li>{@code GET /prr/{nik}} &rarr; {@code 200} one record with its payloads (to fetch biometrics
 *       again), {@code 404 {"error":"..."}} when unknown.
 *   <li>{@code POST /printed} with {@code {"nik":...,"printed_at":...,"card_uid":...,
 *       "office_code":...}} &rarr; {@code 202 {"accepted":true}}; recorded, see {@link
 *       #printedReports()}. A body that is not such an object (a field missing or not text) gets
 *       {@code 400}. {@code GET /printed} lists what was recorded.
 *   <li>{@code 400} for a bad {@code after}/{@code limit}, {@code 405} for a wrong method.
 * </ul>
 *
 * <h2>Behaviour ({@link RegistryBehaviour})</h2>
 *
 * During a scripted outage (on the simulated clock of the {@link Timeline}) every request gets
 * {@code 503 {"error":"SIAK unavailable"}}; with a failure rate, that share of requests gets {@code
 * 500}; with {@code slow}, every answer waits that long (real time) first. Requests refused this
 * way change nothing (a refused push is not recorded).
 */
public final class RegistryServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RegistryServer.class);

  private final SyntheticResidents residents;
  private final RegistryBehaviour behaviour;
  private final Timeline timeline;
  private final JsonMapper json = JsonMapper.builder().build();
  private final List<PrintedReport> printed = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> indexByNik = new HashMap<>();
  private final Random failures;
  private final AtomicLong requests = new AtomicLong();
  private HttpServer server;
  private java.util.concurrent.ExecutorService executor;

  public RegistryServer(
      SyntheticResidents residents, RegistryBehaviour behaviour, Timeline timeline) {
    this.residents = residents;
    this.behaviour = behaviour;
    this.timeline = timeline;
    this.failures = new Random(behaviour.seed() ^ 0x5EED);
  }

  /** Listens on {@code host:port} (port 0 = a free one, see {@link #port()}). */
  public synchronized RegistryServer start(String host, int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(host, port), 32);
    server.createContext("/prr", this::prr);
    server.createContext("/printed", this::printed);
    executor = Executors.newFixedThreadPool(4, daemon());
    server.setExecutor(executor);
    server.start();
    log.info(
        "simulated SIAK listening on http://{}:{}/ with {} residents",
        host,
        port(),
        behaviour.residents());
    return this;
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "sim-siak");
      t.setDaemon(true);
      return t;
    };
  }

  public synchronized int port() {
    return server.getAddress().getPort();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8089}. */
  public synchronized String url() {
    return "http://" + server.getAddress().getHostString() + ":" + port();
  }

  /** Printed-status pushes accepted so far, in arrival order. */
  public List<PrintedReport> printedReports() {
    return List.copyOf(printed);
  }

  /** Requests received so far (refused ones included). */
  public long requestCount() {
    return requests.get();
  }

  public RegistryBehaviour behaviour() {
    return behaviour;
  }

  public SyntheticResidents residents() {
    return residents;
  }

  private boolean refused(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    if (!behaviour.slow().isZero()) {
      try {
        Thread.sleep(behaviour.slow().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (behaviour.downAt(timeline.now())) {
      send(ex, 503, Map.of("error", "SIAK unavailable"));
      return true;
    }
    boolean fail;
    synchronized (failures) {
      fail = behaviour.failureRate() > 0 && failures.nextDouble() < behaviour.failureRate();
    }
    if (fail) {
      send(ex, 500, Map.of("error", "internal error"));
      return true;
    }
    return false;
  }

  private void prr(HttpExchange ex) throws IOException {
    try (ex) {
      if (!ex.getRequestMethod().equals("GET")) {
        send(ex, 405, Map.of("error", "use GET"));
        return;
      }
      if (refused(ex)) {
        return;
      }
      String path = ex.getRequestURI().getPath();
      if (path.equals("/prr") || path.equals("/prr/")) {
        list(ex);
      } else {
        one(ex, path.substring("/prr/".length()));
      }
    }
  }

  private void list(HttpExchange ex) throws IOException {
    Map<String, String> q = query(ex.getRequestURI());
    int after;
    int limit;
    try {
      after =
          q.containsKey("after") && !q.get("after").isEmpty() ? decodeCursor(q.get("after")) : 0;
      limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : 100;
    } catch (IllegalArgumentException e) {
      send(ex, 400, Map.of("error", "bad cursor or limit"));
      return;
    }
    if (limit < 1 || limit > 1000 || after < 0) {
      send(ex, 400, Map.of("error", "limit must be 1..1000"));
      return;
    }
    int end = Math.min(behaviour.residents(), after + limit);
    List<Object> records = new ArrayList<>();
    for (int i = after; i < end; i++) {
      Resident r = residents.resident(i);
      remember(r.nik(), i);
      records.add(r.toJson(true));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("records", records);
    body.put("next", encodeCursor(Math.max(after, end)));
    send(ex, 200, body);
  }

  private void one(HttpExchange ex, String nik) throws IOException {
    Integer index = find(nik);
    if (index == null) {
      send(ex, 404, Map.of("error", "no such record"));
      return;
    }
    send(ex, 200, residents.resident(index).toJson(true));
  }

  private synchronized void remember(String nik, int index) {
    indexByNik.put(nik, index);
  }

  private synchronized Integer find(String nik) {
    Integer known = indexByNik.get(nik);
    if (known != null || !nik.matches("\\d{16}")) {
      return known;
    }
    for (int i = 0; i < behaviour.residents(); i++) {
      String n = residents.fields(i).get("nik");
      indexByNik.put(n, i);
      if (n.equals(nik)) {
        return i;
      }
    }
    return null;
  }

  private void printed(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      if (method.equals("GET")) {
        List<Object> out = new ArrayList<>();
        for (PrintedReport p : printed) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("nik", p.nik());
          m.put("printed_at", p.printedAt());
          m.put("card_uid", p.cardUid());
          m.put("office_code", p.officeCode());
          m.put("received_at", p.receivedAt().toString());
          out.add(m);
        }
        send(ex, 200, Map.of("printed", out));
        return;
      }
      if (!method.equals("POST")) {
        send(ex, 405, Map.of("error", "use POST"));
        return;
      }
      if (refused(ex)) {
        return;
      }
      JsonNode body;
      try (InputStream in = ex.getRequestBody()) {
        body = json.readTree(in.readAllBytes());
      } catch (JacksonException e) {
        send(ex, 400, Map.of("error", "body is not JSON"));
        return;
      }
      String[] keys = {"nik", "printed_at", "card_uid", "office_code"};
      String[] values = new String[keys.length];
      for (int i = 0; i < keys.length; i++) {
        JsonNode v = body == null ? null : body.get(keys[i]);
        if (v == null || !v.isString() || v.asString().isBlank()) {
          send(ex, 400, Map.of("error", "field " + keys[i] + " missing or not text"));
          return;
        }
        values[i] = v.asString();
      }
      printed.add(new PrintedReport(values[0], values[1], values[2], values[3], timeline.now()));
      send(ex, 202, Map.of("accepted", true));
    }
  }

  private void send(HttpExchange ex, int status, Object body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> m = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return m;
    }
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int i = pair.indexOf('=');
      String k = URLDecoder.decode(i < 0 ? pair : pair.substring(0, i), StandardCharsets.UTF_8);
      String v = i < 0 ? "" : URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8);
      m.put(k, v);
    }
    return m;
  }

  static String encodeCursor(int position) {
    return "c" + Integer.toString(position, 36);
  }

  static int decodeCursor(String cursor) {
    if (!cursor.startsWith("c") || cursor.length() < 2 || cursor.length() > 8) {
      throw new IllegalArgumentException("bad cursor " + cursor);
    }
    return Integer.parseInt(cursor.substring(1), 36);
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      server = null;
      executor.shutdownNow();
    }
  }
}
