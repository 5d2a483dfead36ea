package org.cetak.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.cetak.common.ErrorCode;
import org.cetak.security.Allow;
import org.cetak.security.SecurityConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error answer, wherever it arose (a page, an endpoint, the security filters, the servlet
 * container): a problem document for API clients, an error page in the user's language for the
 * console. Replaces Spring Boot's "Whitelabel" page.
 */
@Controller
@RequestMapping("/error")
public class ErrorPages implements ErrorController {

  private final Problems problems;

  public ErrorPages(Problems problems) {
    this.problems = problems;
  }

  @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
  @Allow.Anyone
  ModelAndView page(HttpServletRequest request) {
    ProblemDetail problem = problem(request);
    ModelAndView page = new ModelAndView("error");
    page.addObject("problem", problem);
    page.addObject(
        "code", problem.getProperties() == null ? "" : problem.getProperties().get("code"));
    page.setStatus(HttpStatus.valueOf(problem.getStatus()));
    return page;
  }

  @RequestMapping
  @Allow.Anyone
  ResponseEntity<ProblemDetail> document(HttpServletRequest request) {
    ProblemDetail problem = problem(request);
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private ProblemDetail problem(HttpServletRequest request) {
    ProblemDetail problem =
        request.getAttribute(ProblemResolver.PROBLEM) instanceof ProblemDetail resolved
            ? resolved
            : problems.problem(fromContainer(request), new Object[0], Problems.locale(request));
    if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
      problem.setInstance(URI.create(uri));
    }
    return problem;
  }

  /** What the security filters or the servlet container answered without a handler. */
  private static ErrorCode fromContainer(HttpServletRequest request) {
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Exception e) {
      ProblemResolver.Classified c = ProblemResolver.classify(e);
      if (c.code() != ApiError.INTERNAL_ERROR) {
        return c.code();
      }
    }
    if (request.getAttribute(SecurityConfiguration.LOCKED) != null) {
      return ApiError.ACCOUNT_LOCKED;
    }
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int code = status instanceof Integer i ? i : 500;
    return switch (code) {
      case 400 -> ApiError.INVALID_REQUEST;
      case 401 -> ApiError.UNAUTHENTICATED;
      case 403 ->
          request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException
              ? ApiError.CSRF_REJECTED
              : ApiError.ACCESS_DENIED;
      case 404 -> ApiError.NOT_FOUND;
      case 405 -> ApiError.METHOD_NOT_ALLOWED;
      case 406 -> ApiError.NOT_ACCEPTABLE;
      case 413 -> ApiError.PAYLOAD_TOO_LARGE;
      case 415 -> ApiError.UNSUPPORTED_MEDIA_TYPE;
      default -> ApiError.INTERNAL_ERROR;
    };
  }
}
