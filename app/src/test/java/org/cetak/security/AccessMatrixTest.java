package org.cetak.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cetak.office.Office;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.OfficeKind;
import org.cetak.office.Permission;
import org.cetak.office.Role;
import org.cetak.support.CetakSpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role matrix of the README, cell by cell: every page, form and endpoint Spring maps (so a new
 * one without a row fails here) × every role × the user's own office and another, against what the
 * application answers over HTTP and against the access model's table ({@link Permission}).
 */
@CetakSpringTest
class AccessMatrixTest {

  static final Path README = Path.of("..", "README.md");
  static final String OWN = "32.71";
  static final String OTHER = "33.74";

  /** The demo's users, one per role, in the order of the README's columns. */
  static final Map<String, Role> USERS = new LinkedHashMap<>();

  static {
    USERS.put("loket", Role.COUNTER_OFFICER);
    USERS.put("operator", Role.OPERATOR);
    USERS.put("blanko", Role.INVENTORY_MANAGER);
    USERS.put("kabid", Role.SUPERVISOR);
    USERS.put("inspektorat", Role.AUDITOR);
    USERS.put("admin", Role.ADMIN);
  }

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired OfficeDirectory offices;

  /** One page, form or endpoint. */
  record Endpoint(
      String method, String path, Permission permission, boolean scoped, boolean multipart) {

    String key() {
      return method + " " + path;
    }

    boolean page() {
      return !path.startsWith("/api/");
    }
  }

  @BeforeEach
  void another_office_exists() {
    if (offices.officeByCode(OTHER).isEmpty()) {
      offices.addOffice(
          OTHER, "Disdukcapil Kota Bandung (uji)", OfficeKind.KABUPATEN_KOTA, Optional.empty(), "");
    }
  }

