package org.cetak.cli;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.Function;
import org.cetak.common.DomainException;
import org.cetak.platform.Problems;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of the command line, Indonesian first with English beside it: {@code "Port serial /
 * serial ports"}. Every text comes from the message bundles the console words the same things with
 * ({@code messages}, {@code labels}, {@code queue}), so a command says what a page says; a text
 * that reads the same in both languages (a code, a number) is written once.
 *
 * <p>A command prints a heading and under it one labelled value a line, {@code " Baris dibaca /
 * Rows read: 1.250"}, numbers grouped the Indonesian way. A number inside a message is passed as a
 * number, so that each half groups it its own way: {@code "… dan 1.250 lagi / … and 1,250 more"}.
 */
@Component
public class CliText {

  /** The language a user reads first. */
  public static final Locale INDONESIAN = Locale.forLanguageTag("id");

  private static final String BESIDE = " / ";

  private final MessageSource messages;
  private final Problems problems;

  public CliText(MessageSource messages, Problems problems) {
    this.messages = messages;
    this.problems = problems;
  }

  /** The wording of {@code key} in Indonesian, then English: {@code "Baris / Line"}. */
  public String both(String key, Object... args) {
    return both(locale -> in(locale, key, args));
  }

  /**
   * The wording of {@code key} in one language; numbers among {@code args} are grouped the way that
   * language writes them ({@code {0}} gives 1.250 in Indonesian, 1,250 in English).
   */
  public String in(Locale locale, String key, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  /** What {@code wording} says in Indonesian, then in English when that reads differently. */
  public String both(Function<Locale, String> wording) {
    String indonesian = wording.apply(INDONESIAN);
    String english = wording.apply(Locale.ENGLISH);
    return indonesian.equals(english) ? indonesian : indonesian + BESIDE + english;
  }

  /** A labelled value: {@code "Baris dibaca / Rows read: 1.250"}. */
  public String labelled(String key, long value) {
    return labelled(key, number(value));
  }

  /** A labelled text: {@code "Kolom / Column: nik"}. */
  public String labelled(String key, String value) {
    return both(key) + ": " + value;
  }

  /** A whole number as the console writes it: dots between the thousands ({@code 1.250}). */
  public static String number(long value) {
    return NumberFormat.getIntegerInstance(INDONESIAN).format(value);
  }

  /**
   * A refusal as the API's problem document words it ({@code error.<code>} and its detail), in both
   * languages, with the catalogue's code for whoever looks it up: {@code "Ditolak / Refused
   * (BUNDLE_NOT_FOUND): Berkas impor tidak ditemukan: … / The import bundle was not found: …"}; a
   * code the command line answers with an option of its own ({@code cli.hint.<code>}) says which.
   */
  public String refusal(DomainException e) {
    String hint = "cli.hint." + e.code();
    return both("cli.refused")
        + " ("
        + e.code()
        + "): "
        + both(locale -> problems.refusal(e, locale))
        + (messages.getMessage(hint, null, null, Locale.ENGLISH) == null ? "" : " — " + both(hint));
  }
}
