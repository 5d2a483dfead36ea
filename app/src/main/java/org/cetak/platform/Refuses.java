package org.cetak.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The catalogue codes (docs/ERRORS.md) an API endpoint refuses with, beyond those every endpoint
 * may answer (sign-in, role, office, malformed body or parameter, 500): the OpenAPI document lists
 * them under their HTTP status, and {@code OpenApiDocumentTest} fails for an endpoint without it.
 * An endpoint that refuses nothing of its own says so with {@code @Refuses({})}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Refuses {

  /** Catalogue codes, for example {@code "INSUFFICIENT_BALANCE"}. */
  String[] value();
}