  @Test
  void the_readme_matrix_has_a_row_for_every_page_and_endpoint_as_the_access_model_decides()
      throws IOException {
    Map<String, List<String>> documented = readme();
    Map<String, List<String>> expected = new TreeMap<>();
    for (Endpoint e : endpoints()) {
      List<String> row = new ArrayList<>();
      row.add(e.permission().name());
      USERS.values().forEach(role -> row.add(cell(e, role)));
      expected.put(e.key(), row);
    }
    if (!documented.equals(expected)) {
      StringBuilder table = new StringBuilder("Expected README matrix:\n");
      expected.forEach(
          (k, row) ->
              table
                  .append("| `")
                  .append(k)
                  .append("` | ")
                  .append(String.join(" | ", row))
                  .append(" |\n"));
      System.out.println(table);
    }
    assertThat(documented).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void every_cell_of_the_matrix_holds_over_http() throws Exception {
    Map<String, List<String>> documented = readme();
    List<String> wrong = new ArrayList<>();
    List<String> roles = new ArrayList<>(USERS.keySet());
    for (int column = 0; column < roles.size(); column++) {
      String username = roles.get(column);
      ConsoleSession session = ConsoleSession.signIn(port, username, "cetak-demo");
      for (Endpoint e : endpoints()) {
        String cell =
            documented.getOrDefault(e.key(), List.of()).stream()
                .skip(column + 1L)
                .findFirst()
                .orElse("?");
        boolean ownAllowed = !cell.equals("—");
        check(session, e, OWN, ownAllowed, username, wrong);
        if (e.scoped()) {
          check(session, e, OTHER, cell.equals("all"), username, wrong);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void a_provincial_account_acts_for_the_offices_assigned_to_it() throws Exception {
    Office other = offices.officeByCode(OTHER).orElseThrow();
    if (offices.user("provinsi").isEmpty()) {
      var user =
          offices.addUser(
              offices.officeByCode(OWN).orElseThrow().id(),
              "provinsi",
              "Auditor provinsi",
              "{noop}provinsi-demo",
              java.util.Set.of(Role.AUDITOR));
      offices.assign(
          user.id(), user.officeId(), java.util.Set.of(other.id()), java.util.Set.of(Role.AUDITOR));
    }
    ConsoleSession session = ConsoleSession.signIn(port, "provinsi", "provinsi-demo");
    assertThat(session.get("/api/offices/" + OTHER + "/stock/reconciliation").statusCode())
        .isEqualTo(200);
    assertThat(session.get("/api/offices/" + OWN + "/stock/reconciliation").statusCode())
        .isEqualTo(200);
    assertThat(session.get("/stock?office=" + OTHER).statusCode()).isEqualTo(200);
  }

  private void check(
      ConsoleSession session,
      Endpoint e,
      String office,
      boolean allowed,
      String username,
      List<String> wrong)
      throws IOException, InterruptedException {
    HttpResponse<String> answer = request(session, e, office);
    int status = answer.statusCode();
    String where = answer.headers().firstValue("Location").orElse("");
    if (status == 401 || (status == 302 && where.contains("/login"))) {
      wrong.add(username + " was signed out by " + e.key());
      return;
    }
    if (allowed == (status == 403)) {
      wrong.add(
          username
              + " "
              + e.key()
              + " in "
              + office
              + ": expected "
              + (allowed ? "allowed" : "403")
              + ", got "
              + status);
    }
  }

  private static HttpResponse<String> request(ConsoleSession session, Endpoint e, String office)
      throws IOException, InterruptedException {
    String path =
        e.path()
            .replace("{office}", office)
            .replace("{code}", "NO-SUCH")
            .replace("{job}", "999999")
            .replace("{id}", "999999")
            .replace("{requestId}", "999999")
            .replace("{nik}", "3271019999999999")
            .replace("{username}", "nobody-matrix")
            .replace("{day}", "2026-01-01")
            .replaceAll("\\{[^}]+\\}", "999999");
    if (e.scoped() && !e.path().contains("{office}")) {
      path += "?office=" + office;
    }
    if (e.method().equals("GET")) {
      return session.get(path);
    }
    if (e.multipart()) {
      String boundary = "matrix";
      return session.send(
          e.method(),
          path,
          "multipart/form-data; boundary=" + boundary,
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"bundle\"; filename=\"empty.zip\"\r\n"
              + "Content-Type: application/zip\r\n\r\n\r\n--"
              + boundary
              + "--\r\n");
    }
    return e.page()
        ? session.send(e.method(), path, "application/x-www-form-urlencoded", "")
        : session.send(e.method(), path, "application/json", "{}");
  }

  /** What the access model says a role may do at an endpoint, as the README writes it. */
  static String cell(Endpoint e, Role role) {
    if (!e.permission().roles().contains(role)) {
      return "—";
    }
    if (!e.scoped()) {
      return "yes";
    }
    return role == Role.ADMIN ? "all" : "own";
  }

  /** Every page, form and endpoint of Cetak that Spring maps, with the permission it declares. */
  List<Endpoint> endpoints() {
    List<Endpoint> all = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
        mappings.getHandlerMethods().entrySet()) {
      HandlerMethod handler = entry.getValue();
      if (!AccessInterceptor.ours(handler) || handler.hasMethodAnnotation(Allow.Anyone.class)) {
        continue;
      }
      Allow allow = handler.getMethodAnnotation(Allow.class);
      assertThat(allow).as("@Allow on %s", handler.getShortLogMessage()).isNotNull();
      boolean scoped =
          Arrays.stream(handler.getMethodParameters())
              .anyMatch(p -> p.getParameterType() == Office.class);
      boolean multipart =
          entry.getKey().getConsumesCondition().getConsumableMediaTypes().stream()
              .anyMatch(m -> m.getSubtype().equals("form-data"));
      for (String path : entry.getKey().getPatternValues()) {
        for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
          all.add(new Endpoint(method.name(), path, allow.value(), scoped, multipart));
        }
      }
    }
    return all;
  }

  /** The README's role matrix: endpoint → permission and one cell per role. */
  static Map<String, List<String>> readme() throws IOException {
    Map<String, List<String>> rows = new TreeMap<>();
    boolean inMatrix = false;
    for (String line : Files.readAllLines(README, StandardCharsets.UTF_8)) {
      if (line.startsWith("#")) {
        inMatrix = line.startsWith("### Role matrix");
      }
      if (inMatrix && line.startsWith("| `")) {
        String[] cells = line.split("\\|", -1);
        List<String> row = new ArrayList<>();
        for (int i = 2; i < cells.length - 1; i++) {
          row.add(cells[i].strip());
        }
        rows.put(cells[1].strip().replace("`", ""), row);
      }
    }
    return rows;
  }
}
