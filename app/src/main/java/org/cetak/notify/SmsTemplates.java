package org.cetak.notify;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cetak.common.DomainException;

/**
 * The wording of notices. A template may use {@code {inisial}} (the initial of the resident's
 * name), {@code {kantor}} (the office) and {@code {jam}} (its opening hours) and nothing else:
 * there is no field for a NIK, KK, birth date or address, so no template can send one. A template
 * must say that the card is free ("gratis") and to bring the Suket, and must fit one GSM-7 segment
 * for the office it belongs to.
 */
public final class SmsTemplates {

  /** The fields a template may use. */
  public static final Set<String> FIELDS = Set.of("inisial", "kantor", "jam");

  /** The built-in wording, for an office that has none of its own. */
  public static final Map<NoticeKind, String> DEFAULTS =
      Map.of(
          NoticeKind.READY,
          "Yth. {inisial}. KTP-el Anda sudah jadi, silakan diambil di {kantor}, {jam}. Gratis."
              + " Bawa Suket.",
          NoticeKind.READY_AGAIN,
          "Yth. {inisial}. KTP-el Anda sudah jadi kembali, silakan diambil di {kantor}, {jam}."
              + " Gratis. Bawa Suket.",
          NoticeKind.REMINDER,
          "Yth. {inisial}. KTP-el Anda belum diambil. Silakan ambil di {kantor}, {jam}. Gratis."
              + " Bawa Suket.");

  private static final Pattern FIELD = Pattern.compile("\\{([^{}]*)}");

  private SmsTemplates() {}

  /**
   * Refuses a template that uses an unknown field, carries a character outside GSM-7 (named in the
   * message), leaves out "gratis" or the Suket, or does not fit one segment for this office.
   */
  public static void validate(String body, String officeName, String openingHours) {
    if (body == null || body.isBlank()) {
      throw new DomainException(
          NotifyError.TEMPLATE_EMPTY, "Teks SMS kosong / The template is empty");
    }
    Matcher fields = FIELD.matcher(body);
    while (fields.find()) {
      if (!FIELDS.contains(fields.group(1))) {
        throw new DomainException(
            NotifyError.TEMPLATE_UNKNOWN_FIELD,
            "Isian {"
                + fields.group(1)
                + "} tidak dikenal; yang boleh: {inisial}, {kantor}, {jam} / Unknown field {"
                + fields.group(1)
                + "}",
            "{" + fields.group(1) + "}");
      }
    }
    Optional<String> outside = Gsm7.firstOutside(body);
    if (outside.isPresent()) {
      String named = Gsm7.describe(outside.get());
      throw new DomainException(
          NotifyError.TEMPLATE_NOT_GSM,
          "Karakter "
              + named
              + " tidak ada dalam abjad SMS GSM-7 / Character "
              + named
              + " is not in the GSM-7 alphabet",
          named);
    }
    String lower = body.toLowerCase(Locale.ROOT);
    if (!lower.contains("gratis") || !lower.contains("suket")) {
      throw new DomainException(
          NotifyError.TEMPLATE_INCOMPLETE,
          "Teks SMS harus menyebut \"gratis\" dan \"Suket\" / The template must say \"gratis\""
              + " and \"Suket\"");
    }
    String widest = fill(body, "W", gsmOnly(officeName), gsmOnly(openingHours));
    int septets = Gsm7.septets(widest);
    if (septets > Gsm7.SEGMENT) {
      throw new DomainException(
          NotifyError.TEMPLATE_TOO_LONG,
          "Teks SMS untuk kantor ini "
              + septets
              + " karakter, paling banyak "
              + Gsm7.SEGMENT
              + " / The message is "
              + septets
              + " characters for this office, at most "
              + Gsm7.SEGMENT,
          septets,
          Gsm7.SEGMENT);
    }
  }

  /**
   * The text of one notice. Should the office's name have grown since the template was saved, the
   * name is shortened so the message still fits one segment.
   */
  public static String render(
      String template, String residentName, String officeName, String openingHours) {
    String initial = initial(residentName);
    String hours = gsmOnly(openingHours);
    String office = gsmOnly(officeName);
    String text = fill(template, initial, office, hours);
    while (Gsm7.septets(text) > Gsm7.SEGMENT && !office.isEmpty()) {
      office = office.substring(0, office.length() - 1);
      text = fill(template, initial, office.strip(), hours);
    }
    return text;
  }

  private static String initial(String name) {
    if (name == null || name.isBlank()) {
      return "";
    }
    String first = name.strip().substring(0, 1).toUpperCase(Locale.ROOT);
    return Gsm7.firstOutside(first).isPresent() ? "" : first;
  }

  private static String fill(String template, String initial, String office, String hours) {
    return template
        .replace("{inisial}", initial)
        .replace("{kantor}", office)
        .replace("{jam}", hours);
  }

  /** Office names and hours come from elsewhere: what GSM-7 cannot carry is dropped. */
  private static String gsmOnly(String text) {
    StringBuilder kept = new StringBuilder();
    text.codePoints()
        .mapToObj(cp -> new String(Character.toChars(cp)))
        .filter(ch -> Gsm7.firstOutside(ch).isEmpty())
        .forEach(kept::append);
    return kept.toString();
  }
}
