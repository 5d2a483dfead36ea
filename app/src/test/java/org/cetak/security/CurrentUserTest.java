package org.cetak.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cetak.office.OfficeDirectory;
import org.cetak.office.User;
import org.cetak.support.CetakSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The signed-in person is read from the directory once per web request however often the request
 * asks, afresh in the next request, and at every call outside a request.
 */
@CetakSpringTest
class CurrentUserTest {

  @Autowired OfficeDirectory offices;

  private final AtomicInteger reads = new AtomicInteger();
  private CurrentUser current;

  @BeforeEach
  void signedIn() {
    OfficeDirectory counting =
        (OfficeDirectory)
            Proxy.newProxyInstance(
                OfficeDirectory.class.getClassLoader(),
                new Class<?>[] {OfficeDirectory.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("user")) {
                    reads.incrementAndGet();
                  }
                  try {
                    return method.invoke(offices, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    current = new CurrentUser(counting);
    signIn("kabid");
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
    RequestContextHolder.resetRequestAttributes();
  }

  @Test
  void one_read_per_request() {
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    User first = current.get();
    User again = current.get();
    assertThat(again).isSameAs(first);
    assertThat(first.username()).isEqualTo("kabid");
    assertThat(reads).hasValue(1);

    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    current.get();
    assertThat(reads).hasValue(2);
  }

  @Test
  void another_sign_in_within_the_request_is_read_again() {
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    assertThat(current.get().username()).isEqualTo("kabid");
    signIn("operator");
    assertThat(current.get().username()).isEqualTo("operator");
    assertThat(reads).hasValue(2);
  }

  @Test
  void outside_a_request_every_call_reads() {
    current.get();
    current.get();
    assertThat(reads).hasValue(2);
  }

  private static void signIn(String username) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
  }
}
