package org.cetak.console;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cetak.printing.device.PrinterCondition;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The words a user reads for the codes Cetak keeps (statuses, locations, reasons, audit events,
 * printer states): {@code label.<kind>.<code>} of the message bundles in the reader's language,
 * Bahasa Indonesia unless English is chosen. A template calls it as {@code ${@labels.of('audit',
 * e.action)}}; a code without wording shows as it is.
 */
@Component("labels")
public class Labels {

  private static final Pattern PAUSED = Pattern.compile("paused by ([^:]+)(?:: (.*))?");
  private static final Pattern RESUMED = Pattern.compile("resumed by (.+)");
  private static final Pattern SETTLED =
      Pattern.compile("settled by ([^:]+): ([A-Z_]+)(.*?)(?:; resume when the printer is ready)?");

  private final MessageSource messages;

  public Labels(MessageSource messages) {
    this.messages = messages;
  }

  /** The wording of {@code code} of a kind ({@code status}, {@code location}, {@code audit}…). */
  public String of(String kind, Object code) {
    return of(kind, code, LocaleContextHolder.getLocale());
  }

  /** The same in a given language. */
  public String of(String kind, Object code, Locale locale) {
    if (code == null) {
      return "-";
    }
    String text = String.valueOf(code);
    return messages.getMessage("label." + kind + "." + text, null, text, locale);
  }

  /**
   * A place of the ledger as {@code Place} writes it ({@code FEEDER(printer 3)}, {@code VAULT}) in
   * the reader's language: "Feeder printer 3", "Gudang".
   */
  public String place(Object place) {
    Locale locale = LocaleContextHolder.getLocale();
    String text = String.valueOf(place);
    Matcher m = Pattern.compile("([A-Z_]+)\\(printer (\\d+)\\)").matcher(text);
    if (m.matches()) {
      return messages.getMessage(
          "label.location.atPrinter",
          new Object[] {of("location", m.group(1), locale), m.group(2)},
          locale);
    }
    return of("location", text, locale);
  }

  /**
   * Why a printer is in its state, as the station or an officer put it, in the reader's language
   * where Cetak knows the wording; other reasons (a device's own message) show as they are.
   */
  public String printerReason(String reason) {
    return printerReason(reason, LocaleContextHolder.getLocale());
  }

  /** The same in a given language. */
  public String printerReason(String reason, Locale locale) {
    if (reason == null || reason.isBlank()) {
      return "";
    }
    Matcher m = SETTLED.matcher(reason);
    if (m.matches()) {
      return messages.getMessage(
          "label.printerReason.settled",
          new Object[] {m.group(1), of("sighting", m.group(2), locale) + m.group(3)},
          locale);
    }
    m = PAUSED.matcher(reason);
    if (m.matches()) {
      return m.group(2) == null
          ? messages.getMessage("label.printerReason.paused", new Object[] {m.group(1)}, locale)
          : messages.getMessage(
              "label.printerReason.pausedBecause", new Object[] {m.group(1), m.group(2)}, locale);
    }
    m = RESUMED.matcher(reason);
    if (m.matches()) {
      return messages.getMessage("label.printerReason.resumed", new Object[] {m.group(1)}, locale);
    }
    if (reason.equals("demo started")) {
      return messages.getMessage("label.printerReason.demoStarted", null, reason, locale);
    }
    for (PrinterCondition condition : PrinterCondition.values()) {
      if (!condition.advice().isEmpty() && reason.equals(condition.advice())) {
        return messages.getMessage("label.condition." + condition.name(), null, reason, locale);
      }
    }
    return reason;
  }
}
