package org.cetak.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cetak.common.ErrorCode;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The OpenAPI document the application serves describes every endpoint of the REST API: a summary
 * for each operation, and its refusals as problem documents under their HTTP status with codes from
 * the catalogue ({@code docs/ERRORS.md}), including the codes it declares with {@link Refuses}. An
 * endpoint added without them fails here.
 */
@CetakSpringTest
class OpenApiDocumentTest {

  private static final Map<String, ErrorCode> CATALOGUE =
      ErrorCatalogue.all().stream().collect(Collectors.toMap(ErrorCode::name, Function.identity()));

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private final HttpClient http = HttpClient.newHttpClient();
  private JsonNode document;

  @BeforeEach
  void readTheDocument() throws Exception {
    HttpResponse<String> answer = get("/v3/api-docs", "admin");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    document = json.readTree(answer.body());
  }

  @Test
  void the_document_needs_a_sign_in_and_refuses_with_a_problem() throws Exception {
    HttpResponse<String> answer = get("/v3/api-docs", null);
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).contains("\"code\":\"UNAUTHENTICATED\"");
  }

  @Test
  void every_endpoint_of_the_api_is_in_the_document_and_nothing_else() {
    Set<String> mapped = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      if (!e.getValue().getBeanType().getPackageName().startsWith("org.cetak")) {
        continue;
      }
      for (String path : e.getKey().getPatternValues()) {
        if (path.startsWith("/api/")) {
          for (RequestMethod method : e.getKey().getMethodsCondition().getMethods()) {
            mapped.add(method.name() + " " + path);
          }
        }
      }
    }
    assertThat(operations().keySet()).containsExactlyInAnyOrderElementsOf(mapped);
  }

  @Test
  void every_operation_has_a_summary_and_documents_its_problems_with_catalogue_codes() {
    List<String> wrong = new ArrayList<>();
    operations()
        .forEach(
            (name, operation) -> {
              if (operation.path("summary").asString("").isBlank()) {
                wrong.add(name + ": no summary (@Operation)");
              }
              JsonNode refuses = operation.path("x-refuses");
              if (!refuses.isArray()) {
                wrong.add(name + ": no error codes declared (@Refuses)");
              }
              JsonNode responses = operation.path("responses");
              boolean success = false;
              for (Map.Entry<String, JsonNode> r : responses.properties()) {
                int status = Integer.parseInt(r.getKey());
                success |= status < 400;
                if (status < 400) {
                  continue;
                }
                if (!r.getValue().path("content").has("application/problem+json")) {
                  wrong.add(name + " " + status + ": not a problem document");
                }
                JsonNode codes = r.getValue().path(ApiDocumentation.CODES);
                if (!codes.isArray() || codes.isEmpty()) {
                  wrong.add(name + " " + status + ": no catalogue codes");
                }
                for (JsonNode code : codes) {
                  ErrorCode known = CATALOGUE.get(code.asString());
                  if (known == null) {
                    wrong.add(
                        name + " " + status + ": " + code.asString() + " not in the catalogue");
                  } else if (Problems.status(known.kind()).value() != status) {
                    wrong.add(name + " " + status + ": " + known.name() + " is not a " + status);
                  }
                }
              }
              if (!success) {
                wrong.add(name + ": no success answer");
              }
              for (JsonNode code : refuses) {
                ErrorCode known = CATALOGUE.get(code.asString());
                String status =
                    known == null ? "?" : String.valueOf(Problems.status(known.kind()).value());
                boolean listed = false;
                for (JsonNode c : responses.path(status).path(ApiDocumentation.CODES)) {
                  listed |= c.asString().equals(code.asString());
                }
                if (!listed) {
                  wrong.add(name + ": " + code.asString() + " declared but not under " + status);
                }
              }
              for (String common : List.of("UNAUTHENTICATED", "INTERNAL_ERROR")) {
                if (!responses.toString().contains("\"" + common + "\"")) {
                  wrong.add(name + ": " + common + " missing");
                }
              }
            });
    assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
  }

  @Test
  void an_office_endpoint_names_the_office_refusals_and_a_body_the_malformed_one() {
    JsonNode load =
        operations().get("POST /api/offices/{office}/printers/{code}/load").path("responses");
    assertThat(load.path("403").path(ApiDocumentation.CODES).toString())
        .contains("ROLE_REQUIRED", "OTHER_OFFICE");
    assertThat(load.path("404").path(ApiDocumentation.CODES).toString())
        .contains("UNKNOWN_OFFICE", "UNKNOWN_PRINTER");
    assertThat(load.path("400").path(ApiDocumentation.CODES).toString()).contains("MALFORMED_BODY");
    assertThat(load.path("409").path(ApiDocumentation.CODES).toString())
        .contains("INSUFFICIENT_BALANCE");
    assertThat(load.path("400").path("description").asString()).contains("MALFORMED_BODY");
  }

  @Test
  void no_endpoint_takes_a_nik_or_a_kk_in_its_address() {
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      String lower = path.getKey().toLowerCase(java.util.Locale.ROOT);
      if (lower.contains("{nik") || lower.contains("{kk") || lower.contains("nik}")) {
        wrong.add(path.getKey() + ": a NIK or KK in the path");
      }
      List<JsonNode> parameters = new ArrayList<>();
      path.getValue().path("parameters").forEach(parameters::add);
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        op.getValue().path("parameters").forEach(parameters::add);
      }
      for (JsonNode parameter : parameters) {
        String name = parameter.path("name").asString("").toLowerCase(java.util.Locale.ROOT);
        String in = parameter.path("in").asString("");
        if ((in.equals("path") || in.equals("query"))
            && (name.equals("nik") || name.equals("kk") || name.endsWith("nik"))) {
          wrong.add(path.getKey() + ": " + in + " parameter " + parameter.path("name").asString());
        }
      }
    }
    assertThat(document.path("paths").size()).isGreaterThan(50);
    assertThat(wrong).as(String.join("\n", wrong)).isEmpty();
  }

  /** "METHOD /path" → operation. */
  private Map<String, JsonNode> operations() {
    Map<String, JsonNode> all = new java.util.TreeMap<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (Set.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
          all.put(
              op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), op.getValue());
        }
      }
    }
    return all;
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json");
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":cetak-demo").getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
