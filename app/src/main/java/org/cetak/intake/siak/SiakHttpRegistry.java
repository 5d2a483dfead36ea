package org.cetak.intake.siak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cetak.common.Masking;
import org.cetak.intake.Payloads;
import org.cetak.intake.UpstreamRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The upstream registry over HTTP: {@code GET /prr?after=&limit=}, {@code GET /prr/{nik}}, {@code
 * POST /printed} (the simulated SIAK of hardware-sim speaks it). 5xx, timeouts and refused
 * connections are {@link UpstreamRegistry.Unavailable}; an answer that is not the agreed JSON is
 * {@link UpstreamRegistry.Rejected}.
 */
public final class SiakHttpRegistry implements UpstreamRegistry {

  private static final Logger log = LoggerFactory.getLogger(SiakHttpRegistry.class);

  static final String PHOTO = "photo_jpeg_base64";
  static final String SIGNATURE = "signature_png_base64";
  static final String FINGERPRINTS = "fingerprints_base64";

  private final URI base;
  private final Duration timeout;
  private final HttpClient http;
  private final JsonMapper json = JsonMapper.builder().build();

  public SiakHttpRegistry(URI base, Duration timeout) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public Pull pull(Optional<String> cursor, int limit) {
    String query =
        "prr?limit="
            + limit
            + cursor.map(c -> "&after=" + URLEncoder.encode(c, StandardCharsets.UTF_8)).orElse("");
    Answer answer = send(HttpRequest.newBuilder(base.resolve(query)).GET());
    if (answer.down != null) {
      return new Unavailable(answer.down);
    }
    if (answer.status != 200) {
      return new Rejected("GET /prr answered " + answer.status);
    }
    try {
      JsonNode body = json.readTree(answer.body);
      JsonNode records = body.get("records");
      JsonNode next = body.get("next");
      if (records == null || !records.isArray() || next == null || !next.isString()) {
        return new Rejected("GET /prr answer lacks 'records' or 'next'");
      }
      List<UpstreamRecord> out = new ArrayList<>();
      for (JsonNode record : records) {
        out.add(record(record));
      }
      return new Page(out, next.asString());
    } catch (JacksonException | IllegalArgumentException e) {
      return new Rejected("GET /prr answer is not usable: " + e.getMessage());
    }
  }

  @Override
  public Fetch fetch(String nik) {
    Answer answer =
        send(
            HttpRequest.newBuilder(
                    base.resolve("prr/" + URLEncoder.encode(nik, StandardCharsets.UTF_8)))
                .GET());
    if (answer.down != null) {
      return new Unavailable(answer.down);
    }
    if (answer.status == 404) {
      return new NotFound();
    }
    if (answer.status != 200) {
      return new Rejected("GET /prr/{nik} answered " + answer.status);
    }
    try {
      return new Fetched(record(json.readTree(answer.body)));
    } catch (JacksonException | IllegalArgumentException e) {
      return new Rejected("GET /prr/{nik} answer is not usable: " + e.getMessage());
    }
  }

  @Override
  public Push pushPrinted(PrintedStatus status) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("nik", status.nik());
    body.put("printed_at", status.printedAt().toString());
    body.put("card_uid", status.cardUid());
    body.put("office_code", status.officeCode());
    Answer answer =
        send(
            HttpRequest.newBuilder(base.resolve("printed"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
    if (answer.down != null) {
      return new Unavailable(answer.down);
    }
    if (answer.status == 202 || answer.status == 200) {
      return new Accepted();
    }
    log.warn(
        "Printed status of NIK {} refused with HTTP {}", Masking.nik(status.nik()), answer.status);
    return new Rejected("POST /printed answered " + answer.status);
  }

  private UpstreamRecord record(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a record is not a JSON object");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Optional<byte[]> photo = Optional.empty();
    Optional<byte[]> signature = Optional.empty();
    Optional<byte[]> fingerprints = Optional.empty();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode value = field.getValue();
      String text = value == null || value.isNull() ? "" : value.asString();
      switch (field.getKey()) {
        case PHOTO -> photo = decode(text);
        case SIGNATURE -> signature = decode(text);
        case FINGERPRINTS -> fingerprints = decode(text);
        default -> fields.put(field.getKey(), text);
      }
    }
    return new UpstreamRecord(fields, new Payloads(photo, signature, fingerprints));
  }

  private static Optional<byte[]> decode(String base64) {
    return base64.isEmpty() ? Optional.empty() : Optional.of(Base64.getDecoder().decode(base64));
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response =
          http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() >= 500) {
        return new Answer(response.statusCode(), response.body(), "HTTP " + response.statusCode());
      }
      return new Answer(response.statusCode(), response.body(), null);
    } catch (IOException e) {
      return new Answer(0, new byte[0], e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, new byte[0], "interrupted");
    }
  }

  // An HTTP answer read once where it is received, never compared or printed.
  @SuppressWarnings("ArrayRecordComponent")
  private record Answer(int status, byte[] body, String down) {}
}
