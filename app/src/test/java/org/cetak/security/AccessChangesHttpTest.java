package org.cetak.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Set;
import org.cetak.office.Accounts;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.Role;
import org.cetak.office.Tokens;
import org.cetak.office.User;
import org.cetak.support.CetakSpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The signed-in user and the office are kept between requests, yet an administrator's change takes
 * effect at that user's very next request on this node: a disabled user, a role taken away, a
 * revoked API token.
 */
@CetakSpringTest
class AccessChangesHttpTest {

  private static final String PASSWORD = "sandi-uji-akses-1";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired OfficeDirectory offices;
  @Autowired Tokens tokens;

  private User admin;
  private String username;

  @BeforeEach
  void anOperator() {
    admin = offices.user("admin").orElseThrow();
    username = "akses-" + System.nanoTime() % 1_000_000_000L;
    accounts.create(
        new Accounts.NewUser(
            username, "Uji akses", PASSWORD, "32.71", Set.of(), EnumSet.of(Role.OPERATOR)),
        admin);
  }

  @Test
  void a_disabled_user_is_refused_at_their_next_request() throws Exception {
    ConsoleSession session = ConsoleSession.signIn(port, username, PASSWORD);
    assertThat(session.get("/printers").statusCode()).isEqualTo(200);
    assertThat(session.get("/printers").statusCode()).as("read again, kept").isEqualTo(200);

    accounts.disable(username, admin);

    assertThat(session.get("/printers").statusCode()).isEqualTo(403);
  }

  @Test
  void a_role_taken_away_is_refused_at_the_next_request() throws Exception {
    ConsoleSession session = ConsoleSession.signIn(port, username, PASSWORD);
    assertThat(session.get("/queue").statusCode()).isEqualTo(200);

    accounts.assign(username, "32.71", Set.of(), EnumSet.of(Role.INVENTORY_MANAGER), admin);

    assertThat(session.get("/queue").statusCode()).isEqualTo(403);
    assertThat(session.get("/printers").statusCode())
        .as("what the new role may still see")
        .isEqualTo(200);
  }

  @Test
  void a_revoked_api_token_is_refused_at_its_next_request() throws Exception {
    Tokens.Issued issued = tokens.issue("uji-akses-" + username, "32.71", Role.OPERATOR, admin);
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest printers =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/offices/32.71/printers"))
            .header("Authorization", "Bearer " + issued.secret())
            .build();
    assertThat(http.send(printers, HttpResponse.BodyHandlers.discarding()).statusCode())
        .isEqualTo(200);

    tokens.revoke(issued.token().id(), admin);

    assertThat(http.send(printers, HttpResponse.BodyHandlers.discarding()).statusCode())
        .isEqualTo(401);
  }
}
