package org.cetak.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.cetak.office.Permission;

/**
 * The permission a page, form or endpoint needs. {@link AccessInterceptor} checks it, with the
 * office the request names ({@code {office}} in the path or {@code ?office=}, a region code such as
 * {@code 32.71}; the user's own office when it names none), before the handler runs or its body is
 * read. A handler of Cetak without it is refused.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Allow {

  Permission value();

  /** Open to anyone, signed in or not (the sign-in page, the error page). */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @interface Anyone {}
}
