package org.cetak.common;

import java.util.regex.Pattern;

/**
 * Whole numbers as officers type them: dots group thousands ({@code 1.500}, {@code -12.000}); any
 * other dot ({@code 1.5}) makes the text no whole number, never a larger one.
 */
public final class WholeNumbers {

  private static final Pattern GROUPED = Pattern.compile("-?[0-9]{1,3}(\\.[0-9]{3})+");

  private WholeNumbers() {}

  /** The text without the dots that group its thousands; other text as it was typed. */
  public static String ungrouped(String typed) {
    String text = typed.strip();
    return GROUPED.matcher(text).matches() ? text.replace(".", "") : text;
  }

  /**
   * The number typed.
   *
   * @throws NumberFormatException when the text is no whole number (1.5, 1,5, abc, too large)
   */
  public static int parse(String typed) {
    return Integer.parseInt(ungrouped(typed));
  }
}
