package org.cetak.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cetak.support.CetakSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@CetakSpringTest
class ConsoleHttpTest {

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void console_sends_strangers_to_the_login_page() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Accept", "text/html")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
  }

  @Test
  void signed_in_user_sees_the_offices_in_bahasa_indonesia() throws Exception {
    HttpResponse<String> response = get("/", "kabid:cetak-demo");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("Disdukcapil Kota Bogor")
        .contains("Titik cetak Kecamatan Bogor Tengah")
        .contains("Kantor");
  }

  @Test
  void english_is_the_second_language() throws Exception {
    HttpResponse<String> response = get("/?lang=en", "kabid:cetak-demo");
    assertThat(response.body())
        .contains("Offices")
        .contains("Alerts")
        .contains("Waiting for approval");
  }

  @Test
  void api_clients_without_credentials_get_401_not_a_login_page() throws Exception {
    assertThat(get("/", null).statusCode()).isEqualTo(401);
  }

  @Test
  void wrong_password_is_refused() throws Exception {
    assertThat(get("/", "kabid:wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void health_is_public() throws Exception {
    // without signing in: answered, not refused (503 when a printer of an earlier test is down)
    HttpResponse<String> response = get("/actuator/health", null);
    assertThat(response.statusCode()).isIn(200, 503);
    assertThat(response.body()).containsPattern("\"status\":\"(UP|DOWN)\"");
  }

  @Test
  void every_page_of_a_users_menu_shows_the_same_menu() throws Exception {
    for (String user : List.of("loket", "operator", "blanko", "kabid", "inspektorat", "admin")) {
      String credentials = user + ":cetak-demo";
      List<String> menu = menu(get("/", credentials).body());
      assertThat(menu).as("%s's menu", user).hasSizeGreaterThan(2);
      for (String page : menu) {
        HttpResponse<String> response = get(page, credentials);
        assertThat(response.statusCode()).as("%s opens %s", user, page).isEqualTo(200);
        assertThat(menu(response.body())).as("%s's menu on %s", user, page).isEqualTo(menu);
      }
    }
  }

  private static final Pattern NAV = Pattern.compile("(?s)<nav class=\"nav\">(.*?)</nav>");
  private static final Pattern LINK = Pattern.compile("href=\"(/[a-z-]*)\"");

  /** The console's own pages a page's menu links to, in order (not the language links). */
  private static List<String> menu(String page) {
    Matcher nav = NAV.matcher(page);
    assertThat(nav.find()).as("a menu on the page").isTrue();
    List<String> links = new ArrayList<>();
    Matcher link = LINK.matcher(nav.group(1));
    while (link.find()) {
      links.add(link.group(1));
    }
    return links;
  }

  private HttpResponse<String> get(String path, String credentials)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (credentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
