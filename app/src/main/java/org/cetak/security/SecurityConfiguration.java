package org.cetak.security;

import jakarta.servlet.http.HttpServletResponse;
import org.cetak.office.Access;
import org.cetak.office.Accounts;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.Tokens;
import org.cetak.office.User;
import org.cetak.platform.BodyLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How people and programs sign in. The console signs in with a form (a session with CSRF
 * protection); the REST API under {@code /api} takes an API token ({@code Bearer}) or HTTP Basic
 * and no CSRF token, or the console's session with its CSRF token ({@link #withoutSession}). What a
 * signed-in user may do is decided by {@link AccessInterceptor} from {@link
 * org.cetak.office.Permission}. Wrong passwords lock an account after {@link Accounts#LOCK_AFTER};
 * every sign-in, failed or not, is in the audit trail.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
public class SecurityConfiguration implements WebMvcConfigurer {

  private final AccessInterceptor gate;

  private final DataSize maxBody;

  public SecurityConfiguration(
      Access access,
      CurrentUser currentUser,
      @Value("${cetak.api.max-body:1MB}") DataSize maxBody) {
    this.gate = new AccessInterceptor(access, currentUser);
    this.maxBody = maxBody;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new BodyLimit(maxBody));
    registry.addInterceptor(gate);
  }

  @Override
  public void addArgumentResolvers(java.util.List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(gate);
  }

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, Tokens tokens) throws Exception {
    RequestMatcher api =
        request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    AuthenticationEntryPoint apiEntry =
        (request, response, e) -> {
          if (e instanceof LockedException) {
            request.setAttribute(LOCKED, true);
          }
          response.setHeader("WWW-Authenticate", "Basic realm=\"Cetak\"");
          response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        };
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/login",
                        "/css/**",
                        "/js/**",
                        "/actuator/health/**",
                        "/error",
                        "/cek-status",
                        "/sms/reports/kannel")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .defaultSuccessUrl("/", false)
                    .failureHandler(
                        (request, response, e) ->
                            response.sendRedirect(
                                request.getContextPath()
                                    + (e instanceof LockedException
                                        ? "/login?locked"
                                        : "/login?error")))
                    .permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .httpBasic(basic -> basic.authenticationEntryPoint(apiEntry))
        .exceptionHandling(
            handling ->
                handling
                    .defaultAuthenticationEntryPointFor(apiEntry, api)
                    // the error page tells a missing or stale CSRF token (CSRF_REJECTED) apart
                    .accessDeniedHandler(
                        (request, response, e) -> {
                          request.setAttribute(WebAttributes.ACCESS_DENIED_403, e);
                          response.sendError(HttpServletResponse.SC_FORBIDDEN);
                        }))
        .addFilterBefore(new ApiTokens(tokens), BasicAuthenticationFilter.class)
        .csrf(csrf -> csrf.ignoringRequestMatchers(withoutSession(api)));
    return http.build();
  }

  /**
   * The API requests that need no CSRF token: those that sign themselves (an {@code Authorization}
   * header, which no other site's page can make a browser send) or come without a session. A
   * request under {@code /api} that rides on a console session's cookie alone needs the session's
   * token ({@code X-CSRF-TOKEN}), as a console form does.
   */
  static RequestMatcher withoutSession(RequestMatcher api) {
    return request ->
        api.matches(request)
            && (request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getRequestedSessionId() == null);
  }

  /** The request attribute that marks a 401 as a locked account. */
  public static final String LOCKED = SecurityConfiguration.class.getName() + ".locked";

  @Bean
  UserDetailsService userDetailsService(OfficeDirectory directory) {
    return username -> {
      User user =
          directory.user(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
      return org.springframework.security.core.userdetails.User.withUsername(user.username())
          .password(user.passwordHash())
          .disabled(!user.enabled())
          .accountLocked(user.locked())
          .roles(user.roles().stream().map(Enum::name).toArray(String[]::new))
          .build();
    };
  }

  /** Signs-in and failures into the audit trail and the lockout count. */
  @Bean
  SignInEvents signInEvents(Accounts accounts, OfficeDirectory directory) {
    return new SignInEvents(accounts, directory);
  }

  /** Listens to the framework's authentication events. */
  static final class SignInEvents {

    private final Accounts accounts;
    private final OfficeDirectory directory;

    SignInEvents(Accounts accounts, OfficeDirectory directory) {
      this.accounts = accounts;
      this.directory = directory;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
      String username = event.getAuthentication().getName();
      if (event instanceof AuthenticationFailureBadCredentialsEvent) {
        accounts.signInFailed(username, from(event.getAuthentication()));
      } else {
        accounts.signInRefused(
            username,
            event.getException().getClass().getSimpleName(),
            from(event.getAuthentication()));
      }
    }

    /** A console sign-in: audited. */
    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
      accounts.signedIn(
          event.getAuthentication().getName(), "form", from(event.getAuthentication()));
    }

    /** Any sign-in (an API call with a password too): the count of wrong passwords starts over. */
    @EventListener
    void authenticated(AuthenticationSuccessEvent event) {
      directory
          .user(event.getAuthentication().getName())
          .filter(u -> u.failedLogins() > 0)
          .ifPresent(u -> directory.recordSuccessfulLogin(u.id()));
    }

    private static String from(Authentication authentication) {
      return authentication.getDetails() instanceof WebAuthenticationDetails details
          ? details.getRemoteAddress()
          : "?";
    }
  }
}
