package org.cetak.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The one way Cetak writes a date or a time that a person reads (pages, PDFs, CSV exports, the live
 * dashboard): in the office's time zone, in the reader's language, Bahasa Indonesia unless English
 * is chosen.
 *
 * <ul>
 *   <li>a day: {@code 3 Des 2026} ({@code 3 Dec 2026});
 *   <li>a moment: {@code 3 Des 2026 16.42} ({@code 3 Dec 2026 16:42});
 *   <li>a moment to the second, only where events of the same minute must be told apart (the audit
 *       trail, the live dashboard's clock): {@code 3 Des 2026 16.42.53} ({@code 3 Dec 2026
 *       16:42:53});
 *   <li>a day with its weekday, for the heading of a document: {@code Kamis, 3 Des 2026}.
 * </ul>
 *
 * Indonesian separates hours and minutes with a full stop (PUEBI), English with a colon. A missing
 * date or time is written {@code -}.
 */
public final class DateText {

  private static final Locale INDONESIAN = Locale.forLanguageTag("id");

  private final Clock clock;
  private final Locale locale;
  private final DateTimeFormatter day;
  private final DateTimeFormatter weekday;
  private final DateTimeFormatter time;
  private final DateTimeFormatter exact;
  private final DateTimeFormatter clockTime;
  private final DateTimeFormatter shortTime;
  private final DateTimeFormatter shortDay;

  public DateText(Clock clock, Locale locale) {
    this.clock = clock;
    boolean english = "en".equals(locale.getLanguage());
    this.locale = english ? Locale.ENGLISH : INDONESIAN;
    ZoneId zone = clock.getZone();
    String hm = english ? "HH:mm" : "HH.mm";
    String hms = english ? "HH:mm:ss" : "HH.mm.ss";
    this.day = DateTimeFormatter.ofPattern("d MMM yyyy", this.locale);
    this.weekday = DateTimeFormatter.ofPattern("EEEE, d MMM yyyy", this.locale);
    this.time = DateTimeFormatter.ofPattern("d MMM yyyy " + hm, this.locale).withZone(zone);
    this.exact = DateTimeFormatter.ofPattern("d MMM yyyy " + hms, this.locale).withZone(zone);
    this.clockTime = DateTimeFormatter.ofPattern(hms, this.locale).withZone(zone);
    this.shortTime = DateTimeFormatter.ofPattern("d MMM " + hm, this.locale).withZone(zone);
    this.shortDay = DateTimeFormatter.ofPattern("d MMM", this.locale);
  }

  /** In the zone of {@code zone}, for writers that have no clock of their own. */
  public static DateText of(ZoneId zone, Locale locale) {
    return new DateText(Clock.system(zone), locale);
  }

  /** The language the dates are written in: Indonesian or English. */
  public Locale locale() {
    return locale;
  }

  /** The office's time zone. */
  public ZoneId zone() {
    return clock.getZone();
  }

  /** {@code 3 Des 2026}. */
  public String day(LocalDate date) {
    return date == null ? "-" : day.format(date);
  }

  /** {@code 3 Des 2026}, or {@code -}. */
  public String day(Optional<LocalDate> date) {
    return date.map(this::day).orElse("-");
  }

  /** The office's day of {@code instant}: {@code 3 Des 2026}. */
  public String day(Instant instant) {
    return instant == null ? "-" : day(instant.atZone(clock.getZone()).toLocalDate());
  }

  /** {@code Kamis, 3 Des 2026}: the heading of a daily document. */
  public String weekday(LocalDate date) {
    return date == null ? "-" : weekday.format(date);
  }

  /** {@code 3 Des 2026 16.42}. */
  public String time(Instant instant) {
    return instant == null ? "-" : time.format(instant);
  }

  /** {@code 3 Des 2026 16.42}, or {@code -}. */
  public String time(Optional<Instant> instant) {
    return instant.map(this::time).orElse("-");
  }

  /** {@code 3 Des 2026 16.42.53}: only where events of one minute must be told apart. */
  public String exact(Instant instant) {
    return instant == null ? "-" : exact.format(instant);
  }

  /** {@code 16.42.53}: the time of day a live view was drawn. */
  public String clock(Instant instant) {
    return instant == null ? "-" : clockTime.format(instant);
  }

  /** {@code 3 Des 16.42}: a chart's label, where the year is the chart's own. */
  public String chartTime(Instant instant) {
    return instant == null ? "-" : shortTime.format(instant);
  }

  /** {@code 3 Des}: a chart's label, where the year is the chart's own. */
  public String chartDay(LocalDate date) {
    return date == null ? "-" : shortDay.format(date);
  }

  /** Whole days from {@code instant} to now. */
  public long daysSince(Optional<Instant> instant) {
    return instant.map(i -> Duration.between(i, clock.instant()).toDays()).orElse(0L);
  }
}
