package org.cetak.common;

import java.util.Optional;

/**
 * A field of a form or a JSON body as a refusal names it: {@code key} is the message key of its
 * label, so the refusal names the field in the user's language.
 */
public record Field(String key) {

  /**
   * Refuses a text longer than {@code max} characters with {@link CommonError#TEXT_TOO_LONG},
   * naming the field, its length and the limit (never the text: it may be personal data).
   */
  public static void atMost(Optional<String> text, int max, String labelKey) {
    if (text != null && text.isPresent() && text.get().length() > max) {
      throw new DomainException(
          CommonError.TEXT_TOO_LONG,
          labelKey + " is " + text.get().length() + " characters long, at most " + max,
          new Field(labelKey),
          text.get().length(),
          max);
    }
  }

  @Override
  public String toString() {
    return key;
  }
}
