package org.cetak.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cetak.common.DomainException;
import org.cetak.common.ErrorCode;
import org.cetak.common.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one place where a failure becomes an answer: every exception a page or an endpoint throws is
 * turned into a catalogue code and a problem document, which {@link ErrorPages} then shows as JSON
 * to API clients and as an error page in the console. Never a Java class name in what it says.
 */
@Component
public class ProblemResolver implements HandlerExceptionResolver, Ordered {

  /** The request attribute holding the problem for {@link ErrorPages}. */
  static final String PROBLEM = ProblemResolver.class.getName() + ".problem";

  private static final Logger log = LoggerFactory.getLogger(ProblemResolver.class);

  /** What a field of each type takes, as {@code body.expected.<kind>} words it. */
  private static final Map<Class<?>, String> EXPECTED =
      Map.ofEntries(
          Map.entry(LocalDate.class, "date"),
          Map.entry(LocalTime.class, "time"),
          Map.entry(LocalDateTime.class, "localDateTime"),
          Map.entry(OffsetDateTime.class, "instant"),
          Map.entry(ZonedDateTime.class, "instant"),
          Map.entry(Instant.class, "instant"),
          Map.entry(int.class, "wholeNumber"),
          Map.entry(Integer.class, "wholeNumber"),
          Map.entry(long.class, "wholeNumber"),
          Map.entry(Long.class, "wholeNumber"),
          Map.entry(short.class, "wholeNumber"),
          Map.entry(Short.class, "wholeNumber"),
          Map.entry(BigInteger.class, "wholeNumber"),
          Map.entry(double.class, "number"),
          Map.entry(Double.class, "number"),
          Map.entry(float.class, "number"),
          Map.entry(Float.class, "number"),
          Map.entry(BigDecimal.class, "number"),
          Map.entry(boolean.class, "yesNo"),
          Map.entry(Boolean.class, "yesNo"),
          Map.entry(String.class, "text"));

  private final Problems problems;
  private final ObjectMapper json;

  public ProblemResolver(Problems problems, ObjectMapper json) {
    this.problems = problems;
    this.json = json;
  }

  @Override
  public int getOrder() {
    // after Spring Boot's DefaultErrorAttributes, which only notes the exception
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (ex instanceof AsyncRequestNotUsableException) {
      // the client went away (a live stream's page closed or left): nothing failed here
      log.debug("Client left {}", request.getRequestURI());
      return new ModelAndView();
    }
    if (response.isCommitted()) {
      log.warn("Failure after the answer was sent for {}", request.getRequestURI(), ex);
      return null;
    }
    Classified c = classify(ex);
    ProblemDetail problem =
        problems.problem(c.code(), c.variant(), c.args().toArray(), Problems.locale(request));
    if (c.code() == ApiError.INTERNAL_ERROR) {
      String id = UUID.randomUUID().toString();
      problem.setProperty("incident", id);
      log.error("Failure {} on {} {}", id, request.getMethod(), request.getRequestURI(), ex);
    } else if (ex instanceof DomainException) {
      log.info("Refused {}: {}", c.code().name(), ex.getMessage());
    }
    if (ex instanceof HttpRequestMethodNotSupportedException m
        && m.getSupportedHttpMethods() != null) {
      response.setHeader(
          HttpHeaders.ALLOW,
          String.join(", ", m.getSupportedHttpMethods().stream().map(Object::toString).toList()));
    }
    request.setAttribute(PROBLEM, problem);
    if (c.code().kind() == ErrorCode.Kind.TOO_LARGE) {
      // the container does not forward an answer to an unread body to the error page: write it here
      try {
        response.setStatus(problem.getStatus());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
      } catch (IOException e) {
        log.debug("Client gone before the problem for {} was sent", request.getRequestURI(), e);
      }
      return new ModelAndView();
    }
    try {
      response.sendError(problem.getStatus());
    } catch (IOException e) {
      log.debug("Client gone before the problem for {} was sent", request.getRequestURI(), e);
    }
    return new ModelAndView();
  }

  /**
   * A failure's catalogue code and the values its detail names; {@code variant} names the wording
   * of the detail when the code has several ({@code error.<code>.detail.<variant>}), empty for the
   * usual one.
   */
  record Classified(ErrorCode code, String variant, List<Object> args) {

    static Classified of(ErrorCode code, Object... args) {
      return new Classified(code, "", Arrays.asList(args));
    }

    static Classified told(ErrorCode code, String variant, Object... args) {
      return new Classified(code, variant, Arrays.asList(args));
    }
  }

