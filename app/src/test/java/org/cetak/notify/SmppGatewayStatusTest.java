package org.cetak.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.cetak.support.CetakSpringTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SMS page and API say when this node cannot reach the SMPP centre, and when it tries next
 * (Indonesian first), with {@code cetak.sms.gateway=smpp} pointing at a centre that drops every
 * link.
 */
@CetakSpringTest
class SmppGatewayStatusTest {

  private static UnreachableCentre centre;

  @DynamicPropertySource
  static void unreachableCentre(DynamicPropertyRegistry registry) throws IOException {
    centre = UnreachableCentre.dropping();
    registry.add("cetak.sms.gateway", () -> "smpp");
    registry.add("cetak.sms.smpp.port", () -> centre.port);
    registry.add("cetak.sms.smpp.connect-timeout", () -> "PT2S");
    registry.add("cetak.sms.smpp.bind-backoff", () -> "PT5M");
    registry.add("cetak.station.node", () -> "node-uji");
  }

  @AfterAll
  static void stopCentre() throws IOException {
    centre.close();
  }

  @LocalServerPort int port;
  @Autowired Dispatcher dispatcher;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void the_page_and_the_api_say_the_centre_is_unreachable_and_when_it_is_tried_next()
      throws Exception {
    HttpResponse<String> before = get("/api/offices/32.71/sms/gateway", "id");
    assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
    assertThat(before.body()).contains("\"name\":\"smpp\"").contains("\"node\":\"node-uji\"");

    dispatcher.dispatch(); // binds, unless the scheduled run did at start
    dispatcher.dispatch(); // within the backoff: no second bind

    assertThat(centre.connections.get()).isEqualTo(1);
    HttpResponse<String> after = get("/api/offices/32.71/sms/gateway", "id");
    assertThat(after.body())
        .contains("\"reachable\":false")
        .contains("\"failedTries\":1")
        .containsPattern("\"nextTry\":\"\\d{1,2} \\p{L}{3} \\d{4} \\d\\d\\.\\d\\d\"");
    String nextTry = after.body().replaceAll(".*\"nextTry\":\"([^\"]+)\".*", "$1");

    HttpResponse<String> page = get("/sms?office=32.71", "id");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"gateway-unreachable\"")
        .contains("Gateway SMS smpp tidak dapat dihubungi dari node node-uji sejak")
        .contains("Dicoba lagi pukul " + nextTry + " WIB");
    HttpResponse<String> english = get("/sms?office=32.71&lang=en", "en");
    assertThat(english.body())
        .contains("SMS gateway smpp cannot be reached from node node-uji since")
        .containsPattern("Next try at \\d{1,2} \\p{L}{3} \\d{4} \\d\\d:\\d\\d WIB");
  }

  private HttpResponse<String> get(String path, String language) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString("kabid:cetak-demo".getBytes(StandardCharsets.UTF_8)))
            .header("Accept-Language", language)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
