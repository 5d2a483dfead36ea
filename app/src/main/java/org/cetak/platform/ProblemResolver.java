package org.cetak.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import org.cetak.common.DomainException;
import org.cetak.common.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
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
        problems.problem(c.code(), c.args().toArray(), Problems.locale(request));
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

  /** A failure's catalogue code and the values its detail names. */
  record Classified(ErrorCode code, List<Object> args) {

    static Classified of(ErrorCode code, Object... args) {
      return new Classified(code, Arrays.asList(args));
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
      return Classified.of(ApiError.INVALID_PARAMETER, e.getName(), String.valueOf(e.getValue()));
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
      return Classified.of(ApiError.UNSUPPORTED_MEDIA_TYPE, String.valueOf(e.getContentType()));
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
   * Where in the body the reader gave up: the field names and the line and column, never a Java
   * class.
   */
  private static Classified where(HttpMessageNotReadableException e) {
    if (e.getMostSpecificCause() instanceof JacksonException j) {
      StringJoiner path = new StringJoiner(".");
      for (JacksonException.Reference r : j.getPath()) {
        path.add(r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]");
      }
      return Classified.of(
          ApiError.MALFORMED_BODY,
          path.length() == 0 ? "JSON" : "'" + path + "'",
          j.getLocation() == null ? "?" : String.valueOf(j.getLocation().getLineNr()),
          j.getLocation() == null ? "?" : String.valueOf(j.getLocation().getColumnNr()));
    }
    return Classified.of(ApiError.MALFORMED_BODY, "JSON", "?", "?");
  }
}