  static Classified classify(Exception ex) {
    if (ex instanceof DomainException e) {
      return Classified.of(e.error(), e.args());
    }
    if (ex instanceof HttpMessageNotReadableException e) {
      return where(e);
    }
    if (ex instanceof MethodArgumentNotValidException e) {
      StringJoiner fields = new StringJoiner("; ");
      e.getBindingResult()
          .getFieldErrors()
          .forEach(f -> fields.add(f.getField() + " " + f.getDefaultMessage()));
      return Classified.of(ApiError.INVALID_REQUEST, fields.toString());
    }
    if (ex instanceof MethodArgumentTypeMismatchException e) {
      FieldLabel label = e.getParameter().getParameterAnnotation(FieldLabel.class);
      return Classified.of(
          ApiError.INVALID_PARAMETER,
          label == null ? e.getName() : new Field(label.value()),
          typed(e.getValue()));
    }
    if (ex instanceof MissingServletRequestParameterException e) {
      return Classified.of(ApiError.MISSING_PARAMETER, e.getParameterName());
    }
    if (ex instanceof MissingServletRequestPartException e) {
      return Classified.of(ApiError.MISSING_PARAMETER, e.getRequestPartName());
    }
    if (ex instanceof HttpRequestMethodNotSupportedException e) {
      return Classified.of(ApiError.METHOD_NOT_ALLOWED, e.getMethod());
    }
    if (ex instanceof HttpMediaTypeNotSupportedException e) {
      String accepted =
          e.getSupportedMediaTypes().stream()
              .map(MediaType::toString)
              .collect(Collectors.joining(", "));
      return e.getContentType() == null
          ? Classified.told(ApiError.UNSUPPORTED_MEDIA_TYPE, "none", accepted)
          : Classified.of(ApiError.UNSUPPORTED_MEDIA_TYPE, e.getContentType().toString(), accepted);
    }
    if (ex instanceof HttpMediaTypeNotAcceptableException) {
      return Classified.of(ApiError.NOT_ACCEPTABLE);
    }
    if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
      return Classified.of(ApiError.NOT_FOUND);
    }
    if (ex instanceof MaxUploadSizeExceededException e) {
      return Classified.of(ApiError.PAYLOAD_TOO_LARGE, limit(e.getMaxUploadSize()));
    }
    if (ex instanceof BodyTooLargeException e) {
      return Classified.of(ApiError.PAYLOAD_TOO_LARGE, limit(e.limit()));
    }
    if (ex instanceof AccessDeniedException) {
      return Classified.of(ApiError.ACCESS_DENIED);
    }
    if (ex instanceof AuthenticationException) {
      return Classified.of(ApiError.UNAUTHENTICATED);
    }
    return Classified.of(ApiError.INTERNAL_ERROR);
  }

  /** A value as it was sent: several values of one field joined, never an array's Java name. */
  private static String typed(Object value) {
    if (value instanceof Object[] values) {
      StringJoiner out = new StringJoiner(", ");
      for (Object v : values) {
        out.add(String.valueOf(v));
      }
      return out.toString();
    }
    return String.valueOf(value);
  }

  /** The limit, in the units people use for files. */
  static String limit(long bytes) {
    if (bytes < 0) {
      return "?";
    }
    DataSize size = DataSize.ofBytes(bytes);
    if (size.toGigabytes() >= 1 && bytes % DataSize.ofGigabytes(1).toBytes() == 0) {
      return size.toGigabytes() + " GB";
    }
    if (size.toMegabytes() >= 1) {
      return size.toMegabytes() + " MB";
    }
    return size.toKilobytes() + " KB";
  }

  /**
   * Where in the body the reader gave up, never a Java class: the field, and what it takes when the
   * value was of another kind (a date as YYYY-MM-DD, a whole number, one of a list of codes), else
   * the line and column when the reader knows them.
   */
  private static Classified where(HttpMessageNotReadableException e) {
    if (reader(e) instanceof JacksonException j) {
      StringJoiner path = new StringJoiner(".");
      for (JacksonException.Reference r : j.getPath()) {
        path.add(r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]");
      }
      String field = path.length() == 0 ? "JSON" : "'" + path + "'";
      if (path.length() > 0
          && j instanceof MismatchedInputException m
          && m.getTargetType() != null) {
        Class<?> type = m.getTargetType();
        if (type.isEnum()) {
          StringJoiner values = new StringJoiner(", ");
          for (Object value : type.getEnumConstants()) {
            values.add(((Enum<?>) value).name());
          }
          return Classified.told(ApiError.MALFORMED_BODY, "choice", field, values.toString());
        }
        String expected = EXPECTED.get(type);
        if (expected != null) {
          return Classified.told(
              ApiError.MALFORMED_BODY, "format", field, new Field("body.expected." + expected));
        }
      }
      if (j.getLocation() == null || j.getLocation().getLineNr() < 1) {
        return Classified.told(ApiError.MALFORMED_BODY, "field", field);
      }
      return Classified.of(
          ApiError.MALFORMED_BODY,
          field,
          String.valueOf(j.getLocation().getLineNr()),
          String.valueOf(j.getLocation().getColumnNr()));
    }
    return Classified.told(ApiError.MALFORMED_BODY, "field", "JSON");
  }

  /**
   * The reader's own failure: the first of the causes it threw (a date's parse error lies below it,
   * and knows no field).
   */
  private static Throwable reader(Exception e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof JacksonException) {
        return t;
      }
    }
    return e;
  }
}
