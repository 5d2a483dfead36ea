package org.cetak.cli;

import java.util.Locale;
import java.util.function.Function;

/**
 * The outcome of one check of {@code cetak check}: what was checked, and when it failed, why in
 * both languages.
 */
record CheckResult(boolean ok, String what, String indonesian, String english) {

  /** A check that passed; {@code detail} is what it found, already in both languages. */
  static CheckResult ok(String what, String detail) {
    return new CheckResult(true, what, detail, detail);
  }

  /** A check that failed, {@code why} worded in each language. */
  static CheckResult fail(String what, Function<Locale, String> why) {
    return new CheckResult(false, what, why.apply(CliText.INDONESIAN), why.apply(Locale.ENGLISH));
  }

  /** A check that failed for the reason the {@code cli.*} message {@code key} words. */
  static CheckResult fail(CliText text, String what, String key, Object... args) {
    return fail(what, locale -> text.in(locale, key, args));
  }

  /**
   * The line {@code cetak check} prints: {@code "ok what: detail"}, or the failure in Indonesian
   * with the English under it.
   */
  String line(CliText text) {
    return ok
        ? String.format("ok     %s: %s", what, indonesian)
        : String.format(
            "%-6s %s: %s%n       %s: %s",
            text.in(CliText.INDONESIAN, "cli.check.fail"),
            what,
            indonesian,
            text.in(Locale.ENGLISH, "cli.check.fail"),
            english);
  }

  /** The innermost cause's message: what actually went wrong, without the wrapping. */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
