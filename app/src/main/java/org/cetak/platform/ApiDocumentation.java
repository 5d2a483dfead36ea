package org.cetak.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cetak.common.ErrorCode;
import org.cetak.office.Office;
import org.cetak.office.OfficeError;
import org.cetak.security.Allow;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document the application serves ({@code /v3/api-docs}, read at {@code
 * /swagger-ui.html}; both need a sign-in): each operation's summary is its {@code @Operation}, and
 * its refusals are problem documents ({@code application/problem+json}) listed by HTTP status with
 * their catalogue codes, from {@link Refuses} and from what every endpoint may answer.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

  /** The extension that lists an answer's catalogue codes. */
  public static final String CODES = "x-problem-codes";

  /** The extension that lists the codes an operation declared with {@link Refuses}. */
  public static final String REFUSES = "x-refuses";

  private static final String PROBLEM = "application/problem+json";

  private static final Map<String, ErrorCode> CATALOGUE =
      ErrorCatalogue.all().stream().collect(Collectors.toMap(ErrorCode::name, Function.identity()));

  @Bean
  OpenAPI cetakOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Cetak")
                .version("1")
                .description(
                    "The print room of a Disdukcapil office: printers, blanks, the queue, handover."
                        + " Offices are named by region code (32.71). Every refusal is an RFC 9457"
                        + " problem document with a stable `code` from docs/ERRORS.md."))
        .components(
            new Components()
                .addSchemas("Problem", problemSchema())
                .addSecuritySchemes(
                    "token",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An API token issued by an administrator: cetak_..."))
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("token"))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }

  /** RFC 9457 with Cetak's {@code code} (and {@code incident} for a 500). */
  private static Schema<?> problemSchema() {
    Schema<?> schema = new Schema<>().type("object").description("RFC 9457 problem document");
    schema.addProperty("type", new Schema<>().type("string"));
    schema.addProperty("title", new Schema<>().type("string").description("what the code means"));
    schema.addProperty("status", new Schema<>().type("integer"));
    schema.addProperty(
        "detail",
        new Schema<>().type("string").description("what happened, in the user's language"));
    schema.addProperty("instance", new Schema<>().type("string"));
    schema.addProperty(
        "code", new Schema<>().type("string").description("the stable code of docs/ERRORS.md"));
    schema.addProperty(
        "incident", new Schema<>().type("string").description("a 500's id in the server log"));
    schema.setRequired(List.of("status", "code", "title"));
    return schema;
  }

  @Bean
  OperationCustomizer problemResponses(MessageSource messages) {
    return (operation, handler) ->
        document(
            operation,
            handler,
            code ->
                messages.getMessage("error." + code.name(), null, code.name(), Locale.ENGLISH)
                    + " / "
                    + messages.getMessage(
                        "error." + code.name(), null, code.name(), Locale.forLanguageTag("id")));
  }

  static Operation document(
      Operation operation, HandlerMethod handler, Function<ErrorCode, String> wording) {
    Set<ErrorCode> codes = new LinkedHashSet<>(common(handler));
    Refuses refuses = handler.getMethodAnnotation(Refuses.class);
    if (refuses != null) {
      List<String> declared = Arrays.asList(refuses.value());
      declared.forEach(code -> codes.add(code(code, handler)));
      operation.addExtension(REFUSES, new ArrayList<>(declared));
    }
    Map<Integer, List<ErrorCode>> byStatus = new TreeMap<>();
    for (ErrorCode code : codes) {
      byStatus
          .computeIfAbsent(Problems.status(code.kind()).value(), s -> new ArrayList<>())
          .add(code);
    }
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    byStatus.forEach(
        (status, list) -> {
          List<String> names = list.stream().map(ErrorCode::name).toList();
          ApiResponse response =
              new ApiResponse()
                  .description(
                      "A problem document with `code` "
                          + list.stream()
                              .map(c -> "`" + c.name() + "` (" + wording.apply(c) + ")")
                              .collect(Collectors.joining(", ")))
                  .content(
                      new Content()
                          .addMediaType(
                              PROBLEM,
                              new MediaType()
                                  .schema(new Schema<>().$ref("#/components/schemas/Problem"))));
          response.addExtension(CODES, names);
          responses.addApiResponse(String.valueOf(status), response);
        });
    operation.setResponses(responses);
    return operation;
  }

  /** What any endpoint of this shape may answer, whatever it does. */
  private static List<ErrorCode> common(HandlerMethod handler) {
    List<ErrorCode> codes = new ArrayList<>();
    codes.add(ApiError.UNAUTHENTICATED);
    if (handler.hasMethodAnnotation(Allow.class)) {
      codes.add(OfficeError.ROLE_REQUIRED);
    }
    for (MethodParameter p : handler.getMethodParameters()) {
      if (p.getParameterType() == Office.class) {
        codes.add(OfficeError.OTHER_OFFICE);
        codes.add(OfficeError.UNKNOWN_OFFICE);
      } else if (p.hasParameterAnnotation(RequestBody.class)) {
        codes.add(ApiError.MALFORMED_BODY);
        codes.add(ApiError.PAYLOAD_TOO_LARGE);
      } else if (p.hasParameterAnnotation(RequestPart.class)) {
        codes.add(ApiError.MISSING_PARAMETER);
        codes.add(ApiError.PAYLOAD_TOO_LARGE);
      } else if (p.hasParameterAnnotation(RequestParam.class)) {
        codes.add(ApiError.INVALID_PARAMETER);
        RequestParam param = p.getParameterAnnotation(RequestParam.class);
        if (param != null
            && param.required()
            && param.defaultValue().equals(ValueConstants.DEFAULT_NONE)) {
          codes.add(ApiError.MISSING_PARAMETER);
        }
      } else if (p.hasParameterAnnotation(PathVariable.class)) {
        codes.add(ApiError.INVALID_PARAMETER);
      }
    }
    codes.add(ApiError.INTERNAL_ERROR);
    return codes;
  }

  private static ErrorCode code(String name, HandlerMethod handler) {
    ErrorCode code = CATALOGUE.get(name);
    if (code == null) {
      throw new IllegalStateException(
          "@Refuses of "
              + handler.getShortLogMessage()
              + " names "
              + name
              + ", not in the catalogue");
    }
    return code;
  }
}
