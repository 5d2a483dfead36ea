package org.cetak.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.cetak.common.DomainException;
import org.cetak.office.Access;
import org.cetak.office.Office;
import org.cetak.office.OfficeError;
import org.cetak.office.User;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The one gate of every page, form and endpoint: the handler's {@link Allow} permission for the
 * office the request names, decided by {@link Access} before the handler runs. The office it
 * decided on is handed to the handler as its {@link Office} argument.
 */
public final class AccessInterceptor implements HandlerInterceptor, HandlerMethodArgumentResolver {

  private static final String OFFICE = AccessInterceptor.class.getName() + ".office";

  private final Access access;
  private final CurrentUser currentUser;

  public AccessInterceptor(Access access, CurrentUser currentUser) {
    this.access = access;
    this.currentUser = currentUser;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method) || !ours(method)) {
      return true;
    }
    if (method.hasMethodAnnotation(Allow.Anyone.class)) {
      return true;
    }
    Allow allow = method.getMethodAnnotation(Allow.class);
    if (allow == null) {
      throw new DomainException(
          OfficeError.ROLE_REQUIRED,
          "No permission is declared for " + method.getShortLogMessage());
    }
    User user = currentUser.get();
    String code = officeCode(request);
    if (code == null) {
      access.require(user, allow.value());
      request.setAttribute(OFFICE, access.office(user.officeId()));
    } else {
      Office office = access.office(code);
      access.require(user, allow.value(), office);
      request.setAttribute(OFFICE, office);
    }
    return true;
  }

  /** Handlers of Cetak itself; the framework's own (API documentation) only need a sign-in. */
  static boolean ours(HandlerMethod method) {
    return method.getBeanType().getPackageName().startsWith("org.cetak");
  }

  /** The region code the request names, from the path or the query. */
  static String officeCode(HttpServletRequest request) {
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    if (variables instanceof Map<?, ?> map && map.get("office") instanceof String code) {
      return code;
    }
    String code = request.getParameter("office");
    return code == null || code.isBlank() ? null : code.strip();
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Office.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    Object office = webRequest.getAttribute(OFFICE, NativeWebRequest.SCOPE_REQUEST);
    if (office == null) {
      throw new IllegalStateException("No office decided for " + parameter.getExecutable());
    }
    return office;
  }
}
