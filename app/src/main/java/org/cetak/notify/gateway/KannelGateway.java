package org.cetak.notify.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cetak.notify.DeliveryReport;
import org.cetak.notify.Sms;
import org.cetak.notify.SmsGateway;

/**
 * Kannel's smsbox over its HTTP {@code sendsms} interface. Every message asks for all delivery
 * reports ({@code dlr-mask=31}) on a {@code dlr-url} back to Cetak that names the notice by our
 * reference: Kannel gives no message id of its own, so the report is how a lost answer is settled.
 *
 * <p>Answers: {@code 202 0: Accepted for delivery} and {@code 202 3: Queued for later delivery} are
 * taken; a 4xx (403 wrong credentials, 400 a bad parameter) or 5xx is a refusal with Kannel's
 * words; a refused connection is a refusal; a timeout, a broken link after the request went out, or
 * an answer we cannot read leave it unclear whether Kannel took the message.
 */
public final class KannelGateway implements SmsGateway {

  /**
   * Where Kannel's smsbox is and how it calls Cetak back.
   *
   * @param sendsmsUrl e.g. {@code http://127.0.0.1:13013/cgi-bin/sendsms}
   * @param reportUrl Cetak's report endpoint as Kannel reaches it, e.g. {@code
   *     http://127.0.0.1:8080/sms/reports/kannel}
   * @param reportToken a shared secret Kannel echoes back, so that nobody else can post reports
   */
  public record Settings(
      URI sendsmsUrl,
      String username,
      String password,
      String from,
      URI reportUrl,
      String reportToken,
      Duration timeout) {

    @Override
    public String toString() {
      return "KannelGateway.Settings[" + sendsmsUrl + " as " + username + "]";
    }
  }

  private final Settings settings;
  private final HttpClient http;

  public KannelGateway(Settings settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
  }

  @Override
  public String name() {
    return "kannel";
  }

  @Override
  public boolean reportsDelivery() {
    return true;
  }

  @Override
  public Outcome send(Sms sms) {
    String dlr =
        settings.reportUrl()
            + "?token="
            + encode(settings.reportToken())
            + "&notice="
            + sms.noticeId()
            + "&state=%d&answer=%A&foreign=%F";
    Map<String, String> query =
        new java.util.LinkedHashMap<>(
            Map.of(
                "username", settings.username(),
                "password", settings.password(),
                "from", settings.from(),
                "to", sms.phone(),
                "text", sms.text(),
                "charset", "UTF-8",
                "coding", "0",
                "dlr-mask", "31",
                "dlr-url", dlr));
    URI uri =
        URI.create(
            settings.sendsmsUrl()
                + "?"
                + query.entrySet().stream()
                    .map(e -> e.getKey() + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&")));
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout()).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return answer(response.statusCode(), response.body());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      return new Outcome.Refused("Kannel tidak dapat dihubungi: " + e.getMessage(), true);
    } catch (HttpTimeoutException e) {
      return new Outcome.Unclear(
          "Kannel tidak menjawab dalam " + settings.timeout().toSeconds() + " detik");
    } catch (IOException e) {
      return new Outcome.Unclear("Hubungan ke Kannel putus: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.Unclear("Dihentikan saat menunggu Kannel");
    }
  }

  /** What an answer of {@code sendsms} means. */
  static Outcome answer(int status, String body) {
    String said = body == null ? "" : body.strip();
    if (status == 202 || status == 200) {
      if (said.startsWith("0:")) {
        return new Outcome.Accepted(Optional.empty());
      }
      if (said.startsWith("3:")) {
        return new Outcome.Queued(Optional.empty());
      }
      return new Outcome.Unclear("Jawaban Kannel tak terbaca: " + status + " " + abbreviate(said));
    }
    if (status >= 400 && status < 600) {
      // 400: this message's parameters are wrong, sending it again gives the same answer
      return new Outcome.Refused("Kannel " + status + ": " + abbreviate(said), status != 400);
    }
    return new Outcome.Unclear("Jawaban Kannel tak terbaca: " + status + " " + abbreviate(said));
  }

  /**
   * A {@code dlr-url} call: {@code state} is Kannel's {@code %d} (1 delivered, 2 undelivered, 4
   * buffered, 8 accepted by the SMSC, 16 rejected by the SMSC).
   */
  public static DeliveryReport report(long noticeId, int state, String answer, String foreignId) {
    DeliveryReport.State said =
        switch (state) {
          case 1 -> DeliveryReport.State.DELIVERED;
          case 2 -> DeliveryReport.State.UNDELIVERED;
          case 4 -> DeliveryReport.State.BUFFERED;
          case 8 -> DeliveryReport.State.ACCEPTED;
          case 16 -> DeliveryReport.State.REJECTED;
          default -> throw new IllegalArgumentException("Not a Kannel report state: " + state);
        };
    Optional<String> foreign =
        Optional.ofNullable(foreignId).map(String::strip).filter(s -> !s.isEmpty());
    return DeliveryReport.of(
        "kannel", noticeId, foreign, said, answer == null ? "" : abbreviate(answer.strip()));
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
