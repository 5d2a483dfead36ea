package org.cetak.common;

import java.util.Arrays;
import java.util.List;

/**
 * A value of a refusal that is itself worded: {@code key} is a message key filled in with {@code
 * args}, so that the refusal's detail says it in the user's language ({@code "data terkompresi
 * records.csv rusak"}, {@code "the compressed data of records.csv is damaged"}).
 */
public record Wording(String key, List<Object> args) {

  public Wording {
    args = List.copyOf(args);
  }

  /** The wording of {@code key} with {@code args}. */
  public static Wording of(String key, Object... args) {
    return new Wording(key, Arrays.asList(args));
  }

  @Override
  public String toString() {
    return key + args;
  }
}
