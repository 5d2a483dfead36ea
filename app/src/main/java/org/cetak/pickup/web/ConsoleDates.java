package org.cetak.pickup.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** Dates and times as the counter reads them: the office's time zone, the officer's language. */
public final class ConsoleDates {

  private final Clock clock;
  private final DateTimeFormatter day;
  private final DateTimeFormatter time;

  public ConsoleDates(Clock clock, Locale locale) {
    this.clock = clock;
    this.day = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
    this.time = DateTimeFormatter.ofPattern("d MMM yyyy HH.mm", locale);
  }

  public String day(LocalDate date) {
    return date == null ? "-" : day.format(date);
  }

  public String day(Optional<LocalDate> date) {
    return date.map(this::day).orElse("-");
  }

  public String time(Instant instant) {
    return instant == null ? "-" : time.format(instant.atZone(clock.getZone()));
  }

  public String time(Optional<Instant> instant) {
    return instant.map(this::time).orElse("-");
  }

  /** Whole days from {@code instant} to now. */
  public long daysSince(Optional<Instant> instant) {
    return instant.map(i -> java.time.Duration.between(i, clock.instant()).toDays()).orElse(0L);
  }
}
