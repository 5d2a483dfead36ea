package org.cetak.platform;

import org.cetak.common.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns refusals into RFC 9457 problem details that name the problem: {@code code} is stable for
 * programs, {@code detail} is for people.
 */
@RestControllerAdvice(basePackages = "org.cetak")
public class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(DomainException.class)
  ProblemDetail refused(DomainException e) {
    HttpStatus status =
        switch (e.kind()) {
          case INVALID -> HttpStatus.BAD_REQUEST;
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case CONFLICT -> HttpStatus.CONFLICT;
          case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    log.info("Refused {}: {}", e.code(), e.getMessage());
    return problem(status, e.code(), e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getMostSpecificCause();
    return problem(
        HttpStatus.BAD_REQUEST,
        "MALFORMED_BODY",
        "The request body could not be read: " + cause.getMessage());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalid(MethodArgumentNotValidException e) {
    StringBuilder detail = new StringBuilder("Invalid request:");
    e.getBindingResult()
        .getFieldErrors()
        .forEach(
            f ->
                detail
                    .append(' ')
                    .append(f.getField())
                    .append(' ')
                    .append(f.getDefaultMessage())
                    .append(';'));
    return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", detail.toString());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "INVALID_PARAMETER",
        "Parameter '" + e.getName() + "' has an invalid value: " + e.getValue());
  }

  private static ProblemDetail problem(HttpStatus status, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(code);
    problem.setProperty("code", code);
    return problem;
  }
}
