package org.cetak.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The label of a console form's field, on the handler's parameter that takes it: a value the
 * parameter cannot take (a choice that is not among the options, posted by hand; a date that is
 * none) is refused naming the field by this label in the user's language, as the form shows it,
 * never by its code name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface FieldLabel {

  /** The message key of the field's label, e.g. {@code pickup.recipient}. */
  String value();
}
