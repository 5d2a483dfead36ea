package org.cetak.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Set;
import org.cetak.office.Accounts;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.Role;
import org.cetak.office.Tokens;
import org.cetak.office.User;
import org.cetak.printing.PrinterControl;
import org.cetak.stock.PrinterRegistry;
import org.cetak.support.CetakSpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A change through the API on a console session's cookie alone (as another site's page could make
 * the browser send it) is refused for want of the session's CSRF token and changes nothing; with
 * the token it goes through, and a program signing with an API token or HTTP Basic sends none.
 */
@CetakSpringTest
class ApiCsrfHttpTest {

  private static final String PASSWORD = "sandi-uji-csrf-1";
  private static final String PAUSE = "/api/offices/32.71/printers/%s/pause";
  private static final String RESUME = "/api/offices/32.71/printers/%s/resume";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired OfficeDirectory offices;
  @Autowired Tokens tokens;
  @Autowired PrinterControl printers;
  @Autowired PrinterRegistry registry;

  private User admin;
  private String username;
  private Office office;

  @BeforeEach
  void anOperator() {
    admin = offices.user("admin").orElseThrow();
    office = offices.officeByCode("32.71").orElseThrow();
    username = "csrf-" + System.nanoTime() % 1_000_000_000L;
    accounts.create(
        new Accounts.NewUser(
            username, "Uji CSRF", PASSWORD, "32.71", Set.of(), EnumSet.of(Role.OPERATOR)),
        admin);
  }

  @Test
  void a_session_without_its_token_changes_nothing() throws Exception {
    ConsoleSession session = ConsoleSession.signIn(port, username, PASSWORD);
    String printer = "CSRF-" + System.nanoTime() % 1_000_000L;
    registry.register(office.id(), printer, "Uji CSRF", "Primacy", admin);
    String before = mode(printer);
    assertThat(before).as("a new printer starts paused").isEqualTo("PAUSED");

    HttpResponse<String> refused =
        session.sendWithoutToken("POST", RESUME.formatted(printer), "application/json", "{}");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("\"code\":\"CSRF_REJECTED\"");
    assertThat(mode(printer)).isEqualTo(before);
    assertThat(
            session.send("POST", RESUME.formatted(printer), "application/json", "{}").statusCode())
        .as("the same with the token")
        .isEqualTo(200);
    assertThat(mode(printer)).isNotEqualTo(before);
  }

  @Test
  void a_console_form_without_its_token_is_told_to_reload() throws Exception {
    ConsoleSession session = ConsoleSession.signIn(port, username, PASSWORD);

    HttpResponse<String> refused =
        session.sendWithoutToken(
            "POST", "/printers", "application/x-www-form-urlencoded", "code=X");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Formulir kedaluwarsa");
  }

  @Test
  void a_session_with_its_token_goes_through() throws Exception {
    ConsoleSession session = ConsoleSession.signIn(port, username, PASSWORD);

    HttpResponse<String> answer =
        session.send("POST", PAUSE.formatted("TIDAK-ADA"), "application/json", "{}");

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).contains("\"code\":\"UNKNOWN_PRINTER\"");
  }

  @Test
  void a_program_signing_its_requests_sends_no_token() throws Exception {
    Tokens.Issued issued = tokens.issue("uji-csrf-" + username, "32.71", Role.OPERATOR, admin);
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> bearer =
        http.send(
            pause("TIDAK-ADA").header("Authorization", "Bearer " + issued.secret()).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> anonymous =
        http.send(pause("TIDAK-ADA").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(bearer.statusCode()).isEqualTo(404);
    assertThat(bearer.body()).contains("\"code\":\"UNKNOWN_PRINTER\"");
    assertThat(anonymous.statusCode()).as("no session, no credentials").isEqualTo(401);
  }

  private HttpRequest.Builder pause(String printer) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + PAUSE.formatted(printer)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}"));
  }

  private String mode(String code) {
    return printers.printers(office.id()).stream()
        .filter(p -> p.code().equals(code))
        .findFirst()
        .orElseThrow()
        .mode();
  }
}
